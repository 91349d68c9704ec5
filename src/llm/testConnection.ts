// "Test connection" and "List models": one tiny request that tells the user *which* thing is wrong —
// CORS, key, model id, reachability — because in a browser a CORS block and an unreachable server both
// surface as the same TypeError from fetch (spec §2). A second, "simple" no-cors request separates
// them: it needs no preflight, so it reaches a live server whatever its CORS policy.
import { z } from '../core/zod';
import { AppError } from '../core/errors';
import type { EndpointConfig } from '../core/schema/endpoint';
import { sortByCodeUnit } from '../core/sortByCodeUnit';
import { chatCompletion, createClient, deadlineOf, withDeadline } from './client';
import { mapLlmError, parseError, type ErrorContext } from './errorMapping';
import { corsHelpFor, getPreset } from '../core/presets';
import { hostOf } from '../core/hostOf';

type ConnectionFailureKind =
  | 'cors'
  | 'auth'
  | 'not_found'
  | 'rate_limit'
  | 'network'
  | 'timeout'
  | 'bad_request'
  | 'server'
  | 'unknown';

export type ConnectionResult =
  | { ok: true; latencyMs: number; model: string; sample: string }
  | { ok: false; kind: ConnectionFailureKind; message: string; nextStep: string };

/** Resolves true when the URL answered at all (an opaque response counts), false when unreachable. */
export type ReachabilityProbe = (url: string, signal: AbortSignal) => Promise<boolean>;

export interface TestConnectionOptions {
  fetch?: typeof fetch;
  probe?: ReachabilityProbe;
  timeoutMs?: number;
  /** This page's origin, for the CORS advice (defaults to the worker's location). */
  origin?: string;
  signal?: AbortSignal;
}

const TEST_TIMEOUT_MS = 30_000;
const PROBE_TIMEOUT_MS = 5_000;
const SAMPLE_CHARS = 80;

/** The default probe: a no-cors GET needs no preflight, so a live server answers it opaquely. */
function noCorsProbe(
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): ReachabilityProbe {
  return async (url, signal) => {
    try {
      await fetchImpl(url, {
        mode: 'no-cors',
        credentials: 'omit',
        signal: AbortSignal.any([signal, AbortSignal.timeout(PROBE_TIMEOUT_MS)]),
      });
      return true;
    } catch {
      return false;
    }
  };
}

function pageOrigin(): string {
  const origin = (globalThis as { location?: { origin?: string } }).location?.origin;
  return origin === undefined || origin === 'null' ? '<this page’s origin>' : origin;
}

const CONNECTION_KINDS: readonly ConnectionFailureKind[] = [
  'cors',
  'auth',
  'not_found',
  'rate_limit',
  'network',
  'timeout',
  'bad_request',
  'server',
];

function failure(error: AppError): ConnectionResult {
  const kind = (CONNECTION_KINDS as readonly string[]).includes(error.kind)
    ? (error.kind as ConnectionFailureKind)
    : 'unknown';
  return {
    ok: false,
    kind,
    message: error.message,
    nextStep: error.nextStep ?? 'Check the endpoint settings and try again.',
  };
}

function corsFailure(endpoint: EndpointConfig, origin: string): ConnectionResult {
  const host = hostOf(endpoint.baseUrl, 'the endpoint');
  const preset = getPreset(endpoint.presetId) ?? getPreset('custom');
  const advice = preset === undefined ? '' : ` ${corsHelpFor(preset, origin)}`;
  return {
    ok: false,
    kind: 'cors',
    message: `${host} is reachable but the browser blocked the request (CORS).`,
    nextStep:
      `Check that ${host} allows this page's origin and the headers it is sent (Authorization, Content-Type${Object.keys(endpoint.headers ?? {}).length > 0 ? `, ${Object.keys(endpoint.headers ?? {}).join(', ')}` : ''}).${advice}`.trim(),
  };
}

