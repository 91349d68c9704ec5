// Compare, rollout by rollout, for imported runs: files written by different verifiers releases
// (test/fixtures/verifiers) share their reward functions and are matched by example id and rollout
// index; a reward function only one file has is said to be in that run only; two MedARC MTSamples
// files share the jury's numbers; a file's "accuracy" is never taken for the jury's criterion.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  matchRollouts,
  pairMetrics,
  rolloutMetricsOf,
  rolloutMetricValue,
} from '../../../src/core/results/compareRollouts';
import { MTSAMPLES_LLAMA, MTSAMPLES_QWEN } from '../../support/mtsamplesResultsFile';
import { importFolder, importTexts, VERIFIERS_FIXTURES } from './importFolder';
import { row } from './rowFactory';

const runOf = (imported: ReturnType<typeof importFolder>) => ({
  settings: imported.run.settings,
  rows: imported.rolloutRows,
});
const release = (line: string) => runOf(importFolder(join(VERIFIERS_FIXTURES, line)));
const mtsamples = (file: typeof MTSAMPLES_QWEN) =>
  runOf(importTexts(file.resultsJsonl, file.metadataJson));

describe('rolloutMetricsOf', () => {
  it('two releases’ files of one evaluation share the reward and both reward functions', () => {
    const { metrics } = rolloutMetricsOf([release('v0.3.0'), release('v0.1.10')]);
    expect(metrics).toEqual([
      { id: 'reward', label: 'reward', inRuns: [true, true] },
      { id: 'file:accuracy_reward', label: 'accuracy_reward', inRuns: [true, true] },
      { id: 'file:format_reward', label: 'format_reward', inRuns: [true, true] },
    ]);
  });

  it('a reward function only one file has is listed as that run’s only', () => {
    const { metrics } = rolloutMetricsOf([release('v0.3.0'), release('medarc-public-2025-09')]);
    expect(metrics.map((m) => [m.id, m.inRuns])).toEqual([
      ['reward', [true, true]],
      ['file:accuracy_reward', [true, true]],
      ['file:format_reward', [true, false]],
    ]);
  });

  it('two MedARC MTSamples files share the jury’s score and criteria', () => {
    const { metrics } = rolloutMetricsOf([mtsamples(MTSAMPLES_QWEN), mtsamples(MTSAMPLES_LLAMA)]);
    expect(metrics.map((m) => m.id)).toEqual([
      'reward',
      'jury:jury_score',
      'jury:accuracy',
      'jury:completeness',
      'jury:clarity',
    ]);
    expect(metrics.every((m) => m.inRuns.every(Boolean))).toBe(true);
  });

  it('a file’s accuracy is not the jury’s accuracy: only the reward is shared', () => {
    const file = {
      settings: {
        envId: 'file-metrics',
        envSettings: { env_id: 'x', metrics: ['accuracy'], written_by: 'verifiers 0.3.0' },
      },
      rows: [],
    };
    const { metrics } = rolloutMetricsOf([file, mtsamples(MTSAMPLES_QWEN)]);
    expect(metrics.filter((m) => m.inRuns.every(Boolean)).map((m) => m.id)).toEqual(['reward']);
    expect(metrics.find((m) => m.id === 'file:accuracy')?.inRuns).toEqual([true, false]);
    expect(metrics.find((m) => m.id === 'jury:accuracy')?.inRuns).toEqual([false, true]);
  });

  it('a native choice run has its credit', () => {
    const choice = { settings: { envId: 'medqa' }, rows: [] };
    expect(rolloutMetricsOf([choice, choice]).metrics.map((m) => m.id)).toEqual([
      'reward',
      'choice:correct',
    ]);
  });
});

describe('matchRollouts and pairMetrics', () => {
  it('match every release’s rollouts by example id and rollout index, values as the files give', () => {
    const a = release('v0.3.0');
    const b = release('v0.1.7');
    const matched = matchRollouts([a, b]);
    expect(matched.map((m) => `${m.example_id}:${m.rollout_index}`)).toEqual([
      '0:0',
      '0:1',
      '1:0',
      '1:1',
      '2:0',
      '2:1',
    ]);
    for (const { rows } of matched) {
      const [x, y] = rows;
      expect(x).not.toBeNull();
      expect(y).not.toBeNull();
      if (x === null || x === undefined || y === null || y === undefined) continue;
      for (const id of ['reward', 'file:accuracy_reward', 'file:format_reward']) {
        expect(rolloutMetricValue(y, id), `${x.key} ${id}`).toBe(rolloutMetricValue(x, id));
      }
    }
    const { metrics } = rolloutMetricsOf([a, b]);
    const paired = pairMetrics(matched, metrics);
    expect(paired.map((p) => p[0])).toEqual([
      { paired: 6, baselineMean: 0.5, runMean: 0.5, meanDelta: 0 },
      { paired: 6, baselineMean: 0.5, runMean: 0.5, meanDelta: 0 },
      { paired: 6, baselineMean: 0.5, runMean: 0.5, meanDelta: 0 },
    ]);
  });

  it('pair MTSamples rollouts where both have a value: the sentinel rollout (unscored) is left out', () => {
    const qwen = mtsamples(MTSAMPLES_QWEN);
    const llama = mtsamples(MTSAMPLES_LLAMA);
    const matched = matchRollouts([qwen, llama]);
    const { metrics } = rolloutMetricsOf([qwen, llama]);
    const [reward, juryScore] = pairMetrics(matched, metrics);
    expect(reward?.[0]?.paired).toBe(3);
    expect(juryScore?.[0]?.paired).toBe(3);
    // Example 0 rollout 0: qwen's judges 4,3,5 and 5,4,5 (4.33); llama's 2,2,3 and 3,2,3 (2.5).
    const first = matched[0]?.rows ?? [];
    expect(first[0]?.jury_score).toBeCloseTo(26 / 6, 12);
    expect(first[1]?.jury_score).toBeCloseTo(15 / 6, 12);
    expect(matchRollouts([qwen, llama], 1).map((m) => m.rollout_index)).toEqual([0, 1]);
  });

  it('say which run lacks a rollout, and leave a metric one run lacks unpaired', () => {
    const base = { settings: { envId: 'medqa' }, rows: [row({ example_id: 3, reward: 1 })] };
    const other = {
      settings: { envId: 'medqa' },
      rows: [row({ example_id: 3, rollout_index: 1, reward: 0 })],
    };
    const matched = matchRollouts([base, other]);
    expect(matched.map((m) => m.rows.map((r) => r !== null))).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(pairMetrics(matched, [{ id: 'x', label: 'x', inRuns: [true, false] }])).toEqual([
      [null],
    ]);
  });
});
