import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors';
import {
  LlmError,
  mapLlmError,
  normalizeErrorResponse,
  providerMessageOf,
  retryAfterOf,
  scrubSecrets,
} from '../../src/llm/errorMapping';

const ctx = { baseUrl: 'https://api.example.com/v1', model: 'm-1' };

describe('scrubSecrets', () => {
  it.each([
    ['OpenAI project key', 'bad key sk-proj-AbC123dEf456GhI789', 'sk-proj-AbC123'],
    ['OpenAI masked echo', 'Incorrect API key provided: sk-abc1**********wxyz.', 'sk-abc1'],
    ['OpenRouter key', 'key sk-or-v1-0123456789abcdef0123 is invalid', 'sk-or-v1-0123'],
    ['Anthropic key', 'invalid x sk-ant-api03-AbCdEfGhIjKlMnOp', 'sk-ant-api03'],
    ['Google key', 'API key not valid: AIzaSyA1234567890abcdefghijklmnopq', 'AIzaSyA1234567890'],
    ['Hugging Face token', 'token hf_AbCdEfGhIjKlMnOpQr rejected', 'hf_AbCdEfGhIj'],
    ['Groq key', 'gsk_AbCdEfGhIjKlMnOpQr is not valid', 'gsk_AbCdEfGhIj'],
    ['bearer header', 'got Authorization: Bearer abc.def-ghi', 'abc.def-ghi'],
    ['api_key parameter', 'url ?api_key=xyz987654&x=1', 'xyz987654'],
    ['x-api-key header', '"x-api-key": "tok-42-abcdef"', 'tok-42-abcdef'],
  ])('removes a %s', (_name, text, secret) => {
    const scrubbed = scrubSecrets(text);
    expect(scrubbed).not.toContain(secret);
    expect(scrubbed).toContain('[redacted]');
  });

  it('removes the given key whatever its shape, but not a short placeholder', () => {
    expect(scrubSecrets('your key 9f8e7d6c5b4a is wrong', ['9f8e7d6c5b4a'])).toBe(
      'your key [redacted] is wrong',
    );
    expect(scrubSecrets('no key needed', ['no'])).toBe('no key needed');
  });

  it('leaves ordinary provider messages alone', () => {
    const text = 'The model `gpt-4o-mini` does not exist; max_tokens: 5 is fine (request req_123).';
    expect(scrubSecrets(text)).toBe(text);
  });
});

describe('providerMessageOf', () => {
  it.each([
    ['OpenAI', { error: { message: 'm1', code: 'x' } }, 'm1'],
    ['vLLM', { object: 'error', message: 'm2' }, 'm2'],
    ['FastAPI', { detail: 'm3' }, 'm3'],
    ['Gemini array', [{ error: { message: 'm4' } }], 'm4'],
    ['string error', { error: 'm5' }, 'm5'],
    ['nothing', { foo: 1 }, undefined],
  ])('reads a %s error body', (_name, body, expected) => {
    expect(providerMessageOf(body)).toBe(expected);
  });
});

describe('mapLlmError', () => {
  it('maps SDK connection errors, cancels and stray errors', () => {
    expect(
      mapLlmError(new APIConnectionTimeoutError(), { ...ctx, timeoutMs: 30_000 }),
    ).toMatchObject({
      kind: 'timeout',
      message: 'api.example.com did not answer within 30 s',
    });
    expect(
      mapLlmError(new APIConnectionError({ cause: new TypeError('Failed to fetch') }), ctx),
    ).toMatchObject({
      kind: 'network',
      message: 'Could not reach api.example.com (Failed to fetch)',
    });
    expect(mapLlmError(new APIUserAbortError(), ctx).kind).toBe('aborted');
    const controller = new AbortController();
    controller.abort();
    expect(mapLlmError(new TypeError('x'), { ...ctx, signal: controller.signal }).kind).toBe(
      'aborted',
    );
    expect(mapLlmError(new SyntaxError('Unexpected end'), ctx).kind).toBe('parse');
    expect(mapLlmError(new DOMException('late', 'TimeoutError'), ctx).kind).toBe('timeout');
    expect(mapLlmError(new Error('odd sk-proj-AbC123dEf456GhI789'), ctx)).toMatchObject({
      kind: 'unknown',
      message: 'api.example.com: odd [redacted]',
    });
  });

  it('passes AppErrors through untouched', () => {
    const original = new AppError('dataset_format', 'x');
    expect(mapLlmError(original, ctx)).toBe(original);
  });

  it('reads retry-after as seconds, HTTP date and milliseconds, uncapped', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const rateLimit = (headers: Record<string, string>) =>
      mapLlmError(
        APIError.generate(429, { error: { message: 'slow' } }, undefined, new Headers(headers)),
        {
          ...ctx,
          now: () => now,
        },
      );
    expect(retryAfterOf(rateLimit({ 'retry-after': '120' }))).toBe(120_000);
    expect(retryAfterOf(rateLimit({ 'retry-after': 'Thu, 01 Jan 2026 00:10:00 GMT' }))).toBe(
      600_000,
    );
    expect(retryAfterOf(rateLimit({ 'retry-after-ms': '250' }))).toBe(250);
    expect(retryAfterOf(rateLimit({}))).toBeUndefined();
    expect(rateLimit({})).toBeInstanceOf(LlmError);
  });

  it.each([
    [402, { error: { message: 'Insufficient credits' } }, 'auth'],
    [
      401,
      {
        error: {
          message: 'CORS requests must set the anthropic-dangerous-direct-browser-access header',
        },
      },
      'cors',
    ],
    [408, {}, 'timeout'],
    [409, {}, 'server'],
    [418, {}, 'bad_request'],
    [529, { error: { message: 'Overloaded' } }, 'server'],
  ])('maps HTTP %i to its kind', (status, body, kind) => {
    expect(mapLlmError(APIError.generate(status, body, undefined, new Headers()), ctx).kind).toBe(
      kind,
    );
  });
});

describe('normalizeErrorResponse', () => {
  it('rewrites non-OpenAI error bodies and leaves others alone', async () => {
    const vllm = await normalizeErrorResponse(
      new Response(JSON.stringify({ message: 'no such model' }), { status: 404 }),
    );
    expect(await vllm.json()).toEqual({ error: { message: 'no such model' } });
    expect(vllm.status).toBe(404);
    const openai = { error: { message: 'm', code: 'c' } };
    const kept = await normalizeErrorResponse(
      new Response(JSON.stringify(openai), { status: 400 }),
    );
    expect(await kept.json()).toEqual(openai);
    const ok = new Response('{}', { status: 200 });
    expect(await normalizeErrorResponse(ok)).toBe(ok);
  });
});
