// The only code that sends requests to model and judge endpoints. The openai SDK does the HTTP work;
// retries are ours (maxRetries 0, see scheduler.ts), the response body is validated with zod here,
// and every failure leaves as an AppError from errorMapping.ts.
import OpenAI from 'openai';
import { z } from '../core/zod';
import type { EndpointConfig } from '../core/schema/endpoint';
import {
  fromErrorBody,
  mapLlmError,
  normalizeErrorResponse,
  parseError,
  timeoutError,
  type ErrorContext,
} from './errorMapping';
import { automaticHeaders } from '../core/presets';

/** A whole-request deadline: reasoning models can take minutes, but a stalled request must end. */
const DEFAULT_TIMEOUT_MS = 5 * 60_000;

/** The SDK refuses an empty key; keyless local servers get a placeholder and no Authorization header. */
const NO_KEY_PLACEHOLDER = 'no-key';

/**
 * Starts a request's deadline: calls `expire` after `ms` unless the returned function cancels it
 * first. `about` names the request (its body), so a test can expire exactly the requests its server
 * hangs instead of racing a wall clock.
 */
export type DeadlineTimer = (
  ms: number,
  expire: () => void,
  about: { body?: Record<string, unknown> },
) => () => void;

const wallClockDeadline: DeadlineTimer = (ms, expire) => {
  const timer = setTimeout(expire, ms);
  return () => clearTimeout(timer);
};

export interface ClientOptions {
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Default: a wall-clock timer (setTimeout). */
  deadlineTimer?: DeadlineTimer;
}

/** The SDK's own timeout is off (it stops at the response headers): withDeadline covers it all. */
const NO_SDK_TIMEOUT_MS = 2 ** 31 - 1;

interface Deadline {
  timeoutMs: number;
  timer: DeadlineTimer;
}

const deadlines = new WeakMap<OpenAI, Deadline>();

