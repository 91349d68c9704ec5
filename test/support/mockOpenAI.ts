// A real loopback HTTP server that behaves like an OpenAI-compatible API, for llm/worker tests and the
// e2e suite (STYLE: mock the network, not our modules). Scriptable per request; answers CORS
// preflights; can imitate a provider whose preflight rejects the SDK's x-stainless-* headers. Serves
// HTTP/1.1 in the clear, or (`http2: true`) HTTP/2 over TLS with a certificate made at start, as real
// providers do (browsers speak HTTP/2 only over TLS; Chromium needs --ignore-certificate-errors).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  constants as http2Constants,
  createSecureServer,
  type Http2ServerRequest,
  type Http2ServerResponse,
} from 'node:http2';
import type { AddressInfo, Socket } from 'node:net';
import { selfSignedCert } from './selfSignedCert';
import type { EndpointConfig } from '../../src/core/schema/endpoint';

interface MockUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/chat/completions`. */
  path: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Parsed JSON when the body was JSON, the raw text otherwise, undefined when empty. */
  body: unknown;
  /** Date.now() when the request arrived. */
  at: number;
  /** `1.1` or `2.0`. */
  httpVersion: string;
  /** Date.now() when the response was sent (undefined while unanswered, dropped or hung). */
  answeredAt?: number;
}

export type MockBehaviour =
  | {
      reply: string | ((body: unknown) => string);
      /** null omits usage; undefined estimates it (4 characters per token). */
      usage?: MockUsage | null;
      /** OpenRouter-style `usage.cost` in USD. */
      cost?: number;
      reasoning?: string;
      finishReason?: string;
      latencyMs?: number;
      /** Send status and headers at once, the body only after this delay (as routers do). */
      stallBodyMs?: number;
    }
  | { status: number; headers?: Record<string, string>; body?: unknown; latencyMs?: number }
  | { drop: true }
  | { hang: true }
  | { malformed: true }
  | { emptyChoices: true };

type BehaviourSource = MockBehaviour | ((request: RecordedRequest) => MockBehaviour);

export interface MockOptions {
  /** When set, requests must carry `Authorization: Bearer <apiKey>` (401 otherwise). */
  apiKey?: string;
  /** Access-Control-Allow-Headers for preflights: `*` (default) allows whatever is asked. */
  allowHeaders?: string;
  /**
   * Imitate the browser in Node: a request carrying a header the preflight would not allow has its
   * connection destroyed, which fetch reports as a TypeError — what a CORS block looks like.
   */
  enforceCors?: boolean;
  models?: string[];
  latencyMs?: number;
  /** HTTP/2 over TLS (HTTP/1.1 over TLS still answered, for clients without HTTP/2). */
  http2?: boolean;
  /**
   * `Access-Control-Max-Age` of preflight answers: 0 (default) makes a browser ask before every
   * request; real providers let it cache the answer (Chromium caps the age at 2 hours).
   */
  preflightMaxAgeSeconds?: number;
  /** Send `Timing-Allow-Origin: *`, which lets a browser page read the protocol (nextHopProtocol). */
  timingAllowOrigin?: boolean;
}

export interface MockOpenAI {
  /** `http://127.0.0.1:<port>/v1` (`https://` with `http2`) */
  baseUrl: string;
  origin: string;
  /** The PEM certificate of an `http2` mock, for Node clients (`ca`); undefined in the clear. */
  certificate: string | undefined;
  /** Every non-preflight request that reached a route, in arrival order. */
  requests: RecordedRequest[];
  preflights: RecordedRequest[];
  /** Requests dropped by `enforceCors` (a browser would never have sent them). */
  corsBlocked: RecordedRequest[];
  enqueue(...behaviours: MockBehaviour[]): void;
  setDefault(behaviour: BehaviourSource): void;
  setLatency(ms: number): void;
  close(): Promise<void>;
}

