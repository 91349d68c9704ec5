import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors';
import type { RetryPolicy } from '../../src/core/retryPolicy';
import { chatCompletion, createClient } from '../../src/llm/client';
import { LlmError, retryAfterOf } from '../../src/llm/errorMapping';
import {
  createScheduler,
  type RetryInfo,
  type Scheduler,
  type SchedulerOptions,
} from '../../src/llm/scheduler';
import {
  mockEndpoint,
  startMockOpenAI,
  type MockOpenAI,
  type MockOptions,
} from '../support/mockOpenAI';
import { afterPendingCallbacks, waitUntil } from '../support/waitUntil';

const KEY = 'sk-sched-key-0123456789';
const POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 100,
  maxDelayMs: 1_000,
  maxRetryAfterMs: 300_000,
};

let mock: MockOpenAI | undefined;

async function start(options: MockOptions = { apiKey: KEY }): Promise<MockOpenAI> {
  mock = await startMockOpenAI(options);
  return mock;
}

afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

/** A scheduler whose sleeps return at once and are recorded. */
function recordingScheduler(overrides: Partial<SchedulerOptions> = {}) {
  const waits: number[] = [];
  const scheduler = createScheduler({
    policy: POLICY,
    initialConcurrency: 4,
    random: () => 0.5,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
    ...overrides,
  });
  return { scheduler, waits };
}

