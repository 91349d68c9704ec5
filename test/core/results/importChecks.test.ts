// Issue 10 #6 and #7, issue 12 #6: what an import does with numbers no reward can be, a metadata.json
// with one forbidden key, a file that names no judge, and the fields releases wrote differently.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toMetadata, toResultsJsonl, toResultsRows } from '../../../src/core/results/exportRun';
import { summarizeRun } from '../../../src/core/runSummary';
import { computeRunHeadline } from '../../../src/core/results/runStats';
import { parseMetadata } from '../../../src/core/results/parseMetadata';
import { importFolder, importTexts, VERIFIERS_FIXTURES } from './importFolder';
import { sampleExamples, sampleRollouts, sampleRun } from './sampleRun';

const row = (fields: Record<string, unknown>) =>
  JSON.stringify({
    example_id: 0,
    prompt: [{ role: 'user', content: 'Q' }],
    completion: [{ role: 'assistant', content: 'A' }],
    reward: 1,
    ...fields,
  });

describe('rewards no reward can be are line problems', () => {
  const bbhMeta = JSON.stringify({ env_id: 'bbh', model: 'm', avg_metrics: { lambda: 0.5 } });

  it('reports a 1e308 reward by line and keeps the mean finite', () => {
    const text = [
      row({ reward: 0.05, metrics: { lambda: 0.05 } }),
      row({ example_id: 1, reward: 1e308, metrics: { lambda: 1 } }),
      row({ example_id: 2, reward: 2.5, metrics: { lambda: 2.5 } }),
    ].join('\n');
    const imported = importTexts(text, bbhMeta);
    expect(imported.problems).toEqual([
      {
        line: 2,
        message: 'reward 1e+308 is beyond ±1,000,000: no reward of an evaluation is that large',
      },
    ]);
    const headline = computeRunHeadline(imported.rolloutRows);
    // Another environment's reward is its own weighted sum: 2.5 can be one.
    expect(headline.reward).toMatchObject({ mean: 1.275, n: 2 });
    expect(Number.isFinite(headline.reward.high)).toBe(true);
  });

  it('reports a metric beyond any reward function', () => {
    const imported = importTexts(row({ metrics: { lambda: -1e300 } }), bbhMeta);
    expect(imported.problems[0]?.message).toMatch(/^metric lambda = -1e\+300 is beyond/);
  });

  it('holds an MTSamples reward, and every reward of ours, to 0–1', () => {
    const mts = importTexts(row({ reward: 1.5, metrics: { reward_mtsamples: 1.5 } }), null);
    expect(mts.problems).toEqual([
      { line: 1, message: 'reward 1.5 is outside 0–1, the range of an MTSamples reward' },
    ]);
    const ours = importTexts(row({ reward: -0.2, medeval: { schema: 1 } }), bbhMeta);
    expect(ours.problems[0]?.message).toBe(
      'reward -0.2 is outside 0–1, the range of a reward this app writes',
    );
  });
});

