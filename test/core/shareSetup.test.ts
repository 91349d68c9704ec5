import { describe, expect, it } from 'vitest';
import { DEFAULT_JUDGE_TEMPLATE } from '../../src/core/envs/mtsamples/judgeTemplate';
import type { RunSettings } from '../../src/core/schema/run';
import { decodeSetup, encodeSetup } from '../../src/core/shareSetup';

const endpoint = (model: string) => ({
  presetId: 'openrouter',
  baseUrl: 'https://openrouter.ai/api/v1',
  model,
  sampling: { temperature: 0, max_tokens: 512, extra: { provider: { sort: 'price' } } },
  stripSdkHeaders: true,
});

const settings: RunSettings = {
  datasetId:
    'github:raulista1997/benchmarkdata/mtsample_procedure@c4c252443fa9c52afb6960f53e51be278639bea2',
  selection: { mode: 'shuffle', n: 20, seed: 7 },
  rolloutsPerExample: 2,
  concurrency: 8,
  maxAttempts: 5,
  promptFormat: 'chat',
  useThink: true,
  judgeSees: 'after_think',
  normalisation: 'fraction',
  judgeTemplate: DEFAULT_JUDGE_TEMPLATE,
  useCache: true,
  model: endpoint('meta-llama/llama-3.3-70b-instruct'),
  judges: [endpoint('openai/gpt-5-mini'), endpoint('x-ai/grok-4.1-fast')],
};

function tamper(encoded: string, change: (json: Record<string, unknown>) => void): string {
  const json = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
  change(json);
  return Buffer.from(JSON.stringify(json)).toString('base64url');
}

describe('share a setup by link', () => {
  it('round-trips every setting, leaving the default template out of the link', () => {
    const encoded = encodeSetup(settings);
    expect(encoded).toMatch(/^[\w-]+$/);
    expect(encoded.length).toBeLessThan(DEFAULT_JUDGE_TEMPLATE.length); // the template is not in it
    expect(decodeSetup(encoded)).toEqual({ ok: true, settings });
    const custom = {
      ...settings,
      judgeTemplate: 'Judge {{patient_notes}} {{response}} {{reference}} — ünïcode',
    };
    expect(decodeSetup(encodeSetup(custom))).toEqual({ ok: true, settings: custom });
  });

  it.each([
    ['not base64 at all', '%%%', /damaged/],
    ['valid base64, not JSON', Buffer.from('hello').toString('base64url'), /damaged/],
    ['a newer version', tamper(encodeSetup(settings), (j) => (j.v = 2)), /newer version/],
    ['an old version', tamper(encodeSetup(settings), (j) => (j.v = 0)), /old setup format/],
    [
      'a credential header smuggled in',
      tamper(encodeSetup(settings), (j) => {
        (j.settings as { model: { headers?: unknown } }).model.headers = {
          Authorization: 'Bearer sk-x',
        };
      }),
      /credential/,
    ],
    [
      'a javascript: base URL',
      tamper(encodeSetup(settings), (j) => {
        (j.settings as { model: { baseUrl: string } }).model.baseUrl = 'javascript:alert(1)';
      }),
      /model\.baseUrl/,
    ],
    [
      'an impossible setting',
      tamper(encodeSetup(settings), (j) => {
        (j.settings as { concurrency: number }).concurrency = -3;
      }),
      /concurrency/,
    ],
  ])('refuses %s with a clear reason', (_name, encoded, reason) => {
    const decoded = decodeSetup(encoded);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.problems.join('; ')).toMatch(reason);
  });
});
