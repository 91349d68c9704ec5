// THE one place that turns openai SDK / fetch failures into AppError for model and judge endpoints.
// Every message names the host and the provider's own words, scrubbed of anything that looks like a
// key; every error says what to do next. A rate limit carries the server's requested wait on
// `LlmError.retryAfterMs` (a subclass rather than a wrapper object, so `throw` and `instanceof
// AppError` keep working; the field stays inside the worker, where the scheduler reads it).
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  OpenAIError,
} from 'openai';
import { AppError, type AppErrorDetails, type AppErrorKind } from '../core/errors';
import { parseRetryAfterMs } from '../core/retryPolicy';
import { hostOf } from '../core/hostOf';

export class LlmError extends AppError {
  /** The wait the server asked for (retry-after-ms / retry-after), uncapped; the scheduler caps it. */
  readonly retryAfterMs: number | undefined;

  constructor(
    kind: AppErrorKind,
    message: string,
    details: AppErrorDetails & { retryAfterMs?: number | undefined } = {},
  ) {
    super(kind, message, details);
    this.retryAfterMs = details.retryAfterMs;
  }
}

export interface ErrorContext {
  baseUrl: string;
  /**
   * The key the request carried: scrubbed from every message even when it matches no known key shape.
   * Absent or empty means the request went without one (so a 401 does not blame a key).
   */
  apiKey?: string;
  model?: string;
  /** The caller's signal: once it fired, any failure is a cancellation, not an error. */
  signal?: AbortSignal | undefined;
  timeoutMs?: number;
  now?: () => number;
}

const REDACTED = '[redacted]';
const MAX_PROVIDER_MESSAGE = 400;

