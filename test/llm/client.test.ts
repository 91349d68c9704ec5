import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors';
import type { EndpointConfig } from '../../src/core/schema/endpoint';
import { chatCompletion, createClient, type ChatMessage } from '../../src/llm/client';
import { LlmError } from '../../src/llm/errorMapping';
import { endpointFromPreset } from '../../src/core/presets';
import {
  mockEndpoint,
  startMockOpenAI,
  type MockOpenAI,
  type MockOptions,
} from '../support/mockOpenAI';
import { waitUntil } from '../support/waitUntil';

const KEY = 'sk-test-abcdefghijklmnop1234';
const MESSAGES: ChatMessage[] = [
  { role: 'system', content: 'Return a treatment plan.' },
  { role: 'user', content: 'Patient notes.' },
];

let mock: MockOpenAI | undefined;

async function start(options?: MockOptions): Promise<MockOpenAI> {
  mock = await startMockOpenAI(options);
  return mock;
}

afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

async function call(
  m: MockOpenAI,
  overrides: Partial<EndpointConfig> = {},
  opts: { key?: string; timeoutMs?: number; signal?: AbortSignal } = {},
) {
  const endpoint = mockEndpoint(m, overrides);
  const client = createClient(endpoint, opts.key ?? KEY, { timeoutMs: opts.timeoutMs ?? 5_000 });
  return chatCompletion(client, endpoint, MESSAGES, opts.signal ? { signal: opts.signal } : {});
}

async function failure(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(LlmError);
  return error as LlmError;
}

describe('chatCompletion', () => {
  it('returns content, usage, provider cost, latency and exactly the body that was sent', async () => {
    const m = await start({ apiKey: KEY });
    m.enqueue({
      reply: 'Plan: rest.',
      usage: { prompt_tokens: 12, completion_tokens: 4 },
      cost: 0.00042,
      reasoning: 'thinking…',
      latencyMs: 20,
    });
    const result = await call(m, {
      sampling: {
        temperature: 0,
        max_tokens: 512,
        seed: 7,
        extra: { reasoning_effort: 'low', temperature: 1 },
      },
    });
    expect(result).toMatchObject({
      content: 'Plan: rest.',
      reasoning: 'thinking…',
      finishReason: 'stop',
      usage: { inputTokens: 12, outputTokens: 4 },
      costUsd: 0.00042,
      responseModel: 'mock-model',
    });
    expect(result.latencyMs).toBeGreaterThanOrEqual(15);
    // Explicit sampling settings win over the same field in `extra`.
    const expectedBody = {
      reasoning_effort: 'low',
      temperature: 0,
      max_tokens: 512,
      seed: 7,
      model: 'mock-model',
      messages: MESSAGES,
    };
    expect(result.requestBody).toEqual(expectedBody);
    expect(m.requests[0]?.body).toEqual(expectedBody);
    expect(JSON.stringify(result)).not.toContain(KEY);
  });

  it('reports null usage and cost when the provider sends none', async () => {
    const m = await start();
    m.enqueue({ reply: 'ok', usage: null });
    const result = await call(m);
    expect(result.usage).toBeNull();
    expect(result.costUsd).toBeNull();
  });

  it('never sends the SDK’s x-stainless-* headers, whatever a stored setting says', async () => {
    const m = await start({ allowHeaders: 'authorization, content-type' });
    await call(m, { stripSdkHeaders: true });
    await call(m, { stripSdkHeaders: false });
    for (const request of m.requests) {
      expect(
        Object.keys(request.headers).filter((name) => name.startsWith('x-stainless-')),
      ).toEqual([]);
      expect(request.headers['authorization']).toBe(`Bearer ${KEY}`);
    }
  });

  it('gets through a server that enforces a narrow CORS header list', async () => {
    const m = await start({ allowHeaders: 'authorization, content-type', enforceCors: true });
    await expect(call(m, { stripSdkHeaders: false })).resolves.toMatchObject({
      content: 'mock reply',
    });
    const blocked = await failure(call(m, { headers: { 'x-extra': '1' } }));
    expect(blocked.kind).toBe('network');
    expect(m.corsBlocked).toHaveLength(1);
  });

  it('sends the Anthropic browser header from the preset and for any api.anthropic.com URL', async () => {
    const m = await start();
    const preset = endpointFromPreset('anthropic');
    await call(m, { headers: preset.headers, model: preset.model });
    expect(m.requests[0]?.headers['anthropic-dangerous-direct-browser-access']).toBe('true');

    const seen: Headers[] = [];
    const recordingFetch: typeof fetch = (_input, init) => {
      seen.push(new Headers(init?.headers));
      return Promise.resolve(
        new Response(
          JSON.stringify({ choices: [{ message: { content: 'hi' }, finish_reason: 'stop' }] }),
          {
            headers: { 'content-type': 'application/json' },
          },
        ),
      );
    };
    const custom: EndpointConfig = {
      ...mockEndpoint(m),
      baseUrl: 'https://api.anthropic.com/v1',
    };
    const client = createClient(custom, KEY, { fetch: recordingFetch });
    await chatCompletion(client, custom, MESSAGES);
    expect(seen[0]?.get('anthropic-dangerous-direct-browser-access')).toBe('true');
  });

  it('sends no Authorization header when no key is given (keyless local servers)', async () => {
    const m = await start();
    await call(m, {}, { key: '' });
    expect(m.requests[0]?.headers).not.toHaveProperty('authorization');
  });

  it('sends extra configured headers', async () => {
    const m = await start();
    await call(m, { headers: { 'X-Title': 'medeval' } });
    expect(m.requests[0]?.headers['x-title']).toBe('medeval');
  });
});

