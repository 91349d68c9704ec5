import { describe, expect, it } from 'vitest';
import { compareRuns, outcomeOf, rewardsByExample } from '../../../src/core/results/compareRuns';
import { row } from './rowFactory';

const baseline = [
  row({ example_id: 1, rollout_index: 0, reward: 0.8 }),
  row({ example_id: 1, rollout_index: 1, reward: 0.6 }), // example 1: 0.7
  row({ example_id: 2, reward: 0.6 }),
  row({ example_id: 3, reward: 0.4 }),
  row({ example_id: 4, status: 'unscored', reward: null }),
  row({ example_id: 5, reward: 0.5 }),
];
const other = [
  row({ example_id: 1, reward: 0.8 }), // Δ +0.1: win
  row({ example_id: 2, reward: 0.605 }), // Δ +0.005: tie
  row({ example_id: 3, reward: 0.2 }), // Δ −0.2: loss
  row({ example_id: 4, reward: 0.6 }), // baseline unscored: this run only
  row({ example_id: 6, reward: 1 }), // absent from the baseline: this run only
];

describe('rewardsByExample', () => {
  it('averages scored rollouts per example and keeps all-unscored examples as null', () => {
    const rewards = rewardsByExample(baseline);
    expect(rewards.get(1)).toBeCloseTo(0.7, 12);
    expect(rewards.get(4)).toBeNull();
    expect(rewards.has(6)).toBe(false);
  });
});

describe('outcomeOf', () => {
  it('calls |Δ| < 0.01 a tie and 0.01 itself a decision', () => {
    expect(outcomeOf(0.0099)).toBe('tie');
    expect(outcomeOf(-0.0099)).toBe('tie');
    expect(outcomeOf(0.01)).toBe('win');
    expect(outcomeOf(-0.02)).toBe('loss');
  });
});

describe('compareRuns', () => {
  const comparison = compareRuns([
    { runId: 'base', rows: baseline },
    { runId: 'other', rows: other },
  ]);

  it('pairs by example and counts wins, ties, losses and unpaired examples', () => {
    expect(comparison.vsBaseline).toHaveLength(1);
    const [vs] = comparison.vsBaseline;
    expect(vs).toMatchObject({
      runId: 'other',
      paired: 3,
      wins: 1,
      ties: 1,
      losses: 1,
      onlyBaseline: 1,
      onlyRun: 2,
    });
    // (0.1 + 0.005 − 0.2) / 3 = −0.031667
    expect(vs?.diff.mean).toBeCloseTo(-0.095 / 3, 12);
    expect(vs?.diff.n).toBe(3);
    expect(vs?.diff.low ?? NaN).toBeGreaterThanOrEqual(-0.2 - 1e-12);
    expect(vs?.diff.low ?? NaN).toBeLessThan(vs?.diff.mean ?? NaN);
    expect(vs?.diff.high ?? NaN).toBeLessThanOrEqual(0.1 + 1e-12);
    expect(vs?.diff.high ?? NaN).toBeGreaterThan(vs?.diff.mean ?? NaN);
  });

  it('ranks examples by |Δ|, unpaired ones last by id', () => {
    expect(comparison.examples.map((e) => e.example_id)).toEqual([3, 1, 2, 4, 5, 6]);
    const [first] = comparison.examples;
    expect(first?.rewards).toEqual([0.4, 0.2]);
    expect(first?.deltas[0]).toBeNull();
    expect(first?.deltas[1]).toBeCloseTo(-0.2, 12);
    expect(first?.maxAbsDelta).toBeCloseTo(0.2, 12);
    expect(comparison.examples.find((e) => e.example_id === 4)).toMatchObject({
      rewards: [null, 0.6],
      deltas: [null, null],
      maxAbsDelta: null,
    });
  });

  it('compares every further run with the first, disagreement over all of them', () => {
    const third = [row({ example_id: 2, reward: 1 }), row({ example_id: 1, reward: 0.7 })];
    const three = compareRuns([
      { runId: 'base', rows: baseline },
      { runId: 'other', rows: other },
      { runId: 'third', rows: third },
    ]);
    expect(three.runIds).toEqual(['base', 'other', 'third']);
    expect(three.vsBaseline.map((v) => [v.runId, v.paired, v.wins, v.ties, v.losses])).toEqual([
      ['other', 3, 1, 1, 1],
      ['third', 2, 1, 1, 0],
    ]);
    // Example 2 now differs by 0.4 from the baseline in the third run: the largest disagreement.
    expect(three.examples[0]?.example_id).toBe(2);
    expect(three.examples[0]?.maxAbsDelta).toBeCloseTo(0.4, 12);
  });

  it('gives null intervals with nothing paired, and refuses a single run', () => {
    const apart = compareRuns([
      { runId: 'a', rows: [row({ example_id: 1 })] },
      { runId: 'b', rows: [row({ example_id: 2 })] },
    ]);
    expect(apart.vsBaseline[0]).toMatchObject({ paired: 0, onlyBaseline: 1, onlyRun: 1 });
    expect(apart.vsBaseline[0]?.diff).toEqual({ mean: null, low: null, high: null, n: 0 });
    expect(() => compareRuns([{ runId: 'a', rows: [] }])).toThrow(RangeError);
  });
});
