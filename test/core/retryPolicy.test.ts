import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  decideRetry,
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  parseRetryAfterMs,
  retrying,
  type RetryLoop,
} from '../../src/core/retryPolicy';

const headers = (values: Record<string, string>) => (name: string) => values[name] ?? null;
const NOW = Date.parse('2026-11-23T12:00:00Z');

describe('parseRetryAfterMs', () => {
  it.each([
    [{ 'retry-after': '2' }, 2000],
    [{ 'retry-after': '0' }, 0],
    [{ 'retry-after': '120' }, 120_000],
    [{ 'retry-after-ms': '1500' }, 1500],
    [{ 'retry-after-ms': '1500', 'retry-after': '9' }, 1500],
    [{ 'retry-after': 'Mon, 23 Nov 2026 12:00:30 GMT' }, 30_000],
    [{ 'retry-after': 'Mon, 23 Nov 2026 11:00:00 GMT' }, 0],
    [{ 'retry-after': 'soon' }, undefined],
    [{ 'retry-after': '-5' }, undefined],
    [{}, undefined],
  ])('%j → %s', (values, expected) => {
    expect(parseRetryAfterMs(headers(values), NOW)).toBe(expected);
  });
});

describe('isRetryableStatus', () => {
  it.each([
    [408, true],
    [429, true],
    [500, true],
    [503, true],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
  ])('%i → %s', (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected);
  });
});

describe('backoffDelayMs', () => {
  it('grows exponentially up to the cap, scaled by the random draw', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelayMs(policy, n, 1))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
    expect(backoffDelayMs(policy, 3, 0.5)).toBe(200);
    expect(backoffDelayMs(policy, 3, 0)).toBe(0);
  });
});

describe('decideRetry', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 3, maxRetryAfterMs: 60_000 };
  it('retries network failures and 5xx with backoff', () => {
    expect(decideRetry(policy, 1, {}, 1)).toEqual({ retry: true, delayMs: 500 });
    expect(decideRetry(policy, 2, { status: 503 }, 1)).toEqual({ retry: true, delayMs: 1000 });
  });
  it('honours retry-after, with a little jitter', () => {
    expect(decideRetry(policy, 1, { status: 429, retryAfterMs: 2000 }, 0)).toEqual({
      retry: true,
      delayMs: 2000,
    });
    const jittered = decideRetry(policy, 1, { status: 429, retryAfterMs: 2000 }, 1);
    expect(jittered).toEqual({ retry: true, delayMs: 2250 });
  });
  it('gives up past the cap on server-requested waits', () => {
    const decision = decideRetry(policy, 1, { status: 429, retryAfterMs: 120_000 }, 0);
    expect(decision.retry).toBe(false);
    expect(decision).toMatchObject({ reason: expect.stringContaining('120 s') as unknown });
  });
  it('never retries statuses that waiting cannot fix', () => {
    expect(decideRetry(policy, 1, { status: 404 }, 0)).toEqual({
      retry: false,
      reason: 'HTTP 404 is not retryable',
    });
  });
  it('stops after maxAttempts', () => {
    expect(decideRetry(policy, 3, { status: 500 }, 0)).toEqual({
      retry: false,
      reason: 'gave up after 3 attempts',
    });
  });
});

describe('retrying', () => {
  // A loop whose attempts fail with the given statuses, then succeed; decided by the real policy
  // with random = 0.5, and every call recorded.
  function loop(statuses: number[], overrides: Partial<RetryLoop<string, number>> = {}) {
    const log: string[] = [];
    const policy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 3 };
    const spec: RetryLoop<string, number> = {
      attempt: (attempt) => {
        log.push(`attempt ${attempt}`);
        const status = statuses[attempt - 1];
        return Promise.resolve(
          status === undefined
            ? { ok: true, value: `ok at ${attempt}` }
            : { ok: false, failure: status },
        );
      },
      decide: (status, attempt) => decideRetry(policy, attempt, { status }, 0.5),
      giveUp: (status, attempts, reason) =>
        new Error(`HTTP ${status}, ${attempts} attempts: ${reason}`),
      wait: (delayMs, status, attempt) => {
        log.push(`wait ${delayMs} after ${status} (attempt ${attempt})`);
        return Promise.resolve();
      },
      ...overrides,
    };
    return { log, run: () => retrying(spec) };
  }

  it('retries failures after the decided wait and returns the value with its attempt count', async () => {
    const { log, run } = loop([503, 429]);
    expect(await run()).toEqual({ value: 'ok at 3', attempts: 3 });
    expect(log).toEqual([
      'attempt 1',
      'wait 250 after 503 (attempt 1)',
      'attempt 2',
      'wait 500 after 429 (attempt 2)',
      'attempt 3',
    ]);
  });

  it.each([
    [[404], 'HTTP 404, 1 attempts: HTTP 404 is not retryable', ['attempt 1']],
    [
      [500, 500, 500],
      'HTTP 500, 3 attempts: gave up after 3 attempts',
      [
        'attempt 1',
        'wait 250 after 500 (attempt 1)',
        'attempt 2',
        'wait 500 after 500 (attempt 2)',
        'attempt 3',
      ],
    ],
  ])('gives up with the error giveUp makes (%j)', async (statuses, message, calls) => {
    const { log, run } = loop(statuses);
    await expect(run()).rejects.toThrow(message);
    expect(log).toEqual(calls);
  });

  it('stops at once when an attempt or a wait rejects (cancelled)', async () => {
    const cancelled = new Error('Cancelled.');
    const failing = loop([503], { attempt: () => Promise.reject(cancelled) });
    await expect(failing.run()).rejects.toBe(cancelled);
    expect(failing.log).toEqual([]);

    const waitCancelled = loop([503, 503], { wait: () => Promise.reject(cancelled) });
    await expect(waitCancelled.run()).rejects.toBe(cancelled);
    expect(waitCancelled.log).toEqual(['attempt 1']);
  });
});