const KEY_PATTERNS: readonly RegExp[] = [
  /sk-ant-[A-Za-z0-9_*-]{6,}/g,
  /sk-[A-Za-z0-9_*-]{6,}/g,
  /AIza[0-9A-Za-z_-]{20,}/g,
  /hf_[A-Za-z0-9]{10,}/g,
  /gsk_[A-Za-z0-9]{10,}/g,
  /tgp_v1_[A-Za-z0-9_-]{10,}/g,
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Removes key-shaped strings, bearer tokens, `api-key: …` values and the given secrets from text. */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let result = text;
  for (const secret of secrets) {
    // Very short "keys" (placeholders for keyless local servers) would shred ordinary words.
    if (secret !== undefined && secret.trim().length >= 6) {
      result = result.replace(new RegExp(escapeRegExp(secret.trim()), 'g'), REDACTED);
    }
  }
  result = result.replace(/\bBearer\s+[^\s"',;]+/gi, `Bearer ${REDACTED}`);
  result = result.replace(
    /\b((?:x-)?(?:api[_-]?key|key|token|access_token)["']?\s*[:=]\s*["']?)[^\s"',;&}]+/gi,
    `$1${REDACTED}`,
  );
  for (const pattern of KEY_PATTERNS) result = result.replace(pattern, REDACTED);
  return result;
}

/** Finds a human message in the error bodies providers actually send (OpenAI, FastAPI, Gemini, …). */
export function providerMessageOf(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() === '' ? undefined : body;
  if (Array.isArray(body)) return providerMessageOf(body[0]);
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  for (const key of ['error', 'message', 'detail', 'msg']) {
    const found = providerMessageOf(record[key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The SDK reads an error body's message only from `{ error: … }`. vLLM (`{message}`), FastAPI
 * (`{detail}`) and Gemini (`[{error}]`) would surface as "404 status code (no body)", so the client's
 * fetch wrapper rewrites non-OK JSON bodies into the OpenAI shape before the SDK sees them.
 */
export async function normalizeErrorResponse(response: Response): Promise<Response> {
  // Below 400 there is nothing to normalise (and 1xx/3xx responses cannot be rebuilt with a body).
  if (response.status < 400) return response;
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    body = text;
  }
  const isOpenAiShape =
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body) &&
    typeof (body as { error?: unknown }).error === 'object';
  if (isOpenAiShape || text.trim() === '') return rebuilt(response, text);
  const message = /^\s*</.test(text)
    ? 'an HTML page instead of JSON (is the base URL right?)'
    : (providerMessageOf(body) ?? text);
  return rebuilt(response, JSON.stringify({ error: { message } }));
}

function rebuilt(response: Response, body: string): Response {
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.delete('content-encoding');
  headers.set('content-type', 'application/json');
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_PROVIDER_MESSAGE
    ? `${oneLine.slice(0, MAX_PROVIDER_MESSAGE)}…`
    : oneLine;
}

/** The provider's words from an APIError, without the SDK's "401 " prefix. */
function apiErrorText(error: HttpFailure): string {
  const fromBody = providerMessageOf(error.error);
  if (fromBody !== undefined) return fromBody;
  if (/status code \(no body\)$/.test(error.message)) return '';
  return error.message.replace(/^\d{3}\s+/, '');
}

interface StatusMapping {
  kind: AppErrorKind;
  summary: string;
  nextStep: string;
}

function statusMapping(status: number, text: string, ctx: ErrorContext): StatusMapping {
  const host = hostOf(ctx.baseUrl, 'the endpoint');
  const model = ctx.model === undefined ? 'the model id' : `the model id “${ctx.model}”`;
  if ((status === 401 || status === 403) && /\bcors\b/i.test(text)) {
    return {
      kind: 'cors',
      summary: `${host} refused a browser request (${status})`,
      nextStep: `${host} needs a browser-access header: choose its preset (which adds it) or add the header the message names.`,
    };
  }
  if (status === 402 || (status === 429 && /insufficient_quota|quota|credit|billing/i.test(text))) {
    return {
      kind: 'auth',
      summary: `${host} says the account has no credit left (${status})`,
      nextStep: `Check the billing or credits of the account behind the key for ${host}.`,
    };
  }
  if ((status === 401 || status === 403) && (ctx.apiKey ?? '').trim() === '') {
    // Blaming a key that was never sent sends people hunting for a typo (issue 13).
    return {
      kind: 'auth',
      summary: `${host} asks for a key, and no key was sent (${status})`,
      nextStep: `Enter the API key for ${host} (it is sent only there), then try again.`,
    };
  }
  if (status === 401 || status === 403) {
    return {
      kind: 'auth',
      summary: `${host} rejected the key (${status})`,
      nextStep: `Check the key for ${host}: it may be mistyped, revoked, or lack access to ${model}.`,
    };
  }
  if (status === 404) {
    return {
      kind: 'not_found',
      summary: `${host} answered 404 Not Found`,
      nextStep: `Check ${model} (“List models” shows what ${host} serves) and the base URL (it usually ends in /v1).`,
    };
  }
  if (status === 408) {
    return {
      kind: 'timeout',
      summary: `${host} timed out the request (408)`,
      nextStep: 'Retry later, or lower the concurrency.',
    };
  }
  if (status === 429) {
    return {
      kind: 'rate_limit',
      summary: `${host} is rate limiting requests (429)`,
      nextStep: 'Lower the concurrency or wait; requests are retried automatically with backoff.',
    };
  }
  if (status >= 500 || status === 409 || status === 425) {
    return {
      kind: 'server',
      summary: `${host} had a server error (${status})`,
      nextStep: `${host} is failing or overloaded: retry later or try another provider.`,
    };
  }
  return {
    kind: 'bad_request',
    summary: `${host} rejected the request (${status})`,
    nextStep:
      status === 413
        ? 'The request is too large for this provider or model: use a model with a longer context.'
        : 'Check the sampling settings and extra body fields: some models reject temperature or max_tokens (they want max_completion_tokens).',
  };
}

/** The parts of the SDK's APIError we read (its generic parameters default to `any`). */
interface HttpFailure {
  status: number | undefined;
  headers: Headers | undefined;
  error: unknown;
  message: string;
}

function fromApiError(error: HttpFailure, ctx: ErrorContext): LlmError {
  const status = error.status ?? 0;
  const text = apiErrorText(error);
  const mapping = statusMapping(status, text, ctx);
  const retryAfterMs =
    error.headers === undefined
      ? undefined
      : parseRetryAfterMs((name) => error.headers?.get(name), (ctx.now ?? Date.now)());
  const detail = scrubSecrets(clip(text), [ctx.apiKey]);
  return new LlmError(
    mapping.kind,
    detail === '' ? mapping.summary : `${mapping.summary}: ${detail}`,
    {
      status,
      host: hostOf(ctx.baseUrl, 'the endpoint'),
      nextStep: mapping.nextStep,
      retryAfterMs,
    },
  );
}

/** An error body that arrived with HTTP 200 (OpenRouter does this for upstream failures). */
export function fromErrorBody(body: unknown, ctx: ErrorContext): LlmError {
  const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
  const status = typeof code === 'number' && code >= 400 && code < 600 ? code : 502;
  const text = providerMessageOf(body) ?? 'an error without a message';
  const mapping = statusMapping(status, text, ctx);
  return new LlmError(
    mapping.kind,
    `${mapping.summary}: ${scrubSecrets(clip(text), [ctx.apiKey])}`,
    {
      status,
      host: hostOf(ctx.baseUrl, 'the endpoint'),
      nextStep: mapping.nextStep,
    },
  );
}

/** A 200 whose body is not a usable chat completion. */
export function parseError(what: string, ctx: ErrorContext): LlmError {
  const host = hostOf(ctx.baseUrl, 'the endpoint');
  return new LlmError('parse', `${host} ${scrubSecrets(clip(what), [ctx.apiKey])}`, {
    host,
    nextStep: `Check that the base URL points at an OpenAI-compatible API (it usually ends in /v1); if it does, ${host} may be failing — retry later.`,
  });
}

/** The request outlived its deadline. */
export function timeoutError(ctx: ErrorContext): LlmError {
  const host = hostOf(ctx.baseUrl, 'the endpoint');
  const limit = ctx.timeoutMs === undefined ? '' : ` within ${Math.round(ctx.timeoutMs / 1000)} s`;
  return new LlmError('timeout', `${host} did not answer${limit}`, {
    host,
    nextStep: 'The model may be slow or overloaded: raise the timeout or lower the concurrency.',
  });
}

function networkError(ctx: ErrorContext, cause: unknown): LlmError {
  const host = hostOf(ctx.baseUrl, 'the endpoint');
  const causeText = cause instanceof Error ? cause.message : '';
  const detail = causeText === '' ? '' : ` (${scrubSecrets(clip(causeText), [ctx.apiKey])})`;
  return new LlmError('network', `Could not reach ${host}${detail}`, {
    host,
    nextStep: `Check the base URL and your connection. If ${host} is up, the browser may be blocking it (CORS): use “Test connection”.`,
  });
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
}

/** Maps anything thrown while calling an endpoint to an AppError (an LlmError unless it already was one). */
export function mapLlmError(error: unknown, ctx: ErrorContext): AppError {
  if (error instanceof AppError) return error;
  const host = hostOf(ctx.baseUrl, 'the endpoint');
  if (ctx.signal?.aborted === true || error instanceof APIUserAbortError) {
    return new LlmError('aborted', 'Cancelled.', { host });
  }
  if (error instanceof APIConnectionTimeoutError) return timeoutError(ctx);
  if (error instanceof APIConnectionError) return networkError(ctx, error.cause ?? error);
  if (error instanceof APIError) return fromApiError(error as HttpFailure, ctx);
  const name = errorName(error);
  // Reading the body can fail after the SDK handed the response over: the deadline fired, the
  // connection dropped mid-body, or the JSON was broken.
  if (name === 'TimeoutError' || name === 'AbortError') return timeoutError(ctx);
  if (error instanceof SyntaxError)
    return parseError(`sent a body that is not JSON (${error.message})`, ctx);
  if (error instanceof TypeError) return networkError(ctx, error);
  const message = error instanceof Error ? error.message : String(error);
  return new LlmError('unknown', scrubSecrets(clip(`${host}: ${message}`), [ctx.apiKey]), {
    host,
    nextStep:
      error instanceof OpenAIError
        ? 'Check the endpoint settings.'
        : 'Retry; if it persists, report it.',
  });
}

/** The server-requested wait carried by a mapped error, if any. */
export function retryAfterOf(error: unknown): number | undefined {
  return error instanceof LlmError ? error.retryAfterMs : undefined;
}