/** Headers browsers set themselves or that are CORS-safelisted: a preflight need not allow them. */
const EXEMPT_HEADERS = new Set([
  'host',
  'connection',
  'content-length',
  'accept',
  'accept-language',
  'accept-encoding',
  'content-language',
  'user-agent',
  'origin',
  'referer',
  'sec-fetch-mode',
  'sec-fetch-site',
  'sec-fetch-dest',
]);

const DEFAULT_MODELS = ['gpt-4o-mini', 'mock-judge', 'mock-model'];

function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function promptText(body: unknown): string {
  const messages = (body as { messages?: { content?: unknown }[] } | undefined)?.messages ?? [];
  return messages
    .map((message) => (typeof message.content === 'string' ? message.content : ''))
    .join('\n');
}

function modelOf(body: unknown): string {
  const model = (body as { model?: unknown } | undefined)?.model;
  return typeof model === 'string' ? model : 'mock-model';
}

function openAiError(message: string, type: string, code: string | null): unknown {
  return { error: { message, type, param: null, code } };
}

type MockRequest = IncomingMessage | Http2ServerRequest;
type MockResponse = ServerResponse | Http2ServerResponse;

async function readBody(req: MockRequest): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function recordOf(req: MockRequest, body: unknown): RecordedRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    // HTTP/2 pseudo-headers (:method, :path, :authority…) are the request line, not headers.
    if (value !== undefined && !name.startsWith(':'))
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  return {
    method: req.method ?? 'GET',
    path,
    headers,
    body,
    at: Date.now(),
    httpVersion: req.httpVersion,
  };
}

function isGone(res: MockResponse): boolean {
  return 'stream' in res ? res.stream.destroyed : res.destroyed;
}

/** A connection dropped mid-request: HTTP/2 resets the one stream, HTTP/1.1 closes the socket. */
function dropConnection(req: MockRequest): void {
  if ('stream' in req) req.stream.close(http2Constants.NGHTTP2_INTERNAL_ERROR);
  else req.socket.destroy();
}

