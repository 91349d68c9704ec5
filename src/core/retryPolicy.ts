// When and how long to wait before retrying an HTTP request. Pure: the caller supplies the clock-free
// inputs (status, headers it could read, attempt number, a random number) so it can be tested exactly.
// Used by dataset downloads (worker/fetchWithRetry) and the model/judge scheduler, whose retry loops
// are both `retrying` below.

export interface RetryPolicy {
  /** Total attempts including the first (so 1 = never retry). */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Cap on a server-requested wait: past it we give up rather than stall the run for hours. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 5 * 60_000,
};

/** 408, 409, 425, 429 and 5xx are worth retrying; other statuses will not change by waiting. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 425 || status === 429 || status >= 500;
}

/**
 * Reads `retry-after-ms` (milliseconds) or `retry-after` (seconds or an HTTP date). Returns
 * undefined when absent or unreadable. Unlike the openai SDK (which ignores values over 60 s), a long
 * window is honoured: the caller compares it with `maxRetryAfterMs`.
 */
export function parseRetryAfterMs(
  header: (name: string) => string | null | undefined,
  nowMs: number,
): number | undefined {
  const ms = header('retry-after-ms');
  if (ms != null && ms.trim() !== '') {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const raw = header('retry-after');
  if (raw == null || raw.trim() === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(raw);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/** Exponential backoff with "full jitter" (AWS architecture blog): uniform in [0, min(cap, base·2^n)]. */
export function backoffDelayMs(policy: RetryPolicy, attempt: number, random: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling * Math.min(1, Math.max(0, random)));
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: string };

/**
 * Decides on retrying after failed attempt number `attempt` (1-based). `status` undefined means a
 * network failure (no response).
 */
export function decideRetry(
  policy: RetryPolicy,
  attempt: number,
  failure: { status?: number; retryAfterMs?: number },
  random: number,
): RetryDecision {
  if (failure.status !== undefined && !isRetryableStatus(failure.status)) {
    return { retry: false, reason: `HTTP ${failure.status} is not retryable` };
  }
  if (attempt >= policy.maxAttempts) {
    return { retry: false, reason: `gave up after ${attempt} attempts` };
  }
  if (failure.retryAfterMs !== undefined) {
    if (failure.retryAfterMs > policy.maxRetryAfterMs) {
      return {
        retry: false,
        reason: `server asked to wait ${Math.round(failure.retryAfterMs / 1000)} s, more than the ${Math.round(policy.maxRetryAfterMs / 1000)} s cap`,
      };
    }
    // A small jitter on top keeps many parallel requests from retrying in the same millisecond.
    return { retry: true, delayMs: failure.retryAfterMs + Math.round(random * 250) };
  }
  return { retry: true, delayMs: backoffDelayMs(policy, attempt, random) };
}

/** One attempt's outcome: its value, or the failure `decide` looks at. */
type AttemptResult<T, F> = { ok: true; value: T } | { ok: false; failure: F };

/** The parts of a retry loop that differ between callers (dataset downloads, the scheduler). */
export interface RetryLoop<T, F, R = string> {
  /** Makes attempt number `attempt` (1-based). A rejection ends the loop at once (e.g. cancelled). */
  attempt: (attempt: number) => Promise<AttemptResult<T, F>>;
  /** Whether to retry after this failed attempt, and after how long. */
  decide: (
    failure: F,
    attempt: number,
  ) => { retry: true; delayMs: number } | { retry: false; reason: R };
  /** The error thrown when the loop gives up after `attempts` attempts. */
  giveUp: (failure: F, attempts: number, reason: R) => Error;
  /** Waits `delayMs` before the next attempt; a rejection (cancelled) ends the loop. */
  wait: (delayMs: number, failure: F, attempt: number) => Promise<void>;
}

/** Attempts until one succeeds or `decide` says stop: the one retry loop of the app. */
export async function retrying<T, F, R = string>(
  loop: RetryLoop<T, F, R>,
): Promise<{ value: T; attempts: number }> {
  for (let attempt = 1; ; attempt++) {
    const result = await loop.attempt(attempt);
    if (result.ok) return { value: result.value, attempts: attempt };
    const decision = loop.decide(result.failure, attempt);
    if (!decision.retry) throw loop.giveUp(result.failure, attempt, decision.reason);
    await loop.wait(decision.delayMs, result.failure, attempt);
  }
}
