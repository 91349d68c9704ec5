import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DEFAULT_JUDGE_TEMPLATE } from '../../../../src/core/envs/mtsamples/judgeTemplate';
import {
  keyEnvVarFor,
  primeEvalCommand,
  shellQuote,
} from '../../../../src/core/envs/mtsamples/primeCommand';
import type { EndpointConfig } from '../../../../src/core/schema/endpoint';
import type { RunSettings } from '../../../../src/core/schema/run';

const openai: EndpointConfig = {
  presetId: 'openai',
  baseUrl: 'https://api.openai.com/v1',
  model: 'gpt-4o-mini',
  sampling: { extra: {} },
  stripSdkHeaders: false,
};

function settings(overrides: Partial<RunSettings> = {}): RunSettings {
  return {
    datasetId: 'ds',
    selection: { mode: 'first', n: 5 },
    rolloutsPerExample: 1,
    concurrency: 8,
    maxAttempts: 5,
    promptFormat: 'chat',
    useThink: false,
    judgeSees: 'full',
    normalisation: 'fraction',
    judgeTemplate: DEFAULT_JUDGE_TEMPLATE,
    useCache: true,
    model: openai,
    judges: [openai],
    ...overrides,
  };
}

/** What a POSIX shell makes of the quoted word. */
function shellWord(quoted: string): string {
  return execFileSync('sh', ['-c', `printf '%s' ${quoted}`], { encoding: 'utf8' });
}

describe('shellQuote', () => {
  it.each([
    ['gpt-4o-mini', 'gpt-4o-mini'],
    ['https://api.openai.com/v1', 'https://api.openai.com/v1'],
    ['a b', "'a b'"],
    ["it's", "'it'\\''s'"],
    ['', "''"],
  ])('%j → %s', (value, quoted) => {
    expect(shellQuote(value)).toBe(quoted);
  });

  it.each(["it's", '{"a":"$HOME `x` \\n"}', "''", 'semi;colon & pipe | $(rm -rf)', 'ünï ✓'])(
    'survives a real shell: %j',
    (value) => {
      expect(shellWord(shellQuote(value))).toBe(value);
    },
  );
});

describe('keyEnvVarFor', () => {
  it.each([
    ['openai', 'OPENAI_API_KEY'],
    ['openrouter', 'OPENROUTER_API_KEY'],
    ['anthropic', 'ANTHROPIC_API_KEY'],
    ['ollama', 'OPENAI_API_KEY'],
    ['custom', 'OPENAI_API_KEY'],
  ])('%s → %s', (preset, name) => {
    expect(keyEnvVarFor(preset)).toBe(name);
  });
});

describe('primeEvalCommand', () => {
  it('the default run', () => {
    const { command, caveats } = primeEvalCommand(settings());
    expect(command).toBe(
      'prime eval run mtsamples_procedures -m gpt-4o-mini -b https://api.openai.com/v1 -k OPENAI_API_KEY' +
        ' -n 5 -r 1 -c 8 --max-retries 4' +
        ` -a '{"judge_model":["gpt-4o-mini"],"judge_base_url":["https://api.openai.com/v1"],"use_think":false}'`,
    );
    expect(caveats).toHaveLength(1);
    expect(caveats[0]).toContain('OPENAI_API_KEY');
  });

  it('all examples, sampling flags and JSON, two judges, think prompt', () => {
    const model: EndpointConfig = {
      presetId: 'openrouter',
      baseUrl: 'https://openrouter.ai/api/v1',
      model: 'qwen/qwen3-8b',
      sampling: {
        temperature: 0,
        max_tokens: 512,
        top_p: 0.9,
        seed: 7,
        extra: { provider: { order: ["o'brien"] } },
      },
      stripSdkHeaders: true,
    };
    const grok = { ...model, model: 'x-ai/grok-4.1-fast', sampling: { extra: {} } };
    const { command } = primeEvalCommand(
      settings({
        selection: { mode: 'all' },
        rolloutsPerExample: 3,
        concurrency: 32,
        maxAttempts: 1,
        useThink: true,
        model,
        judges: [{ ...grok, model: 'openai/gpt-5-mini' }, grok],
      }),
    );
    expect(command).toBe(
      'prime eval run mtsamples_procedures -m qwen/qwen3-8b -b https://openrouter.ai/api/v1' +
        ' -k OPENROUTER_API_KEY -n -1 -r 3 -c 32 -t 512 -T 0' +
        ` -S '{"top_p":0.9,"seed":7,"provider":{"order":["o'\\''brien"]}}'` +
        ` -a '{"judge_model":["openai/gpt-5-mini","x-ai/grok-4.1-fast"],"judge_base_url":["https://openrouter.ai/api/v1","https://openrouter.ai/api/v1"],"use_think":true}'`,
    );
    const sPart = /-S ('(?:[^']|'\\'')*')/.exec(command)?.[1] ?? '';
    expect(JSON.parse(shellWord(sPart))).toEqual({
      top_p: 0.9,
      seed: 7,
      provider: { order: ["o'brien"] },
    });
  });

  it('never includes anything that looks like a key', () => {
    const { command } = primeEvalCommand(settings());
    expect(command).not.toMatch(/sk-|Bearer|api_key"/i);
  });

  it.each<[string, Partial<RunSettings>, string]>([
    ['seeded shuffle', { selection: { mode: 'shuffle', n: 10, seed: 42 } }, 'seed 42'],
    ['HELM prompt', { promptFormat: 'helm' }, 'HELM prompt format'],
    ['after think', { judgeSees: 'after_think' }, '</think>'],
    ['minus one', { normalisation: 'minus_one' }, '(score − 1) / 4'],
    ['edited template', { judgeTemplate: 'x' }, 'judge template was edited'],
    [
      'judge sampling',
      { judges: [{ ...openai, sampling: { temperature: 0, extra: {} } }] },
      'judge sampling',
    ],
  ])('names what the CLI cannot do: %s', (_name, overrides, text) => {
    const { command, caveats } = primeEvalCommand(settings(overrides));
    expect(caveats.some((caveat) => caveat.includes(text))).toBe(true);
    if (overrides.selection?.mode === 'shuffle') expect(command).toContain(' -n 10 ');
  });
});

describe('primeEvalCommand: judge sampling caveat', () => {
  it.each<[string, EndpointConfig['sampling'], boolean]>([
    ['nothing set', { extra: {} }, false],
    ['keys present but undefined', { temperature: undefined, seed: undefined, extra: {} }, false],
    ['a temperature', { temperature: 0, extra: {} }, true],
    ['extra body fields', { extra: { reasoning_effort: 'low' } }, true],
  ])('%s → caveat %s', (_name, sampling, expected) => {
    const { caveats } = primeEvalCommand(settings({ judges: [{ ...openai, sampling }] }));
    expect(caveats.some((caveat) => caveat.includes('judge sampling'))).toBe(expected);
  });
});
