import { describe, expect, it } from 'vitest';
import {
  kValues,
  passAllK,
  passAllKTable,
  passAtK,
  passAtKTable,
} from '../../../src/core/stats/passAtK';

// pass@k / pass^k as verifiers reports them (results-format.md: `pass_at_k`, `pass_all_k`).

describe('passAtK and passAllK: worked examples', () => {
  // n = 4 rollouts, c = 2 pass: pass@2 = 1 - C(2,2)/C(4,2) = 5/6; pass^2 = C(2,2)/C(4,2) = 1/6.
  const half = [[1, 0.9, 0.2, 0]];

  it.each<[string, number[][], number, number, number]>([
    ['n=4 c=2 k=1', half, 1, 0.5, 0.5],
    ['n=4 c=2 k=2', half, 2, 5 / 6, 1 / 6],
    ['n=4 c=2 k=3', half, 3, 1, 0],
    ['n=4 c=2 k=4', half, 4, 1, 0],
    ['n=4 c=0 k=2', [[0, 0.1, 0.2, 0.49]], 2, 0, 0],
    ['n=4 c=4 k=4', [[1, 1, 0.5, 0.5]], 4, 1, 1],
    ['n=3 c=1 k=2: 1 - C(2,2)/C(3,2) = 2/3', [[1, 0, 0]], 2, 2 / 3, 0],
    [
      'two examples are averaged: (5/6 + 0) / 2',
      [
        [1, 1, 0, 0],
        [0, 0, 0, 0],
      ],
      2,
      5 / 12,
      1 / 12,
    ],
  ])('%s', (_name, rewards, k, atK, allK) => {
    expect(passAtK(rewards, k)).toBeCloseTo(atK, 12);
    expect(passAllK(rewards, k)).toBeCloseTo(allK, 12);
  });

  it('counts a reward equal to the threshold as a pass', () => {
    expect(passAtK([[0.5, 0.4999]], 1)).toBe(0.5);
    expect(passAtK([[0.8, 0.7]], 1, 0.75)).toBe(0.5);
  });

  it('matches brute-force enumeration of every k-subset', () => {
    const rewards = [
      [1, 0, 1, 0, 0, 1, 0],
      [0, 0, 0, 1, 0, 0, 0],
      [1, 1, 1, 1, 1, 0, 1],
    ];
    for (let k = 1; k <= 7; k++) {
      expect(passAtK(rewards, k)).toBeCloseTo(bruteForce(rewards, k, 'any'), 12);
      expect(passAllK(rewards, k)).toBeCloseTo(bruteForce(rewards, k, 'all'), 12);
    }
  });

  it('leaves out incomplete examples, as verifiers does', () => {
    expect(passAtK([[1, 0], [1]], 1)).toBe(0.5);
  });

  it.each([
    [[], 1],
    [[[1, 0]], 3],
  ])('is null when no example has k rollouts: %j, k=%i', (rewards, k) => {
    expect(passAtK(rewards, k)).toBeNull();
    expect(passAllK(rewards, k)).toBeNull();
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects k = %s', (k) => {
    expect(() => passAtK([[1, 0]], k)).toThrow(RangeError);
  });
});

describe('passAtKTable and passAllKTable', () => {
  it.each<[string, number[][], string[]]>([
    ['no examples', [], []],
    ['one rollout per example (verifiers writes {})', [[1], [0]], []],
    ['two', [[1, 0]], ['1', '2']],
    ['three', [[1, 0, 0]], ['1', '2']],
    ['four', [[1, 0, 0, 1]], ['1', '2', '4']],
    ['eight', [[1, 0, 0, 1, 1, 1, 0, 0]], ['1', '2', '4', '8']],
  ])('keys for %s', (_name, rewards, keys) => {
    expect(Object.keys(passAtKTable(rewards))).toEqual(keys);
    expect(Object.keys(passAllKTable(rewards))).toEqual(keys);
  });

  it('holds the same values as passAtK / passAllK', () => {
    const rewards = [
      [1, 1, 0, 0],
      [0, 0, 0, 0],
    ];
    expect(passAtKTable(rewards)).toEqual({ '1': 0.25, '2': 5 / 12, '4': 0.5 });
    expect(passAllKTable(rewards)).toEqual({ '1': 0.25, '2': 1 / 12, '4': 0 });
  });

  it('uses the threshold it is given', () => {
    expect(passAtKTable([[0.6, 0.4]], 0.3)).toEqual({ '1': 1, '2': 1 });
  });
});

describe('kValues', () => {
  it.each<[number, number[]]>([
    [0, []],
    [1, []],
    [2, [1, 2]],
    [5, [1, 2, 4]],
    [16, [1, 2, 4, 8, 16]],
  ])('n = %i → %j', (n, ks) => {
    expect(kValues(n)).toEqual(ks);
  });
});

/** Mean over examples of the share of k-subsets with any / all passing (reward >= 0.5). */
function bruteForce(rewardsByExample: number[][], k: number, mode: 'any' | 'all'): number {
  let total = 0;
  for (const rewards of rewardsByExample) {
    const subsets = combinations(rewards.length, k);
    const hits = subsets.filter((subset) => {
      const passes = subset.map((i) => (rewards[i] ?? 0) >= 0.5);
      return mode === 'any' ? passes.some(Boolean) : passes.every(Boolean);
    });
    total += hits.length / subsets.length;
  }
  return total / rewardsByExample.length;
}

function combinations(n: number, k: number, start = 0): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  for (let i = start; i <= n - k; i++) {
    for (const rest of combinations(n, k - 1, i + 1)) out.push([i, ...rest]);
  }
  return out;
}
