import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors';
import type { EndpointConfig } from '../../src/core/schema/endpoint';
import { listModels, testConnection, type ReachabilityProbe } from '../../src/llm/testConnection';
import {
  mockEndpoint,
  startMockOpenAI,
  type MockOpenAI,
  type MockOptions,
} from '../support/mockOpenAI';
import { waitUntil } from '../support/waitUntil';

const KEY = 'sk-conn-key-0123456789';
const ORIGIN = 'https://someone.github.io';

let mock: MockOpenAI | undefined;

async function start(options: MockOptions = { apiKey: KEY }): Promise<MockOpenAI> {
  mock = await startMockOpenAI(options);
  return mock;
}

afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

/** A loopback URL with nothing listening. */
async function closedBaseUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}

const reachable: ReachabilityProbe = () => Promise.resolve(true);
const unreachable: ReachabilityProbe = () => Promise.resolve(false);

describe('testConnection', () => {
  it('makes one tiny request and reports latency, model and a sample', async () => {
    const m = await start();
    m.enqueue({ reply: 'pong' });
    const result = await testConnection(mockEndpoint(m), KEY, { origin: ORIGIN });
    expect(result).toMatchObject({ ok: true, model: 'mock-model', sample: 'pong' });
    expect(m.requests).toHaveLength(1);
    expect(m.requests[0]?.body).toEqual({
      model: 'mock-model',
      max_tokens: 5,
      messages: [{ role: 'user', content: 'ping' }],
    });
  });

  it('ignores the endpoint sampling settings (a test must stay tiny)', async () => {
    const m = await start();
    const endpoint = mockEndpoint(m, { sampling: { max_tokens: 4000, extra: { n: 3 } } });
    await testConnection(endpoint, KEY);
    expect(m.requests[0]?.body).toMatchObject({ max_tokens: 5 });
    expect(m.requests[0]?.body).not.toHaveProperty('n');
  });

  it('retries once with max_completion_tokens when the model refuses max_tokens', async () => {
    const m = await start();
    m.enqueue({
      status: 400,
      body: {
        error: {
          message:
            "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
          code: 'unsupported_parameter',
        },
      },
    });
    const result = await testConnection(mockEndpoint(m), KEY);
    expect(result.ok).toBe(true);
    expect(m.requests[1]?.body).toMatchObject({ max_completion_tokens: 16 });
    expect(m.requests[1]?.body).not.toHaveProperty('max_tokens');
  });

  it('reports a wrong key as auth, without the key in the message', async () => {
    const m = await start();
    const result = await testConnection(mockEndpoint(m), 'sk-wrong-key-9876543210');
    expect(result).toMatchObject({ ok: false, kind: 'auth' });
    expect(JSON.stringify(result)).not.toContain('sk-wrong-key-9876543210');
    if (!result.ok) expect(result.nextStep).toMatch(/Check the key for 127\.0\.0\.1/);
  });

  it.each([
    [
      {
        status: 404,
        body: { error: { message: 'The model does not exist', code: 'model_not_found' } },
      },
      'not_found',
    ],
    [{ status: 429, headers: { 'retry-after': '1' } }, 'rate_limit'],
    [{ status: 500 }, 'server'],
    [{ status: 422 }, 'bad_request'],
    [{ malformed: true as const }, 'unknown'],
  ] as const)('reports %o as %s', async (behaviour, kind) => {
    const m = await start();
    m.enqueue(behaviour);
    expect(await testConnection(mockEndpoint(m), KEY)).toMatchObject({ ok: false, kind });
  });

  it('reports a hang past the timeout as timeout', async () => {
    const m = await start();
    m.enqueue({ hang: true });
    expect(await testConnection(mockEndpoint(m), KEY, { timeoutMs: 100 })).toMatchObject({
      ok: false,
      kind: 'timeout',
    });
  });

  it('calls a failure CORS when the server answers a no-cors probe, with the preset’s advice', async () => {
    const m = await start();
    m.enqueue({ drop: true });
    const probed: string[] = [];
    const endpoint = mockEndpoint(m, { presetId: 'ollama' });
    const result = await testConnection(endpoint, KEY, {
      origin: ORIGIN,
      probe: (url) => {
        probed.push(url);
        return reachable(url, AbortSignal.abort());
      },
    });
    expect(result).toMatchObject({ ok: false, kind: 'cors' });
    if (!result.ok) expect(result.nextStep).toContain(`OLLAMA_ORIGINS=${ORIGIN}`);
    expect(probed).toEqual([`${m.baseUrl}/models`]);
  });

  it('calls a failure network when the probe cannot reach the server either', async () => {
    const m = await start();
    m.enqueue({ drop: true });
    const result = await testConnection(mockEndpoint(m), KEY, { probe: unreachable });
    expect(result).toMatchObject({ ok: false, kind: 'network' });
  });

  it('does not probe for failures that are not network failures', async () => {
    const m = await start();
    let probes = 0;
    const result = await testConnection(mockEndpoint(m), 'sk-wrong-key-9876543210', {
      probe: () => {
        probes++;
        return Promise.resolve(true);
      },
    });
    expect(result).toMatchObject({ ok: false, kind: 'auth' });
    expect(probes).toBe(0);
  });

  it('with the real no-cors probe: a CORS-blocked request to a live server is cors…', async () => {
    const m = await start({
      apiKey: KEY,
      allowHeaders: 'authorization, content-type',
      enforceCors: true,
    });
    const endpoint = mockEndpoint(m, { headers: { 'x-extra': '1' } });
    const result = await testConnection(endpoint, KEY, { origin: ORIGIN });
    expect(result).toMatchObject({ ok: false, kind: 'cors' });
    if (!result.ok)
      expect(result.nextStep).toMatch(
        /headers it is sent \(Authorization, Content-Type, x-extra\)/,
      );
    expect(m.corsBlocked).toHaveLength(1);
  });

  it('…and a server that is not there is network', async () => {
    const endpoint: EndpointConfig = { ...mockEndpoint({ baseUrl: await closedBaseUrl() }) };
    expect(await testConnection(endpoint, KEY)).toMatchObject({ ok: false, kind: 'network' });
  });

  it('reports a 401 that names CORS (Anthropic without its browser header) as cors', async () => {
    const m = await start({});
    m.enqueue({
      status: 401,
      body: {
        type: 'error',
        error: {
          type: 'authentication_error',
          message: 'CORS requests must set the "anthropic-dangerous-direct-browser-access" header',
        },
      },
    });
    expect(await testConnection(mockEndpoint(m), KEY)).toMatchObject({ ok: false, kind: 'cors' });
  });

  it('throws aborted when cancelled', async () => {
    const m = await start();
    m.enqueue({ hang: true });
    const controller = new AbortController();
    const pending = testConnection(mockEndpoint(m), KEY, { signal: controller.signal }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    await waitUntil(() => m.requests.length === 1, 'the request to reach the server');
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('aborted');
  });
});

describe('listModels', () => {
  it('returns the model ids sorted by code unit, without duplicates', async () => {
    const m = await start({ apiKey: KEY, models: ['b-model', 'A-model', 'a-model', 'b-model'] });
    expect(await listModels(mockEndpoint(m), KEY)).toEqual(['A-model', 'a-model', 'b-model']);
    expect(m.requests[0]).toMatchObject({ method: 'GET', path: '/v1/models' });
  });

  it('accepts a bare array of models', async () => {
    const m = await start();
    m.enqueue({ status: 200, body: [{ id: 'z' }, { id: 'y' }] });
    expect(await listModels(mockEndpoint(m), KEY)).toEqual(['y', 'z']);
  });

  it.each([
    [undefined, 'auth'],
    [{ status: 404 }, 'not_found'],
    [{ malformed: true as const }, 'parse'],
    [{ status: 200, body: { models: ['x'] } }, 'parse'],
  ] as const)('throws an AppError for %o (%s)', async (behaviour, kind) => {
    const m = await start();
    if (behaviour !== undefined) m.enqueue(behaviour);
    const error = await listModels(
      mockEndpoint(m),
      behaviour === undefined ? 'sk-wrong-000000' : KEY,
    ).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe(kind);
  });
});
