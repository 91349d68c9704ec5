// Dataset downloads over HTTP: bounded retries with backoff (honouring retry-after), and a fallback
// host. The one place that maps dataset-fetch failures to AppError (the llm/ layer maps its own).
import { AppError } from '../core/errors';
import { decideRetry, parseRetryAfterMs, retrying, type RetryPolicy } from '../core/retryPolicy';
import { hostOf } from '../core/hostOf';

export interface HttpDeps {
  fetch: typeof fetch;
  random: () => number;
  now: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** A failed attempt, before we decide whether to retry it. */
interface AttemptFailure {
  status?: number;
  retryAfterMs?: number;
  message: string;
}

async function attemptOnce(
  deps: HttpDeps,
  url: string,
  signal: AbortSignal,
): Promise<{ ok: true; text: string } | { ok: false; failure: AttemptFailure }> {
  let response: Response;
  try {
    response = await deps.fetch(url, { signal, credentials: 'omit' });
  } catch (error) {
    if (signal.aborted) throw new AppError('aborted', 'Cancelled.');
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, failure: { message: `no response (${detail})` } };
  }
  if (!response.ok) {
    const retryAfterMs = parseRetryAfterMs((name) => response.headers.get(name), deps.now());
    // Drain the body so the connection can be reused; its content is not needed.
    await response.body?.cancel().catch(() => undefined);
    return {
      ok: false,
      failure: {
        status: response.status,
        message: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      },
    };
  }
  try {
    return { ok: true, text: await response.text() };
  } catch (error) {
    if (signal.aborted) throw new AppError('aborted', 'Cancelled.');
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, failure: { message: `the response was cut off (${detail})` } };
  }
}

function kindFor(status: number | undefined): AppError['kind'] {
  if (status === undefined) return 'network';
  if (status === 429 || status === 403) return 'rate_limit';
  if (status === 404) return 'not_found';
  if (status >= 500) return 'server';
  return 'bad_request';
}

/** GETs `url` as text, retrying per `policy`. Throws AppError naming the host, status and attempts. */
export async function fetchTextWithRetry(
  deps: HttpDeps,
  url: string,
  policy: RetryPolicy,
  signal: AbortSignal,
): Promise<string> {
  const { value } = await retrying<string, AttemptFailure>({
    attempt: async () => {
      if (signal.aborted) throw new AppError('aborted', 'Cancelled.');
      const result = await attemptOnce(deps, url, signal);
      return result.ok ? { ok: true, value: result.text } : result;
    },
    decide: (failure, attempt) => decideRetry(policy, attempt, failure, deps.random()),
    giveUp: (failure, attempts, reason) => {
      const host = hostOf(url);
      return new AppError(
        kindFor(failure.status),
        `${host} answered ${failure.message} (${reason})`,
        {
          host,
          attempts,
          ...(failure.status === undefined ? {} : { status: failure.status }),
        },
      );
    },
    wait: (delayMs) => deps.sleep(delayMs, signal),
  });
  return value;
}

/** Tries the primary URL, then the mirror. Returns which one served the text. */
export async function fetchTextWithFallback(
  deps: HttpDeps,
  urls: { primary: string | null; mirror: string | null },
  policy: RetryPolicy,
  signal: AbortSignal,
): Promise<{ text: string; via: 'primary' | 'mirror' }> {
  let primaryError: AppError | undefined;
  if (urls.primary !== null) {
    try {
      return { text: await fetchTextWithRetry(deps, urls.primary, policy, signal), via: 'primary' };
    } catch (error) {
      if (!(error instanceof AppError) || error.kind === 'aborted') throw error;
      primaryError = error;
    }
  }
  if (urls.mirror === null) throw primaryError ?? new AppError('unknown', 'No URL to fetch from.');
  try {
    return { text: await fetchTextWithRetry(deps, urls.mirror, policy, signal), via: 'mirror' };
  } catch (error) {
    if (!(error instanceof AppError) || error.kind === 'aborted' || primaryError === undefined) {
      throw error;
    }
    throw new AppError(
      primaryError.kind,
      `${primaryError.message}; then the mirror ${error.message}`,
      {
        ...(primaryError.host === undefined ? {} : { host: primaryError.host }),
        ...(primaryError.status === undefined ? {} : { status: primaryError.status }),
        attempts: (primaryError.attempts ?? 0) + (error.attempts ?? 0),
      },
    );
  }
}

