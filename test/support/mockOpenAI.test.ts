import { X509Certificate } from 'node:crypto';
import { connect, type ClientHttp2Session } from 'node:http2';
import { afterEach, describe, expect, it } from 'vitest';
import {
  judgeEmpty,
  judgeFenced,
  judgeJson,
  judgeMissingCriterion,
  judgeOutOfRange,
  judgeStringScores,
  judgeTrailingCommas,
  judgeWithProse,
  startMockOpenAI,
  type MockOpenAI,
  type MockOptions,
} from './mockOpenAI';
import { waitUntil } from './waitUntil';

let mock: MockOpenAI | undefined;

async function start(options?: MockOptions): Promise<MockOpenAI> {
  mock = await startMockOpenAI(options);
  return mock;
}

afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

function chat(m: MockOpenAI, body: object = {}, headers: Record<string, string> = {}) {
  return fetch(`${m.baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({
      model: 'm1',
      messages: [{ role: 'user', content: 'hello there' }],
      ...body,
    }),
  });
}

describe('startMockOpenAI', () => {
  it('answers chat completions in the OpenAI shape with usage and optional cost, and records requests', async () => {
    const m = await start();
    m.enqueue({ reply: 'first', usage: { prompt_tokens: 7, completion_tokens: 3 }, cost: 0.0012 });
    const first = (await (await chat(m)).json()) as Record<string, unknown>;
    expect(first).toMatchObject({
      object: 'chat.completion',
      model: 'm1',
      choices: [{ message: { role: 'assistant', content: 'first' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10, cost: 0.0012 },
    });
    const second = (await (await chat(m)).json()) as {
      choices: { message: { content: string } }[];
      usage: object;
    };
    expect(second.choices[0]?.message.content).toBe('mock reply');
    expect(second.usage).not.toHaveProperty('cost');
    expect(m.requests.map((r) => [r.method, r.path])).toEqual([
      ['POST', '/v1/chat/completions'],
      ['POST', '/v1/chat/completions'],
    ]);
    expect(m.requests[0]?.body).toMatchObject({ model: 'm1' });
    expect(m.requests[0]?.headers['content-type']).toBe('application/json');
  });

  it('consumes enqueued behaviours in order, then the default (which may depend on the request)', async () => {
    const m = await start();
    m.setDefault((req) => ({ reply: `echo ${(req.body as { model: string }).model}` }));
    m.enqueue({ status: 500 }, { reply: (body) => `fn ${(body as { model: string }).model}` });
    expect((await chat(m)).status).toBe(500);
    const texts: string[] = [];
    for (let i = 0; i < 2; i++) {
      const json = (await (await chat(m, { model: `x${i}` })).json()) as {
        choices: { message: { content: string } }[];
      };
      texts.push(json.choices[0]!.message.content);
    }
    expect(texts).toEqual(['fn x0', 'echo x1']);
  });

  it('sends scripted statuses with headers and bodies', async () => {
    const m = await start();
    m.enqueue({
      status: 429,
      headers: { 'retry-after': '2' },
      body: { error: { message: 'slow down', type: 'rate_limit' } },
    });
    const response = await chat(m);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(response.headers.get('access-control-expose-headers')).toContain('retry-after');
    expect(await response.json()).toEqual({ error: { message: 'slow down', type: 'rate_limit' } });
  });

  it('requires the configured bearer key and echoes a wrong one in an OpenAI-style 401', async () => {
    const m = await start({ apiKey: 'sk-right-key-123456' });
    const wrong = await chat(m, {}, { authorization: 'Bearer sk-wrong-key-999999' });
    expect(wrong.status).toBe(401);
    const body = (await wrong.json()) as { error: { message: string; code: string } };
    expect(body.error.code).toBe('invalid_api_key');
    expect(body.error.message).toContain('sk-wrong-key-999999');
    expect((await chat(m, {}, { authorization: 'Bearer sk-right-key-123456' })).status).toBe(200);
  });

  it('drops the connection, sends broken JSON, and sends empty choices on request', async () => {
    const m = await start();
    m.enqueue({ drop: true }, { malformed: true }, { emptyChoices: true });
    await expect(chat(m)).rejects.toThrow(TypeError);
    const broken = await chat(m);
    expect(broken.status).toBe(200);
    await expect(broken.json()).rejects.toThrow(SyntaxError);
    expect(await (await chat(m)).json()).toMatchObject({ choices: [] });
  });

  it('holds a hung request until close, and closes anyway', async () => {
    const m = await start();
    m.enqueue({ hang: true });
    const pending = chat(m).then(
      () => 'answered',
      () => 'failed',
    );
    await waitUntil(() => m.requests.length === 1, 'the request to reach the mock');
    await m.close();
    mock = undefined;
    expect(await pending).toBe('failed');
  });

  it('applies a latency to replies', async () => {
    const m = await start();
    m.setLatency(60);
    const started = Date.now();
    await (await chat(m)).json();
    // A lower bound only: a wait the mock imposed, which a loaded machine can only lengthen.
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('can send the headers at once and stall the body', async () => {
    const m = await start();
    m.enqueue(
      { reply: 'stalled body', stallBodyMs: 600_000 },
      { reply: 'slow body', stallBodyMs: 80 },
    );
    // The headers come although the body is ten minutes away; closing cuts the body off.
    const stalled = await chat(m);
    expect(stalled.status).toBe(200);
    const body = stalled.text().then(
      () => 'answered',
      () => 'cut off',
    );
    const started = Date.now();
    const response = await chat(m);
    expect(response.status).toBe(200);
    const json = (await response.json()) as { choices: { message: { content: string } }[] };
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
    expect(json.choices[0]?.message.content).toBe('slow body');
    await m.close();
    mock = undefined;
    expect(await body).toBe('cut off');
  });

  it('lists models', async () => {
    const m = await start({ models: ['b', 'a'] });
    const json = (await (await fetch(`${m.baseUrl}/models`)).json()) as { data: { id: string }[] };
    expect(json.data.map((entry) => entry.id)).toEqual(['b', 'a']);
  });

  it('answers preflights: echoing requested headers by default, or a fixed list', async () => {
    const open = await start();
    const preflight = await fetch(`${open.baseUrl}/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://example.github.io',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, x-stainless-os',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://example.github.io');
    expect(preflight.headers.get('access-control-allow-headers')).toBe(
      'authorization, content-type, x-stainless-os',
    );
    expect(open.preflights).toHaveLength(1);
    expect(open.requests).toHaveLength(0);
    await open.close();

    const strict = await start({ allowHeaders: 'authorization, content-type' });
    const narrow = await fetch(`${strict.baseUrl}/chat/completions`, {
      method: 'OPTIONS',
      headers: { 'access-control-request-headers': 'x-stainless-os' },
    });
    expect(narrow.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
  });

  it('imitates a CORS block for requests carrying headers the preflight does not allow', async () => {
    const m = await start({ allowHeaders: 'authorization, content-type', enforceCors: true });
    await expect(chat(m, {}, { 'x-stainless-os': 'Linux' })).rejects.toThrow(TypeError);
    expect(m.corsBlocked).toHaveLength(1);
    expect((await chat(m, {}, { authorization: 'Bearer x' })).status).toBe(200);
  });

  it('answers unknown routes with a 404', async () => {
    const m = await start();
    expect((await fetch(`${m.origin}/v2/nothing`)).status).toBe(404);
  });
});