export async function startMockOpenAI(options: MockOptions = {}): Promise<MockOpenAI> {
  const allowHeaders = options.allowHeaders ?? '*';
  const maxAge = String(options.preflightMaxAgeSeconds ?? 0);
  const models = options.models ?? DEFAULT_MODELS;
  let latencyMs = options.latencyMs ?? 0;
  let fallback: BehaviourSource = { reply: 'mock reply' };
  const queue: MockBehaviour[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const requests: RecordedRequest[] = [];
  const preflights: RecordedRequest[] = [];
  const corsBlocked: RecordedRequest[] = [];

  function corsHeaders(req: MockRequest): Record<string, string> {
    return {
      'access-control-allow-origin': req.headers.origin ?? '*',
      'access-control-expose-headers': 'retry-after, retry-after-ms, x-request-id',
      vary: 'Origin',
      ...(options.timingAllowOrigin === true ? { 'timing-allow-origin': '*' } : {}),
    };
  }

  function later(ms: number, action: () => void): void {
    if (ms <= 0) {
      action();
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, ms);
    timers.add(timer);
  }

  function send(
    req: MockRequest,
    res: MockResponse,
    status: number,
    body: unknown,
    headers = {},
    record?: RecordedRequest,
  ) {
    if (isGone(res)) return;
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json',
      ...corsHeaders(req),
      ...headers,
    });
    res.end(text);
    if (record !== undefined) record.answeredAt = Date.now();
  }

  function isCorsBlocked(record: RecordedRequest): boolean {
    if (options.enforceCors !== true || allowHeaders === '*') return false;
    const allowed = new Set(allowHeaders.split(',').map((name) => name.trim().toLowerCase()));
    return Object.keys(record.headers).some(
      (name) => !EXEMPT_HEADERS.has(name) && !allowed.has(name),
    );
  }

  function chatBody(
    record: RecordedRequest,
    behaviour: Extract<MockBehaviour, { reply: unknown }>,
  ) {
    const content =
      typeof behaviour.reply === 'function' ? behaviour.reply(record.body) : behaviour.reply;
    const usage =
      behaviour.usage === null
        ? undefined
        : (behaviour.usage ?? {
            prompt_tokens: estimateTokens(promptText(record.body)),
            completion_tokens: estimateTokens(content),
          });
    return {
      id: `chatcmpl-mock-${requests.length}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: modelOf(record.body),
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content,
            ...(behaviour.reasoning === undefined ? {} : { reasoning: behaviour.reasoning }),
          },
          finish_reason: behaviour.finishReason ?? 'stop',
        },
      ],
      ...(usage === undefined
        ? {}
        : {
            usage: {
              ...usage,
              total_tokens: usage.prompt_tokens + usage.completion_tokens,
              ...(behaviour.cost === undefined ? {} : { cost: behaviour.cost }),
            },
          }),
    };
  }

  function respond(req: MockRequest, res: MockResponse, record: RecordedRequest) {
    const isModels = record.path === '/v1/models';
    const next = queue.shift() ?? (typeof fallback === 'function' ? fallback(record) : fallback);
    if ('hang' in next) return;
    if ('drop' in next) {
      dropConnection(req);
      return;
    }
    if ('malformed' in next) {
      later(latencyMs, () =>
        send(req, res, 200, '{"id":"chatcmpl-broken","choices":[{"message":', {}, record),
      );
      return;
    }
    if ('emptyChoices' in next) {
      const body = isModels
        ? { object: 'list', data: [] }
        : {
            id: 'chatcmpl-empty',
            object: 'chat.completion',
            model: modelOf(record.body),
            choices: [],
          };
      later(latencyMs, () => send(req, res, 200, body, {}, record));
      return;
    }
    if ('status' in next) {
      const body =
        next.body ?? openAiError(`HTTP ${next.status} from the mock`, 'mock_error', null);
      later(next.latencyMs ?? latencyMs, () =>
        send(req, res, next.status, body, next.headers, record),
      );
      return;
    }
    const body = isModels
      ? {
          object: 'list',
          data: models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'mock' })),
        }
      : chatBody(record, next);
    if (next.stallBodyMs !== undefined) {
      res.writeHead(200, { 'content-type': 'application/json', ...corsHeaders(req) });
      // Both response kinds have flushHeaders at run time; @types/node omits HTTP/2's.
      (res as ServerResponse).flushHeaders();
      later(next.stallBodyMs, () => {
        if (isGone(res)) return;
        res.end(JSON.stringify(body));
        record.answeredAt = Date.now();
      });
      return;
    }
    later(next.latencyMs ?? latencyMs, () => send(req, res, 200, body, {}, record));
  }

  async function handle(req: MockRequest, res: MockResponse): Promise<void> {
    const body = await readBody(req);
    const record = recordOf(req, body);
    if (record.method === 'OPTIONS') {
      preflights.push(record);
      res.writeHead(204, {
        ...corsHeaders(req),
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers':
          allowHeaders === '*'
            ? (req.headers['access-control-request-headers'] ?? '*')
            : allowHeaders,
        'access-control-max-age': maxAge,
      });
      res.end();
      return;
    }
    if (isCorsBlocked(record)) {
      corsBlocked.push(record);
      dropConnection(req);
      return;
    }
    const route = `${record.method} ${record.path}`;
    if (route !== 'POST /v1/chat/completions' && route !== 'GET /v1/models') {
      send(
        req,
        res,
        404,
        openAiError(`Unknown route ${route}`, 'invalid_request_error', 'unknown_url'),
      );
      return;
    }
    requests.push(record);
    if (
      options.apiKey !== undefined &&
      record.headers['authorization'] !== `Bearer ${options.apiKey}`
    ) {
      // Like real providers, echo what was received: tests check that our messages scrub it.
      const received = (record.headers['authorization'] ?? '').replace(/^Bearer\s+/i, '');
      send(
        req,
        res,
        401,
        openAiError(
          `Incorrect API key provided: ${received}.`,
          'invalid_request_error',
          'invalid_api_key',
        ),
      );
      return;
    }
    respond(req, res, record);
  }

  const onRequest = (req: MockRequest, res: MockResponse) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent && !isGone(res))
        send(req, res, 500, openAiError(String(error), 'mock_crash', null));
    });
  };
  const isHttp2 = options.http2 === true;
  const tls = isHttp2 ? selfSignedCert() : undefined;
  const server =
    tls === undefined
      ? createServer(onRequest)
      : createSecureServer({ ...tls, allowHTTP1: true }, onRequest);
  server.on(isHttp2 ? 'secureConnection' : 'connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `${isHttp2 ? 'https' : 'http'}://127.0.0.1:${port}`;

  return {
    baseUrl: `${origin}/v1`,
    origin,
    certificate: tls?.cert,
    requests,
    preflights,
    corsBlocked,
    enqueue: (...behaviours) => {
      queue.push(...behaviours);
    },
    setDefault: (behaviour) => {
      fallback = behaviour;
    },
    setLatency: (ms) => {
      latencyMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** An endpoint config pointing at the mock (custom preset, SDK headers stripped unless overridden). */
export function mockEndpoint(
  mock: Pick<MockOpenAI, 'baseUrl'>,
  overrides: Partial<EndpointConfig> = {},
): EndpointConfig {
  return {
    presetId: 'custom',
    baseUrl: mock.baseUrl,
    model: 'mock-model',
    sampling: { extra: {} },
    stripSdkHeaders: true,
    ...overrides,
  };
}

// ---- Judge replies in the shapes real judges produce (spec §4: parse robustly, never silently). ----

export type Criterion = 'accuracy' | 'completeness' | 'clarity';
export type JudgeScores = Record<Criterion, number | string>;

const CRITERIA: readonly Criterion[] = ['accuracy', 'completeness', 'clarity'];

function judgeObject(
  scores: Partial<JudgeScores>,
): Record<string, { score: number | string; explanation: string }> {
  const result: Record<string, { score: number | string; explanation: string }> = {};
  for (const criterion of CRITERIA) {
    const score = scores[criterion];
    if (score !== undefined)
      result[criterion] = { score, explanation: `The ${criterion} is as scored.` };
  }
  return result;
}

/** A clean, valid JSON object — what the prompt asks for. */
export function judgeJson(scores: JudgeScores): string {
  return JSON.stringify(judgeObject(scores), null, 2);
}

/** Wrapped in a markdown code fence. */
export function judgeFenced(scores: JudgeScores): string {
  return `\`\`\`json\n${judgeJson(scores)}\n\`\`\``;
}

/** With prose before and after (and a brace-free sentence, so "first { to last }" still works). */
export function judgeWithProse(scores: JudgeScores): string {
  return `Here is my evaluation of the response against the reference.\n\n${judgeJson(scores)}\n\nOverall, a reasonable plan.`;
}

/** Trailing commas after the last member of each object — copied from a broken prompt example. */
export function judgeTrailingCommas(scores: JudgeScores): string {
  const members = CRITERIA.map(
    (criterion) =>
      `  "${criterion}": {"score": ${JSON.stringify(scores[criterion])}, "explanation": "Fine.",},`,
  );
  return `{\n${members.join('\n')}\n}`;
}

/** Scores as numeric strings ("4"). */
export function judgeStringScores(scores: Record<Criterion, number>): string {
  return judgeJson({
    accuracy: String(scores.accuracy),
    completeness: String(scores.completeness),
    clarity: String(scores.clarity),
  });
}

/** One criterion left out. */
export function judgeMissingCriterion(scores: JudgeScores, missing: Criterion): string {
  const partial: Partial<JudgeScores> = Object.fromEntries(
    Object.entries(scores).filter(([criterion]) => criterion !== missing),
  );
  return JSON.stringify(judgeObject(partial), null, 2);
}

/** 6, 0 and 3.5: each invalid for its criterion. */
export function judgeOutOfRange(): string {
  return judgeJson({ accuracy: 6, completeness: 0, clarity: 3.5 });
}

export function judgeEmpty(): string {
  return '';
}