/** The last failed attempt of a request, for callers that map failures to AppError themselves. */
export interface HttpFailure {
  host: string;
  attempts: number;
  /** Why retrying stopped, e.g. `gave up after 5 attempts`. */
  reason: string;
  /** Undefined when no response arrived (network failure, CORS refusal, cut-off body). */
  status?: number;
  /** `HTTP 404 Not Found`, `no response (…)` or `the response was cut off (…)`. */
  message: string;
  /** The start (≤ 2 KB) of an error response's body: services explain a status there. */
  bodyStart?: string;
}

export interface ReadRequest<T> {
  method?: 'GET' | 'HEAD';
  headers?: Record<string, string>;
  /**
   * Reads a 2xx response. Throw an AppError to stop at once; any other rejection counts as a
   * cut-off response and is retried like a network failure. Returning the response unread (for
   * streaming) means only failures before the first byte are retried.
   */
  read: (response: Response) => Promise<T>;
  /** Maps the final failure to an AppError; by default the same kinds as fetchTextWithRetry. */
  toError?: (failure: HttpFailure) => AppError;
}

const ERROR_BODY_LIMIT = 2048;

/** Reads at most ERROR_BODY_LIMIT bytes of an error body, then lets the connection go. */
async function readBodyStart(response: Response): Promise<string | undefined> {
  if (response.body === null) return undefined;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < ERROR_BODY_LIMIT) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // A body that breaks off is still a failed response; what arrived is enough to explain it.
    return text === '' ? undefined : text.slice(0, ERROR_BODY_LIMIT);
  }
  await reader.cancel().catch(() => undefined);
  return text.slice(0, ERROR_BODY_LIMIT);
}

type ReadAttempt<T> =
  { ok: true; value: T } | { ok: false; failure: AttemptFailure & { bodyStart?: string } };

async function attemptRead<T>(
  deps: HttpDeps,
  url: string,
  signal: AbortSignal,
  request: ReadRequest<T>,
): Promise<ReadAttempt<T>> {
  let response: Response;
  try {
    const init: RequestInit = { signal, credentials: 'omit', method: request.method ?? 'GET' };
    if (request.headers !== undefined) init.headers = request.headers;
    response = await deps.fetch(url, init);
  } catch (error) {
    if (signal.aborted) throw new AppError('aborted', 'Cancelled.');
    return { ok: false, failure: { message: `no response (${errorDetail(error)})` } };
  }
  if (!response.ok) return { ok: false, failure: await failureOf(deps, response) };
  try {
    return { ok: true, value: await request.read(response) };
  } catch (error) {
    if (signal.aborted) throw new AppError('aborted', 'Cancelled.');
    if (error instanceof AppError) throw error;
    return { ok: false, failure: { message: `the response was cut off (${errorDetail(error)})` } };
  }
}

async function failureOf(
  deps: HttpDeps,
  response: Response,
): Promise<AttemptFailure & { bodyStart?: string }> {
  const retryAfterMs = parseRetryAfterMs((name) => response.headers.get(name), deps.now());
  const bodyStart = await readBodyStart(response);
  return {
    status: response.status,
    message: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    ...(bodyStart === undefined ? {} : { bodyStart }),
  };
}

function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function defaultHttpError(failure: HttpFailure): AppError {
  return new AppError(
    kindFor(failure.status),
    `${failure.host} answered ${failure.message} (${failure.reason})`,
    {
      host: failure.host,
      attempts: failure.attempts,
      ...(failure.status === undefined ? {} : { status: failure.status }),
    },
  );
}

/**
 * Requests `url` and reads the response with `request.read`, retrying per `policy` (retry-after
 * honoured). Unlike fetchTextWithRetry the caller chooses method, headers (e.g. Range), how the
 * body is read and how the final failure is reported.
 */
export async function fetchReadWithRetry<T>(
  deps: HttpDeps,
  url: string,
  policy: RetryPolicy,
  signal: AbortSignal,
  request: ReadRequest<T>,
): Promise<T> {
  const { value } = await retrying<T, AttemptFailure & { bodyStart?: string }>({
    attempt: async () => {
      if (signal.aborted) throw new AppError('aborted', 'Cancelled.');
      return attemptRead(deps, url, signal, request);
    },
    decide: (failure, attempt) => decideRetry(policy, attempt, failure, deps.random()),
    giveUp: ({ retryAfterMs: _unused, ...failure }, attempts, reason) =>
      (request.toError ?? defaultHttpError)({ ...failure, host: hostOf(url), attempts, reason }),
    wait: (delayMs) => deps.sleep(delayMs, signal),
  });
  return value;
}