async function ping(
  endpoint: EndpointConfig,
  apiKey: string,
  opts: TestConnectionOptions,
  maxTokensField: 'max_tokens' | 'max_completion_tokens',
) {
  const tiny: EndpointConfig = {
    ...endpoint,
    // Reasoning models spend tokens before answering; 16 leaves room while staying cheap.
    sampling:
      maxTokensField === 'max_tokens'
        ? { max_tokens: 5, extra: {} }
        : { extra: { max_completion_tokens: 16 } },
  };
  const client = createClient(tiny, apiKey, {
    timeoutMs: opts.timeoutMs ?? TEST_TIMEOUT_MS,
    ...(opts.fetch === undefined ? {} : { fetch: opts.fetch }),
  });
  return chatCompletion(client, tiny, [{ role: 'user', content: 'ping' }], {
    ...(opts.signal === undefined ? {} : { signal: opts.signal }),
  });
}

/**
 * One tiny chat request ("ping", at most a few tokens). Never throws, except AppError('aborted') when
 * the caller cancels.
 */
export async function testConnection(
  endpoint: EndpointConfig,
  apiKey: string,
  opts: TestConnectionOptions = {},
): Promise<ConnectionResult> {
  try {
    let result;
    try {
      result = await ping(endpoint, apiKey, opts, 'max_tokens');
    } catch (error) {
      // OpenAI's reasoning models refuse max_tokens and ask for max_completion_tokens instead.
      if (!(
        error instanceof AppError &&
        error.kind === 'bad_request' &&
        /max_completion_tokens/.test(error.message)
      )) {
        throw error;
      }
      result = await ping(endpoint, apiKey, opts, 'max_completion_tokens');
    }
    const sample = result.content.trim();
    return {
      ok: true,
      latencyMs: result.latencyMs,
      model: result.responseModel ?? endpoint.model,
      sample: sample.length > SAMPLE_CHARS ? `${sample.slice(0, SAMPLE_CHARS)}…` : sample,
    };
  } catch (thrown) {
    const error =
      thrown instanceof AppError
        ? thrown
        : mapLlmError(thrown, { baseUrl: endpoint.baseUrl, apiKey });
    if (error.kind === 'aborted') throw error;
    if (error.kind !== 'network') return failure(error);
    const probe = opts.probe ?? noCorsProbe(opts.fetch);
    const signal = opts.signal ?? new AbortController().signal;
    const reachable = await probe(`${endpoint.baseUrl}/models`, signal);
    if (signal.aborted) throw new AppError('aborted', 'Cancelled.');
    return reachable ? corsFailure(endpoint, opts.origin ?? pageOrigin()) : failure(error);
  }
}

const ModelListSchema = z.union([
  z.object({ data: z.array(z.object({ id: z.string() }).loose()) }).loose(),
  z.array(z.object({ id: z.string() }).loose()),
]);

/** The model ids the endpoint serves, sorted by code unit. Throws AppError. */
export async function listModels(
  endpoint: EndpointConfig,
  apiKey: string,
  opts: { fetch?: typeof fetch; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<string[]> {
  const client = createClient(endpoint, apiKey, {
    timeoutMs: opts.timeoutMs ?? TEST_TIMEOUT_MS,
    ...(opts.fetch === undefined ? {} : { fetch: opts.fetch }),
  });
  const ctx: ErrorContext = { baseUrl: endpoint.baseUrl, apiKey, signal: opts.signal };
  const text = await withDeadline(deadlineOf(client), ctx, async (signal) => {
    const response = await client.get('/models', { signal }).asResponse();
    return response.text();
  });
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    throw parseError('sent a model list that is not JSON', ctx);
  }
  const parsed = ModelListSchema.safeParse(json);
  if (!parsed.success) throw parseError('sent a model list without model ids', ctx);
  const entries = Array.isArray(parsed.data) ? parsed.data : parsed.data.data;
  return sortByCodeUnit(new Set(entries.map((entry) => entry.id)));
}