describe('a forbidden key in metadata.json', () => {
  const text = String.raw`{"env_id": "mtsamples_procedures", "model": "qwen/qwen3-8b", "base_url": "https://openrouter.ai/api/v1", "env_args": {"judge_model": ["openai/gpt-5-mini"], "__proto__": {"polluted": true}, "use_think": true}, "avg_reward": 0.6}`;

  it('drops that key, keeps the rest, and says exactly what was dropped', () => {
    const { metadata, problems } = parseMetadata(text);
    expect(problems).toEqual([
      {
        field: 'env_args.__proto__',
        message:
          'env_args.__proto__ dropped: the key "__proto__" is not accepted (it could alter how the app\'s objects behave)',
      },
    ]);
    expect(metadata?.model).toBe('qwen/qwen3-8b');
    expect(metadata?.env_args).toEqual({ judge_model: ['openai/gpt-5-mini'], use_think: true });
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('keeps the model and the judges the file names', () => {
    const imported = importTexts(row({ reward: 0.6 }), text);
    expect(imported.run.settings.model.model).toBe('qwen/qwen3-8b');
    expect(imported.run.settings.judges.map((judge) => judge.model)).toEqual(['openai/gpt-5-mini']);
  });
});

describe('judges are never made up', () => {
  it('lists none for an MTSamples file that names none, and says so', () => {
    const imported = importTexts(row({ metrics: { reward_mtsamples: 1 } }), null);
    expect(imported.shape.kind).toBe('jury');
    expect(imported.run.settings.judges).toEqual([]);
    expect(imported.run.importedMetadata).toMatchObject({
      assumptions: expect.arrayContaining([
        'no judge is named in the files: the run lists none',
      ]) as unknown,
    });
  });

  it('gives another environment’s run no judges at all', () => {
    const imported = importTexts(row({}), JSON.stringify({ env_id: 'bbh', model: 'm' }));
    expect(imported.run.settings.judges).toEqual([]);
    expect(JSON.stringify(imported.run)).not.toContain('gpt-4o-mini');
  });
});

describe('fields a release wrote differently', () => {
  it('reads a null completion (0.1.10+ when the rollout failed) as no messages', () => {
    const imported = importTexts(
      row({
        completion: null,
        reward: 0,
        error: {
          error: 'ModelError',
          error_chain_repr: "ModelError('429')",
          error_chain_str: 'ModelError',
        },
      }),
      JSON.stringify({ env_id: 'bbh', model: 'm' }),
    );
    expect(imported.problems).toEqual([]);
    expect(imported.rollouts[0]).toMatchObject({
      status: 'error',
      error: { message: "ModelError('429')" },
    });
  });

  it('reads 0.2+ error objects by their message', () => {
    const imported = importTexts(
      row({
        error: {
          error: 'InfraError',
          message: 'sandbox died',
          error_chain_repr: 'x',
          error_chain_str: 'y',
        },
      }),
      JSON.stringify({ env_id: 'bbh', model: 'm' }),
    );
    expect(imported.rollouts[0]?.error?.message).toBe('InfraError: sandbox died');
  });

  it('reads a row without a reward as not scored', () => {
    const imported = importTexts(
      JSON.stringify({ example_id: 4, prompt: 'Q', completion: 'A' }),
      JSON.stringify({ env_id: 'bbh', model: 'm' }),
    );
    expect(imported.rollouts[0]).toMatchObject({ status: 'unscored', key: '4:0' });
  });
});

describe('our own results.jsonl alone', () => {
  it('takes the model under test from the rows’ requests (#13)', () => {
    const jsonl = toResultsJsonl(toResultsRows(sampleRun, sampleRollouts, sampleExamples));
    const imported = importTexts(jsonl, null);
    expect(imported.run.settings.model.model).toBe(sampleRun.settings.model.model);
    expect(imported.run.importedMetadata).toMatchObject({
      assumptions: expect.arrayContaining([
        `the model under test (${sampleRun.settings.model.model}) is taken from the rows’ requests`,
      ]) as unknown,
    });
  });
});

describe('a run imported from another environment’s file, exported again', () => {
  const first = importFolder(join(VERIFIERS_FIXTURES, 'v0.1.14'));
  const run = first.run;
  const rows = toResultsRows(run, first.rollouts, new Map());
  const metadata = toMetadata(run, first.rollouts, summarizeRun(first.rollouts, 0));

  it('goes out as the file it came from: its environment, answers, info and reward functions', () => {
    const original = readFileSync(join(VERIFIERS_FIXTURES, 'v0.1.14', 'results.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const row of rows) {
      const source = original.find(
        (o) => o['example_id'] === row['example_id'] && o['completion'] !== undefined,
      );
      expect(row['info']).toEqual(source?.['info']);
      expect(row['answer']).toBe(source?.['answer']);
      expect(Object.keys(row['metrics'] as object)).toEqual(['accuracy_reward', 'format_reward']);
      expect(row).not.toHaveProperty('reward_mtsamples');
    }
    expect(metadata).toMatchObject({
      env_id: 'medmcq_lite',
      env_args: { use_think: false },
      time: 42.5,
      avg_reward: 0.5,
      avg_metrics: { accuracy_reward: 0.5, format_reward: 0.5 },
      state_columns: ['judge_response'],
    });
  });

  it('re-imports without loss', () => {
    const again = importTexts(toResultsJsonl(rows), JSON.stringify(metadata));
    expect(again.problems).toEqual([]);
    expect(again.rollouts).toStrictEqual(first.rollouts);
    expect(again.run.settings).toStrictEqual(run.settings);
    expect(again.run.importedMetadata).toStrictEqual(run.importedMetadata);
  });
});