/** The deadline of a client made by createClient (a client made elsewhere: its own timeout). */
export function deadlineOf(client: OpenAI): Deadline {
  return deadlines.get(client) ?? { timeoutMs: client.timeout, timer: wallClockDeadline };
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatResult {
  content: string;
  /** `reasoning` / `reasoning_content` when the provider returns the model's thinking separately. */
  reasoning: string | null;
  finishReason: string | null;
  usage: { inputTokens: number; outputTokens: number } | null;
  /** The provider's own cost figure (OpenRouter's usage.cost), never an estimate. */
  costUsd: number | null;
  /** The model that answered, as the response names it (routers may resolve aliases). */
  responseModel: string | null;
  latencyMs: number;
  /** Exactly the JSON body that was sent (never the key, which travels in a header). */
  requestBody: Record<string, unknown>;
}

function withoutSdkHeaders(init: RequestInit | undefined): RequestInit | undefined {
  if (init?.headers === undefined) return init;
  const headers = new Headers(init.headers);
  const sdkHeaders: string[] = [];
  headers.forEach((_value, name) => {
    if (name.toLowerCase().startsWith('x-stainless-')) sdkHeaders.push(name);
  });
  for (const name of sdkHeaders) headers.delete(name);
  return { ...init, headers };
}

/**
 * Wraps fetch to remove the SDK's `x-stainless-*` headers from every request: no endpoint needs
 * them, and each non-safelisted header makes a browser send a CORS preflight that many providers
 * reject (spec §1, issue 14). Also normalises error bodies for the SDK (see errorMapping).
 */
function wrapFetch(base: typeof fetch): typeof fetch {
  return async (input, init) => normalizeErrorResponse(await base(input, withoutSdkHeaders(init)));
}

/**
 * Runs one request under a whole-request deadline (the SDK's own timeout stops at the response
 * headers, and routers send headers early) and the caller's signal. The SDK gets a fresh signal per
 * request: it adds an abort listener to the signal it is given and never removes it, which would pile
 * up on a run-wide signal. Failures leave mapped to AppError.
 */
export async function withDeadline<T>(
  limit: number | Deadline,
  ctx: ErrorContext,
  request: (signal: AbortSignal) => Promise<T>,
  about: { body?: Record<string, unknown> } = {},
): Promise<T> {
  const { timeoutMs, timer: startTimer } =
    typeof limit === 'number' ? { timeoutMs: limit, timer: wallClockDeadline } : limit;
  const controller = new AbortController();
  const deadline = new AbortController();
  const cancelTimer = startTimer(
    timeoutMs,
    () => {
      deadline.abort();
      controller.abort();
    },
    about,
  );
  const onAbort = () => {
    controller.abort();
  };
  ctx.signal?.addEventListener('abort', onAbort, { once: true });
  if (ctx.signal?.aborted === true) controller.abort();
  try {
    return await request(controller.signal);
  } catch (error) {
    if (deadline.signal.aborted && ctx.signal?.aborted !== true)
      throw timeoutError({ ...ctx, timeoutMs });
    throw mapLlmError(error, ctx);
  } finally {
    cancelTimer();
    ctx.signal?.removeEventListener('abort', onAbort);
  }
}

export function createClient(
  endpoint: EndpointConfig,
  apiKey: string,
  opts: ClientOptions = {},
): OpenAI {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Called through a closure: browsers throw "Illegal invocation" when fetch loses its `this`.
  const base = opts.fetch ?? ((input, init) => fetch(input, init));
  const hasKey = apiKey.trim() !== '';
  const client = new OpenAI({
    apiKey: hasKey ? apiKey.trim() : NO_KEY_PLACEHOLDER,
    baseURL: endpoint.baseUrl,
    // Explicit nulls: in Node (tests) the SDK would otherwise read OPENAI_* environment variables.
    organization: null,
    project: null,
    dangerouslyAllowBrowser: true,
    maxRetries: 0,
    timeout: NO_SDK_TIMEOUT_MS,
    fetch: wrapFetch(base),
    defaultHeaders: {
      ...automaticHeaders(endpoint.baseUrl),
      ...endpoint.headers,
      ...(hasKey ? {} : { Authorization: null }),
    },
  });
  deadlines.set(client, { timeoutMs, timer: opts.deadlineTimer ?? wallClockDeadline });
  return client;
}

const SAMPLING_FIELDS = ['temperature', 'max_tokens', 'top_p', 'seed'] as const;

/** The body we send: extra fields first, so explicit sampling settings and model/messages win. */
export function buildRequestBody(
  endpoint: EndpointConfig,
  messages: readonly ChatMessage[],
): Record<string, unknown> {
  const { sampling } = endpoint;
  const body: Record<string, unknown> = { ...sampling.extra };
  for (const name of SAMPLING_FIELDS) {
    const value = sampling[name];
    if (value !== undefined) body[name] = value;
  }
  body['model'] = endpoint.model;
  body['messages'] = messages.map((message) => ({ role: message.role, content: message.content }));
  return body;
}

const TextPartSchema = z.object({ type: z.string(), text: z.string().optional() }).loose();

const ChatResponseSchema = z.object({
  model: z.string().nullish(),
  choices: z
    .array(
      z.object({
        message: z
          .object({
            // Some providers (Mistral's reasoning models) send content as an array of parts.
            content: z.union([z.string(), z.array(TextPartSchema)]).nullish(),
            reasoning: z.string().nullish(),
            reasoning_content: z.string().nullish(),
          })
          .loose(),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1, 'no choices'),
  usage: z
    .object({
      prompt_tokens: z.number().nonnegative(),
      completion_tokens: z.number().nonnegative(),
      cost: z.union([z.number(), z.string()]).nullish(),
    })
    .loose()
    .nullish(),
});
type ChatResponse = z.infer<typeof ChatResponseSchema>;

function contentText(content: ChatResponse['choices'][number]['message']['content']): string {
  if (content == null) return '';
  if (typeof content === 'string') return content;
  return content
    .filter((part) => part.type === 'text' && part.text !== undefined)
    .map((part) => part.text)
    .join('');
}

function costOf(cost: number | string | null | undefined): number | null {
  if (cost == null) return null;
  const value = typeof cost === 'number' ? cost : Number(cost);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

/** Turns a 200 body into a ChatResult, or throws AppError('parse' | the error the body reports). */
function readChatResponse(
  text: string,
  ctx: ErrorContext,
): Omit<ChatResult, 'latencyMs' | 'requestBody'> {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    throw parseError(`sent a body that is not JSON: ${text.slice(0, 120)}`, ctx);
  }
  if (typeof json === 'object' && json !== null && 'error' in json && !('choices' in json)) {
    throw fromErrorBody(json, ctx);
  }
  const parsed = ChatResponseSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where =
      issue === undefined ? '' : ` (${issue.path.join('.') || 'body'}: ${issue.message})`;
    throw parseError(`sent a response that is not a chat completion${where}`, ctx);
  }
  const { choices, usage, model } = parsed.data;
  const [choice] = choices;
  const message = choice?.message;
  return {
    content: contentText(message?.content),
    reasoning: message?.reasoning ?? message?.reasoning_content ?? null,
    finishReason: choice?.finish_reason ?? null,
    usage:
      usage == null
        ? null
        : { inputTokens: usage.prompt_tokens, outputTokens: usage.completion_tokens },
    costUsd: costOf(usage?.cost),
    responseModel: model ?? null,
  };
}

/** One non-streaming chat completion. Throws AppError (an LlmError carrying retryAfterMs on 429). */
export async function chatCompletion(
  client: OpenAI,
  endpoint: EndpointConfig,
  messages: readonly ChatMessage[],
  opts: { signal?: AbortSignal } = {},
): Promise<ChatResult> {
  const requestBody = buildRequestBody(endpoint, messages);
  const deadline = deadlineOf(client);
  const ctx: ErrorContext = {
    baseUrl: endpoint.baseUrl,
    apiKey:
      client.apiKey === null || client.apiKey === NO_KEY_PLACEHOLDER ? undefined : client.apiKey,
    model: endpoint.model,
    signal: opts.signal,
    timeoutMs: deadline.timeoutMs,
  };
  const started = performance.now();
  const text = await withDeadline(
    deadline,
    ctx,
    async (signal) => {
      const response = await client
        .post('/chat/completions', { body: requestBody, signal })
        .asResponse();
      return response.text();
    },
    { body: requestBody },
  );
  const latencyMs = Math.round(performance.now() - started);
  return { ...readChatResponse(text, ctx), latencyMs, requestBody: structuredClone(requestBody) };
}