describe('chatCompletion error mapping', () => {
  const statusCases = [
    { status: 401, kind: 'auth', nextStep: /Check the key for 127\.0\.0\.1/ },
    { status: 403, kind: 'auth', nextStep: /Check the key/ },
    { status: 404, kind: 'not_found', nextStep: /model id “mock-model”/ },
    { status: 400, kind: 'bad_request', nextStep: /sampling settings/ },
    { status: 413, kind: 'bad_request', nextStep: /too large/ },
    { status: 422, kind: 'bad_request', nextStep: /sampling settings/ },
    { status: 500, kind: 'server', nextStep: /retry later/ },
    { status: 503, kind: 'server', nextStep: /retry later/ },
  ] as const;

  it.each(statusCases)('maps HTTP $status to $kind with the provider message', async (c) => {
    const m = await start();
    m.enqueue({ status: c.status, body: { error: { message: `provider says ${c.status}` } } });
    const error = await failure(call(m));
    expect(error.kind).toBe(c.kind);
    expect(error.status).toBe(c.status);
    expect(error.host).toBe(new URL(m.baseUrl).host);
    expect(error.message).toContain(`provider says ${c.status}`);
    expect(error.nextStep).toMatch(c.nextStep);
    expect(error.retryAfterMs).toBeUndefined();
  });

  it('says no key was sent when a request without one gets 401, instead of blaming a key (#13)', async () => {
    const m = await start({ apiKey: KEY });
    const error = await failure(call(m, {}, { key: '' }));
    expect(m.requests[0]?.headers).not.toHaveProperty('authorization');
    expect(error.kind).toBe('auth');
    expect(error.message).toMatch(/no key was sent/);
    expect(error.message).not.toMatch(/rejected the key/);
    expect(error.nextStep).toMatch(/Enter the API key for 127\.0\.0\.1/);
    expect(error.nextStep).not.toMatch(/mistyped|revoked/);
  });

  it('maps 429 with retry-after seconds, and with retry-after-ms', async () => {
    const m = await start();
    m.enqueue(
      { status: 429, headers: { 'retry-after': '2' } },
      { status: 429, headers: { 'retry-after-ms': '1500', 'retry-after': '9' } },
    );
    const seconds = await failure(call(m));
    expect(seconds.kind).toBe('rate_limit');
    expect(seconds.retryAfterMs).toBe(2000);
    const millis = await failure(call(m));
    expect(millis.retryAfterMs).toBe(1500);
  });

  it('treats an exhausted quota as an account problem, not a rate limit to retry', async () => {
    const m = await start();
    m.enqueue({
      status: 429,
      body: { error: { message: 'You exceeded your current quota.', code: 'insufficient_quota' } },
    });
    const error = await failure(call(m));
    expect(error.kind).toBe('auth');
    expect(error.nextStep).toMatch(/billing/);
  });

  it('keeps the provider message from non-OpenAI error bodies (vLLM, FastAPI, Gemini)', async () => {
    const m = await start();
    m.enqueue(
      {
        status: 404,
        body: { object: 'error', message: 'The model `x` does not exist.', code: 404 },
      },
      { status: 422, body: { detail: 'field required' } },
      {
        status: 400,
        body: [{ error: { code: 400, message: 'API key not valid', status: 'INVALID_ARGUMENT' } }],
      },
      { status: 404, body: '<html><body>Not Found</body></html>' },
    );
    expect((await failure(call(m))).message).toContain('The model `x` does not exist.');
    expect((await failure(call(m))).message).toContain('field required');
    expect((await failure(call(m))).message).toContain('API key not valid');
    expect((await failure(call(m))).message).toContain('HTML page');
  });

  it('maps a dropped connection to network', async () => {
    const m = await start();
    m.enqueue({ drop: true });
    const error = await failure(call(m));
    expect(error.kind).toBe('network');
    expect(error.nextStep).toMatch(/CORS/);
  });

  it('maps a request hanging past the timeout to timeout', async () => {
    const m = await start();
    m.enqueue({ hang: true });
    const error = await failure(call(m, {}, { timeoutMs: 150 }));
    expect(error.kind).toBe('timeout');
  });

  it('maps a slow body past the deadline to timeout (the SDK timeout alone stops at the headers)', async () => {
    const m = await start();
    m.enqueue({ reply: 'late', stallBodyMs: 1_000 });
    const error = await failure(call(m, {}, { timeoutMs: 150 }));
    expect(error.kind).toBe('timeout');
  });

  it('times requests with an injected deadline timer, told which request it times, and no other timer', async () => {
    const m = await start();
    m.enqueue({ hang: true }, { reply: 'slow but fine', latencyMs: 100 });
    const timed: { ms: number; model: unknown; expire: () => void }[] = [];
    const endpoint = mockEndpoint(m);
    // A 1 ms limit that only this timer enforces: it expires the hung request and lets the slow
    // healthy one finish, so nothing races a wall clock (the SDK's own timeout is off).
    const client = createClient(endpoint, KEY, {
      timeoutMs: 1,
      deadlineTimer: (ms, expire, about) => {
        timed.push({ ms, model: about.body?.['model'], expire });
        return () => undefined;
      },
    });
    const hung = chatCompletion(client, endpoint, MESSAGES);
    await waitUntil(() => m.requests.length === 1, 'the hung request at the server');
    timed[0]?.expire();
    const error = await failure(hung);
    expect(error.kind).toBe('timeout');
    const result = await chatCompletion(client, endpoint, MESSAGES);
    expect(result.content).toBe('slow but fine');
    expect(timed.map(({ ms, model }) => ({ ms, model }))).toEqual([
      { ms: 1, model: endpoint.model },
      { ms: 1, model: endpoint.model },
    ]);
  });

  it('maps malformed JSON, empty choices and a non-completion body to parse', async () => {
    const m = await start();
    m.enqueue(
      { malformed: true },
      { emptyChoices: true },
      { status: 200, body: { hello: 'world' } },
    );
    for (const expected of [/not JSON/, /choices/, /not a chat completion/]) {
      const error = await failure(call(m));
      expect(error.kind).toBe('parse');
      expect(error.message).toMatch(expected);
    }
  });

  it('maps an error reported inside a 200 body by its code', async () => {
    const m = await start();
    m.enqueue({ status: 200, body: { error: { message: 'Upstream overloaded', code: 503 } } });
    const error = await failure(call(m));
    expect(error.kind).toBe('server');
    expect(error.message).toContain('Upstream overloaded');
  });

  it('maps a user cancel to aborted, promptly', async () => {
    const m = await start();
    m.enqueue({ hang: true });
    const controller = new AbortController();
    const pending = failure(call(m, {}, { signal: controller.signal }));
    await waitUntil(() => m.requests.length === 1, 'the request to reach the server');
    controller.abort();
    const error = await pending;
    expect(error.kind).toBe('aborted');
  });

  it('scrubs the key a 401 body echoes from every message', async () => {
    const m = await start({ apiKey: 'sk-the-right-key-000000' });
    const error = await failure(call(m));
    expect(error.kind).toBe('auth');
    expect(error.message).toContain('Incorrect API key provided');
    for (const text of [
      error.message,
      error.nextStep ?? '',
      String(error),
      JSON.stringify(error.toTransferable().message),
    ]) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain('abcdefghijklmnop');
    }
  });

  it('scrubs a key of no known shape when the provider echoes it', async () => {
    const m = await start();
    const oddKey = 'plainkey0123456789';
    m.enqueue({ status: 401, body: { error: { message: `Key ${oddKey} is revoked` } } });
    const error = await failure(call(m, {}, { key: oddKey }));
    expect(error.message).not.toContain(oddKey);
    expect(error.message).toContain('[redacted]');
  });

  it('leaves AppErrors thrown as AppError instances with their kind in the name', async () => {
    const m = await start();
    m.enqueue({ status: 404 });
    const error = await failure(call(m));
    expect(error).toBeInstanceOf(AppError);
    expect(error.name).toBe('AppError:not_found');
  });
});
