// Labels that said something untrue (#13): whose tokens, the dataset commit said twice, a spread
// caption that did not depend on the data, and a retry button counting unscored rollouts as failed.
import { describe, expect, it } from 'vitest';
import { spreadReading } from '../../src/core/results/spreadReading';
import { toRolloutRow } from '../../src/core/results/rolloutRow';
import { githubDatasetLabel } from '../../src/core/schema/dataset';
import type { RunRecord } from '../../src/core/schema/run';
import { tokenFacts } from '../../src/ui/components/results/detail/RolloutHeader';
import { datasetLineText } from '../../src/ui/components/results/runs/runFacts';
import { columnMeta, resultsColumns } from '../../src/ui/components/results/table/resultsColumns';
import { retryLabel } from '../../src/ui/components/run/RunControls';
import { sampleRollouts, sampleRun } from '../core/results/sampleRun';

const COMMIT = 'c4c252443fa0b7e6c6c7b1a0e3b9a7b6f3d8e2a1';

describe('tokens: the detail names whose, and its total is the table’s In / Out', () => {
  const columns = resultsColumns(['a', 'b']);
  const cell = (id: string) => columnMeta(columns.find((c) => c.id === id)!).render;

  it.each(sampleRollouts.map((r) => [r.key, r] as const))('rollout %s', (_key, rollout) => {
    const facts = Object.fromEntries(tokenFacts('jury', rollout));
    const row = toRolloutRow(rollout);
    const all = facts['Tokens (all calls)'];
    expect(all).toBe(
      row.inputTokens === null
        ? '—'
        : `${cell('inputTokens')(row)} in / ${cell('outputTokens')(row)} out`,
    );
    expect(Object.keys(facts)).toEqual(['Tokens (model)', 'Tokens (judges)', 'Tokens (all calls)']);
  });

  it('heads the table’s columns as every call’s', () => {
    expect(columns.filter((c) => /Tokens/.test(columnMeta(c).label)).map((c) => c.header)).toEqual([
      'In (all)',
      'Out (all)',
    ]);
  });

  it('has only the model’s for a run scored in code', () => {
    expect(tokenFacts('accuracy', sampleRollouts[0]!).map(([label]) => label)).toEqual([
      'Tokens (model)',
    ]);
    expect(tokenFacts('rubric', sampleRollouts[0]!).map(([label]) => label)).toContain(
      'Tokens (grader)',
    );
  });
});

describe('the Results header names the dataset commit once', () => {
  const run = (label: string, commit: string | undefined): RunRecord => ({
    ...sampleRun,
    dataset: { ...sampleRun.dataset, label, ...(commit === undefined ? {} : { commit }) },
  });

  it.each([
    [githubDatasetLabel(COMMIT), COMMIT, 'MTSamples Procedures @ c4c252443f · rules v2 · helm cut'],
    ['My notes (12 files)', COMMIT, 'My notes (12 files) @ c4c252443f · rules v2 · helm cut'],
    // A label naming another commit keeps it: it is not this one said twice.
    ['Copy @ abcdef1', COMMIT, 'Copy @ abcdef1 @ c4c252443f · rules v2 · helm cut'],
  ])('%s', (label, commit, expected) => {
    expect(datasetLineText(run(label, commit))).toBe(expected);
  });
});

describe('retryLabel', () => {
  it.each([
    [{ failed: 0, unscored: 3 }, 'Retry 3 unscored rollouts'],
    [{ failed: 0, unscored: 1 }, 'Retry 1 unscored rollout'],
    [{ failed: 1, unscored: 0 }, 'Retry 1 failed rollout'],
    [{ failed: 2, unscored: 1 }, 'Retry 2 failed and 1 unscored rollouts'],
  ])('%o → %s', (counts, expected) => {
    expect(retryLabel(counts)).toBe(expected);
  });
});

describe('spreadReading', () => {
  const trust = (spreads: number[], alpha: number | null, fourOrFive: number, n: number) => ({
    alpha,
    spread: {
      n: spreads.reduce((a, b) => a + b, 0),
      bins: spreads.map((count, spread) => ({ spread, count })),
    },
    scores: { n, fourOrFive },
  });

  it('says nearly every score is a 4 or a 5 only when it is so and α is low', () => {
    const text = spreadReading(trust([40, 8, 2, 0, 0], 0.2, 95, 100));
    expect(text).toContain('at most 1 point apart on 96% of the 50');
    expect(text).toContain('95% of the scores are a 4 or a 5');
  });

  it('says the judges disagree when spreads are wide and α is low', () => {
    const text = spreadReading(trust([5, 5, 6, 4, 0], 0.1, 90, 100));
    expect(text).toContain('at most 1 point apart on 50% of the 20');
    expect(text).toContain('2 or more points apart on 50%');
    expect(text).toContain('the judges disagree');
    expect(text).not.toMatch(/4 or a 5/);
  });

  it('adds nothing about α when α is acceptable, and says nothing without two judges', () => {
    expect(spreadReading(trust([10, 0, 0, 0, 0], 0.9, 10, 20))).toBe(
      'The judges are at most 1 point apart on 100% of the 10 rollout × criterion scores.',
    );
    expect(spreadReading(trust([0, 0, 0, 0, 0], null, 0, 0))).toBeNull();
  });
});