/** One HTTP/2 request over the session; resolves with status and body, or rejects on a reset. */
function h2Request(
  session: ClientHttp2Session,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const stream = session.request(headers);
    let status = 0;
    let received: Record<string, unknown> = {};
    let text = '';
    stream.on('response', (h) => {
      status = Number(h[':status']);
      received = h;
    });
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => (text += chunk));
    stream.on('end', () => resolve({ status, headers: received, text }));
    stream.on('error', reject);
    stream.end(body);
  });
}

describe('startMockOpenAI over HTTP/2 with TLS', () => {
  it('serves chat completions and preflights over HTTP/2 with a certificate made at start', async () => {
    const m = await start({ http2: true, latencyMs: 20, preflightMaxAgeSeconds: 600 });
    expect(m.baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/v1$/);
    const cert = new X509Certificate(m.certificate ?? '');
    expect(cert.subjectAltName).toContain('IP Address:127.0.0.1');
    const session = connect(m.origin, { ca: m.certificate });
    try {
      const body = JSON.stringify({ model: 'm2', messages: [{ role: 'user', content: 'hi' }] });
      const post = { ':method': 'POST', ':path': '/v1/chat/completions' };
      // Two streams on one connection at once: HTTP/2 multiplexes them.
      const [a, b] = await Promise.all([
        h2Request(session, { ...post, 'content-type': 'application/json' }, body),
        h2Request(session, { ...post, 'content-type': 'application/json' }, body),
      ]);
      expect(a.status).toBe(200);
      expect(JSON.parse(b.text)).toMatchObject({ model: 'm2', choices: [{ message: {} }] });
      expect(m.requests.map((r) => [r.httpVersion, r.headers[':path']])).toEqual([
        ['2.0', undefined],
        ['2.0', undefined],
      ]);
      expect(m.requests.every((r) => (r.answeredAt ?? 0) >= r.at)).toBe(true);
      const preflight = await h2Request(session, {
        ':method': 'OPTIONS',
        ':path': '/v1/chat/completions',
        origin: 'http://127.0.0.1:1',
        'access-control-request-headers': 'authorization, content-type',
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-max-age']).toBe('600');
      expect(m.preflights).toHaveLength(1);
    } finally {
      session.close();
    }
  });

  it('drops one request by resetting its stream, not the whole connection', async () => {
    const m = await start({ http2: true });
    const session = connect(m.origin, { ca: m.certificate });
    try {
      m.enqueue({ drop: true });
      const post = { ':method': 'POST', ':path': '/v1/chat/completions' };
      await expect(h2Request(session, post, '{}')).rejects.toThrow();
      expect((await h2Request(session, post, '{}')).status).toBe(200);
    } finally {
      session.close();
    }
  });
});

describe('judge reply helpers', () => {
  const scores = { accuracy: 4, completeness: 3, clarity: 5 };

  it('builds each shape real judges produce', () => {
    expect(JSON.parse(judgeJson(scores))).toMatchObject({
      accuracy: { score: 4 },
      completeness: { score: 3 },
      clarity: { score: 5 },
    });
    expect(judgeFenced(scores)).toMatch(/^```json\n\{[\s\S]*\}\n```$/);
    expect(judgeWithProse(scores)).toMatch(/^Here is[\s\S]*\n\{[\s\S]*\}\n\nOverall/);
    expect(() => JSON.parse(judgeTrailingCommas(scores)) as unknown).toThrow();
    expect(JSON.parse(judgeTrailingCommas(scores).replace(/,(\s*[}\]])/g, '$1'))).toMatchObject({
      clarity: { score: 5 },
    });
    expect(JSON.parse(judgeStringScores(scores))).toMatchObject({ accuracy: { score: '4' } });
    expect(Object.keys(JSON.parse(judgeMissingCriterion(scores, 'clarity')) as object)).toEqual([
      'accuracy',
      'completeness',
    ]);
    expect(JSON.parse(judgeOutOfRange())).toMatchObject({
      accuracy: { score: 6 },
      completeness: { score: 0 },
      clarity: { score: 3.5 },
    });
    expect(judgeEmpty()).toBe('');
  });
});