/** One chat completion through the scheduler against the mock. */
function ask(
  scheduler: Scheduler,
  m: MockOpenAI,
  opts: { signal?: AbortSignal; key?: string } = {},
) {
  const endpoint = mockEndpoint(m);
  const client = createClient(endpoint, opts.key ?? KEY, { timeoutMs: 5_000 });
  const retries: RetryInfo[] = [];
  const promise = scheduler.run(
    (_attempt, signal) =>
      chatCompletion(client, endpoint, [{ role: 'user', content: 'q' }], { signal }),
    { signal: opts.signal, onRetry: (info) => retries.push(info) },
  );
  return { promise, retries };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('scheduler retries', () => {
  it('retries server errors and a dropped connection with exponential backoff, then succeeds', async () => {
    const m = await start();
    m.enqueue({ status: 500 }, { drop: true }, { status: 503 });
    const { scheduler, waits } = recordingScheduler();
    const { promise, retries } = ask(scheduler, m);
    const result = await promise;
    expect(result.attempts).toBe(4);
    expect(result.value.content).toBe('mock reply');
    // Full jitter with random 0.5: half of 100·2^(n-1).
    expect(waits).toEqual([50, 100, 200]);
    expect(retries.map((r) => [r.attempt, r.error.kind])).toEqual([
      [1, 'server'],
      [2, 'network'],
      [3, 'server'],
    ]);
    expect(m.requests).toHaveLength(4);
    expect(scheduler.stats()).toMatchObject({ succeeded: 1, failed: 0, retries: 3, active: 0 });
  });

  it('honours retry-after (seconds) and retry-after-ms', async () => {
    const m = await start();
    m.enqueue(
      { status: 429, headers: { 'retry-after': '2' } },
      { status: 429, headers: { 'retry-after-ms': '1500' } },
    );
    const { scheduler, waits } = recordingScheduler();
    const { promise } = ask(scheduler, m);
    expect((await promise).attempts).toBe(3);
    // The server's wait plus up to 250 ms of jitter (random 0.5 → 125).
    expect(waits).toEqual([2_125, 1_625]);
  });

  it('honours a 120 s retry-after within a 300 s cap (the SDK would ignore it past 60 s)', async () => {
    const m = await start();
    m.enqueue({ status: 429, headers: { 'retry-after': '120' } });
    const { scheduler, waits } = recordingScheduler();
    expect((await ask(scheduler, m).promise).attempts).toBe(2);
    expect(waits).toEqual([120_125]);
  });

  it('gives up when retry-after exceeds the cap', async () => {
    const m = await start();
    m.enqueue({ status: 429, headers: { 'retry-after': '400' } });
    const { scheduler, waits } = recordingScheduler();
    const error = await rejection(ask(scheduler, m).promise);
    expect(error.kind).toBe('rate_limit');
    expect(error.attempts).toBe(1);
    expect(error.message).toMatch(/400 s, more than the 300 s cap/);
    expect(retryAfterOf(error)).toBe(400_000);
    expect(waits).toEqual([]);
  });

  it('gives up after maxAttempts and reports them', async () => {
    const m = await start();
    m.setDefault({ status: 502 });
    const { scheduler, waits } = recordingScheduler({ policy: { ...POLICY, maxAttempts: 3 } });
    const error = await rejection(ask(scheduler, m).promise);
    expect(error).toMatchObject({ kind: 'server', attempts: 3, status: 502 });
    expect(error.message).toMatch(/gave up after 3 attempts/);
    expect(waits).toHaveLength(2);
    expect(m.requests).toHaveLength(3);
  });

  it('fails fast on auth errors with attempts = 1', async () => {
    const m = await start();
    const { scheduler, waits } = recordingScheduler();
    const error = await rejection(ask(scheduler, m, { key: 'sk-wrong-key-000000000' }).promise);
    expect(error).toMatchObject({ kind: 'auth', attempts: 1 });
    expect(waits).toEqual([]);
    expect(m.requests).toHaveLength(1);
  });

  it.each([
    [{ status: 404 }, 'not_found'],
    [{ status: 400 }, 'bad_request'],
  ] as const)('fails fast on %o', async (behaviour, kind) => {
    const m = await start();
    m.enqueue(behaviour);
    const { scheduler } = recordingScheduler();
    expect(await rejection(ask(scheduler, m).promise)).toMatchObject({ kind, attempts: 1 });
  });

  it('retries a malformed body a bounded number of times', async () => {
    const m = await start();
    m.setDefault({ malformed: true });
    const { scheduler, waits } = recordingScheduler();
    const error = await rejection(ask(scheduler, m).promise);
    expect(error).toMatchObject({ kind: 'parse', attempts: 2 });
    expect(waits).toHaveLength(1);
  });

  it('does not retry errors that are not AppErrors (programming errors)', async () => {
    const { scheduler } = recordingScheduler();
    let calls = 0;
    const error = await rejection(
      scheduler.run(() => {
        calls++;
        return Promise.reject(new RangeError('bug'));
      }),
    );
    expect(error).toMatchObject({ kind: 'unknown', attempts: 1 });
    expect(calls).toBe(1);
  });
});

describe('scheduler concurrency', () => {
  it('never runs more tasks than the limit', async () => {
    const m = await start();
    m.setLatency(15);
    const { scheduler } = recordingScheduler({ initialConcurrency: 2 });
    let peak = 0;
    const endpoint = mockEndpoint(m);
    const client = createClient(endpoint, KEY);
    await Promise.all(
      Array.from({ length: 6 }, () =>
        scheduler.run(async (_attempt, signal) => {
          peak = Math.max(peak, scheduler.stats().active);
          return chatCompletion(client, endpoint, [{ role: 'user', content: 'q' }], { signal });
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(scheduler.stats()).toMatchObject({ succeeded: 6, active: 0, queued: 0 });
  });

  it('halves once for a burst of 429s from requests already in flight, then recovers additively', async () => {
    const m = await start();
    m.enqueue(
      ...Array.from({ length: 8 }, () => ({ status: 429, headers: { 'retry-after-ms': '0' } })),
    );
    const limitsAtRetry: number[] = [];
    // Retries wait until all 8 limited answers are in: on a loaded machine the 429s arrive spread
    // out, and an early retry's success would otherwise grow the window before the last 429 is seen.
    let allLimited: () => void = () => undefined;
    const burstSeen = new Promise<void>((resolve) => {
      allLimited = resolve;
    });
    const { scheduler } = recordingScheduler({
      initialConcurrency: 8,
      increaseAfterSuccesses: 2,
      sleep: () => burstSeen,
    });
    const endpoint = mockEndpoint(m);
    const client = createClient(endpoint, KEY);
    await Promise.all(
      Array.from({ length: 8 }, () =>
        scheduler.run(
          (_attempt, signal) =>
            chatCompletion(client, endpoint, [{ role: 'user', content: 'q' }], { signal }),
          {
            onRetry: () => {
              if (limitsAtRetry.push(scheduler.concurrency()) === 8) allLimited();
            },
          },
        ),
      ),
    );
    expect(m.requests).toHaveLength(16); // the eight 429s went to the eight first attempts
    expect(limitsAtRetry).toEqual([4, 4, 4, 4, 4, 4, 4, 4]);
    // 8 successes, one more slot per 2 → back to the initial 8 and no further.
    expect(scheduler.concurrency()).toBe(8);
    expect(scheduler.stats()).toMatchObject({ rateLimited: 8, decreases: 1, increases: 4 });
  });

  it('halves again when retries started after a decrease are limited too, down to the minimum', async () => {
    const { scheduler } = recordingScheduler({ initialConcurrency: 8, minConcurrency: 2 });
    const limited = () => new LlmError('rate_limit', 'slow down', { status: 429, retryAfterMs: 0 });
    let calls = 0;
    const result = await scheduler.run(() => {
      calls++;
      return calls <= 4 ? Promise.reject(limited()) : Promise.resolve('done');
    });
    expect(result).toEqual({ value: 'done', attempts: 5 });
    // 8 → 4 → 2, then held at the minimum.
    expect(scheduler.concurrency()).toBe(2);
    expect(scheduler.stats().decreases).toBe(2);
  });
});

describe('scheduler cancellation', () => {
  it('rejects a queued task as aborted as soon as its signal fires', async () => {
    const m = await start();
    m.enqueue({ hang: true });
    const { scheduler } = recordingScheduler({ initialConcurrency: 1 });
    const first = new AbortController();
    const blocker = ask(scheduler, m, { signal: first.signal }).promise;
    const second = new AbortController();
    const queued = ask(scheduler, m, { signal: second.signal }).promise;
    // The blocker's request is at the server (it hangs there); the second waits for its slot.
    await waitUntil(() => m.requests.length === 1, 'the first request at the server');
    expect(scheduler.stats()).toMatchObject({ active: 1, queued: 1 });
    second.abort();
    const error = await rejection(queued);
    expect(error).toMatchObject({ kind: 'aborted', attempts: 0 });
    expect(scheduler.stats().queued).toBe(0);
    first.abort();
    expect(await rejection(blocker)).toMatchObject({ kind: 'aborted', attempts: 1 });
    expect(scheduler.stats().active).toBe(0);
  });

  it('rejects a task sleeping before a retry as aborted, promptly', async () => {
    const m = await start();
    m.enqueue({ status: 429, headers: { 'retry-after': '60' } });
    // The real sleep: a 60 s wait that the abort must cut short.
    const scheduler = createScheduler({ policy: POLICY, initialConcurrency: 2 });
    const controller = new AbortController();
    const { promise } = ask(scheduler, m, { signal: controller.signal });
    const outcome = promise.then(
      () => 'resolved',
      (thrown: unknown) => thrown,
    );
    await waitUntil(() => scheduler.stats().sleeping === 1, 'the task to sleep before its retry');
    controller.abort();
    // "Promptly" without a clock: the rejection follows from the abort event alone, before any
    // timer or I/O callback could run.
    let settled: unknown = 'still sleeping';
    void outcome.then((value) => {
      settled = value;
    });
    await afterPendingCallbacks();
    expect(settled).toBeInstanceOf(AppError);
    expect(settled).toMatchObject({ kind: 'aborted', attempts: 1 });
    expect(scheduler.stats()).toMatchObject({ sleeping: 0, active: 0 });
  });

  it('rejects at once when the signal has already fired', async () => {
    const { scheduler } = recordingScheduler();
    let calls = 0;
    const error = await rejection(
      scheduler.run(
        () => {
          calls++;
          return Promise.resolve(1);
        },
        { signal: AbortSignal.abort() },
      ),
    );
    expect(error.kind).toBe('aborted');
    expect(calls).toBe(0);
  });
});
