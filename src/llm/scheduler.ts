// Per-endpoint request scheduler: bounded, adaptive concurrency and our own retries (the SDK's are
// off). Rate limits shrink the window multiplicatively, successes grow it back additively (AIMD, as
// TCP does); waits follow core/retryPolicy, so a server's long retry-after (beyond the SDK's 60 s
// limit) is honoured up to `policy.maxRetryAfterMs`. Cancelling rejects queued and sleeping work at
// once with AppError('aborted'), which callers do not show as an error.
import { AppError, toAppError, type AppErrorKind } from '../core/errors';
import { decideRetry, retrying, type RetryPolicy } from '../core/retryPolicy';
import { LlmError, retryAfterOf } from './errorMapping';

/** Kinds that waiting can fix. `parse` is here because a truncated or garbled body is often transient. */
const RETRYABLE_KINDS: ReadonlySet<AppErrorKind> = new Set<AppErrorKind>([
  'rate_limit',
  'server',
  'network',
  'timeout',
  'parse',
]);

function isRetryableKind(kind: AppErrorKind): boolean {
  return RETRYABLE_KINDS.has(kind);
}

export interface RetryInfo {
  /** The attempt that failed (1-based). */
  attempt: number;
  error: AppError;
  delayMs: number;
}

interface RunOptions {
  signal?: AbortSignal | undefined;
  onRetry?: (info: RetryInfo) => void;
}

export interface SchedulerOptions {
  policy: RetryPolicy;
  initialConcurrency: number;
  minConcurrency?: number;
  /** Consecutive successes that earn one more slot (up to the initial concurrency). Default 5. */
  increaseAfterSuccesses?: number;
  /** Total attempts for a malformed body, bounded lower than other retries. Default 2. */
  maxParseAttempts?: number;
  random?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

interface SchedulerStats {
  concurrency: number;
  active: number;
  queued: number;
  sleeping: number;
  succeeded: number;
  failed: number;
  retries: number;
  rateLimited: number;
  decreases: number;
  increases: number;
}

export interface Scheduler {
  run<T>(
    task: (attempt: number, signal: AbortSignal) => Promise<T>,
    opts?: RunOptions,
  ): Promise<{ value: T; attempts: number }>;
  concurrency(): number;
  stats(): SchedulerStats;
}

interface Waiter {
  grant: () => void;
}

/** A sleep that rejects with AppError('aborted') as soon as the signal fires. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(cancelled());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function cancelled(attempts?: number): AppError {
  return new AppError('aborted', 'Cancelled.', attempts === undefined ? {} : { attempts });
}

/** The same error with the attempt count (and the reason we stopped, when we gave up retrying). */
function finalError(error: AppError, attempts: number, reason?: string): AppError {
  return new LlmError(
    error.kind,
    reason === undefined ? error.message : `${error.message} (${reason})`,
    {
      ...(error.status === undefined ? {} : { status: error.status }),
      ...(error.host === undefined ? {} : { host: error.host }),
      ...(error.nextStep === undefined ? {} : { nextStep: error.nextStep }),
      retryAfterMs: retryAfterOf(error),
      attempts,
      cause: error,
    },
  );
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const initial = Math.max(1, Math.floor(options.initialConcurrency));
  const min = Math.min(initial, Math.max(1, Math.floor(options.minConcurrency ?? 1)));
  const increaseAfter = Math.max(1, options.increaseAfterSuccesses ?? 5);
  const maxParseAttempts = Math.max(1, options.maxParseAttempts ?? 2);
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? abortableSleep;
  const neverAborted = new AbortController().signal;

  let limit = initial;
  let active = 0;
  let sleeping = 0;
  let successStreak = 0;
  // The "window" of AIMD: a 429 only halves the limit if its attempt started after the last
  // decrease. A burst of 429s from requests already in flight therefore counts once.
  let epoch = 0;
  const queue: Waiter[] = [];
  const counters = {
    succeeded: 0,
    failed: 0,
    retries: 0,
    rateLimited: 0,
    decreases: 0,
    increases: 0,
  };

  function pump(): void {
    while (active < limit && queue.length > 0) {
      const next = queue.shift();
      active++;
      next?.grant();
    }
  }

  /** Waits for a slot. Retries jump the queue: older work finishes first. */
  function acquire(signal: AbortSignal, isRetry: boolean, attemptsSoFar: number): Promise<void> {
    if (signal.aborted) return Promise.reject(cancelled(attemptsSoFar));
    if (active < limit && queue.length === 0) {
      active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        const index = queue.indexOf(waiter);
        if (index !== -1) queue.splice(index, 1);
        reject(cancelled(attemptsSoFar));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      if (isRetry) queue.unshift(waiter);
      else queue.push(waiter);
    });
  }

  function release(): void {
    active--;
    pump();
  }

  function onSuccess(): void {
    counters.succeeded++;
    successStreak++;
    if (successStreak >= increaseAfter && limit < initial) {
      limit++;
      counters.increases++;
      successStreak = 0;
      pump();
    }
  }

  function onRateLimited(attemptEpoch: number): void {
    counters.rateLimited++;
    successStreak = 0;
    if (attemptEpoch === epoch && limit > min) {
      limit = Math.max(min, Math.floor(limit / 2));
      counters.decreases++;
      epoch++;
    }
  }

  function decide(error: AppError, attempt: number) {
    if (!isRetryableKind(error.kind)) return { retry: false as const, reason: undefined };
    if (
      error.kind === 'parse' &&
      attempt >= Math.min(maxParseAttempts, options.policy.maxAttempts)
    ) {
      return { retry: false as const, reason: `gave up after ${attempt} attempts` };
    }
    const failure = {
      ...(error.status === undefined ? {} : { status: error.status }),
      ...(retryAfterOf(error) === undefined ? {} : { retryAfterMs: retryAfterOf(error) }),
    };
    return decideRetry(options.policy, attempt, failure, random());
  }

  async function run<T>(
    task: (attempt: number, signal: AbortSignal) => Promise<T>,
    opts: RunOptions = {},
  ): Promise<{ value: T; attempts: number }> {
    const signal = opts.signal ?? neverAborted;
    return retrying<T, AppError, string | undefined>({
      attempt: async (attempt) => {
        await acquire(signal, attempt > 1, attempt - 1);
        const attemptEpoch = epoch;
        let error: AppError;
        try {
          const value = await task(attempt, signal);
          release();
          onSuccess();
          return { ok: true, value };
        } catch (thrown) {
          release();
          error = signal.aborted ? cancelled() : toAppError(thrown);
        }
        if (error.kind === 'aborted') throw cancelled(attempt);
        if (error.kind === 'rate_limit') onRateLimited(attemptEpoch);
        return { ok: false, failure: error };
      },
      decide,
      giveUp: (error, attempts, reason) => {
        counters.failed++;
        return finalError(error, attempts, reason);
      },
      wait: async (delayMs, error, attempt) => {
        counters.retries++;
        opts.onRetry?.({ attempt, error, delayMs });
        sleeping++;
        try {
          await sleep(delayMs, signal);
        } catch (slept) {
          if (signal.aborted || toAppError(slept).kind === 'aborted') throw cancelled(attempt);
          throw slept;
        } finally {
          sleeping--;
        }
      },
    });
  }

  return {
    run,
    concurrency: () => limit,
    stats: () => ({ concurrency: limit, active, queued: queue.length, sleeping, ...counters }),
  };
}
