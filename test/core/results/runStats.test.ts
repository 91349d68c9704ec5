import { describe, expect, it } from 'vitest';
import {
  computeJudgeTrust,
  computeRunHeadline,
  computeRunStats,
  judgeLabelsOf,
  passAtKStats,
  rewardBySection,
  rewardHistogram,
} from '../../../src/core/results/runStats';
import { krippendorffAlphaOrdinal } from '../../../src/core/stats/agreement';
import { row } from './rowFactory';

describe('computeRunHeadline', () => {
  const rows = [
    row({ reward: 0.8, jury_score: 4, inputTokens: 100, outputTokens: 50, costUsd: 0.01 }),
    row({ reward: 0.6, jury_score: 3, inputTokens: 200, outputTokens: 70, costUsd: 0.02 }),
    row({ reward: 1, jury_score: 5, inputTokens: 300, outputTokens: 80, costUsd: null }),
    row({ status: 'unscored', reward: null, jury_score: null, inputTokens: 40, costUsd: 0.005 }),
    row({ status: 'error', reward: null, jury_score: null }),
    row({ status: 'pending', reward: null, jury_score: null }),
    row({ status: 'judging', reward: null, jury_score: null }),
  ];

  it('counts every status and excludes unscored rows from the mean', () => {
    const headline = computeRunHeadline(rows);
    expect(headline.counts).toEqual({
      total: 7,
      done: 3,
      unscored: 1,
      error: 1,
      pending: 2,
      scored: 3,
    });
    // (0.8 + 0.6 + 1) / 3 = 0.8 over the 3 scored rows, not 2.4 / 7.
    expect(headline.reward.mean).toBeCloseTo(0.8, 12);
    expect(headline.reward.n).toBe(3);
    expect(headline.juryScore).toEqual({ mean: 4, n: 3 });
  });

  it('gives a seeded interval around the mean, inside the data range', () => {
    const { reward } = computeRunHeadline(rows);
    expect(reward.low).not.toBeNull();
    expect(reward.low ?? NaN).toBeGreaterThanOrEqual(0.6);
    expect(reward.high ?? NaN).toBeLessThanOrEqual(1);
    expect(reward.low ?? NaN).toBeLessThan(0.8);
    expect(reward.high ?? NaN).toBeGreaterThan(0.8);
    expect(computeRunHeadline(rows).reward).toEqual(reward);
  });

  it('sums tokens and known costs, and counts finished rows without a cost', () => {
    // Costs: 0.01 + 0.02 + 0.005; the rows without one: the third, the error and the judging one
    // (a pending row has not been paid for yet, so it is not "missing" a cost).
    expect(computeRunHeadline(rows).usage).toEqual({
      inputTokens: 640,
      outputTokens: 200,
      costUsd: expect.closeTo(0.035, 12) as number,
      rowsWithoutCost: 3,
      rowsWithTokens: 4,
    });
  });

  it('is null, not 0, with no scored rows', () => {
    const headline = computeRunHeadline([
      row({ status: 'pending', reward: null, jury_score: null }),
    ]);
    expect(headline.reward).toEqual({ mean: null, low: null, high: null, n: 0 });
    expect(headline.juryScore).toEqual({ mean: null, n: 0 });
    expect(computeRunHeadline([]).counts.total).toBe(0);
  });
});

describe('rewardHistogram', () => {
  it('bins [i/10, (i+1)/10) with 1 in the last bin and edge values nudged up', () => {
    const bins = rewardHistogram([
      0, // bin 0
      0.05, // bin 0
      0.1, // bin 1: a left edge belongs to its bin
      0.1 + 0.2, // 0.30000000000000004 → bin 3
      (0.8 + 0.6) / 2, // 0.7000000000000001 → bin 7
      0.7 - 1e-12, // meant as 0.7 → bin 7, not 6
      0.95, // bin 9
      1, // bin 9: the last bin is closed
      1.2, // clamped into bin 9
      -0.1, // clamped into bin 0
    ]);
    expect(bins.map((b) => b.count)).toEqual([3, 1, 0, 1, 0, 0, 0, 2, 0, 3]);
    expect(bins[0]).toEqual({ low: 0, high: 0.1, count: 3 });
    expect(bins[9]?.high).toBe(1);
  });
});

describe('rewardBySection', () => {
  it('groups by section (no section last) with n and total per group', () => {
    const sections = rewardBySection([
      row({ section: 'Surgery', reward: 0.8 }),
      row({ section: 'Surgery', reward: 0.4 }),
      row({ section: 'Surgery', status: 'unscored', reward: null }),
      row({ section: null, reward: 1 }),
      row({ section: 'Cardiology', reward: 0.6 }),
    ]);
    expect(sections.map((s) => [s.section, s.reward.mean, s.reward.n, s.total])).toEqual([
      ['Cardiology', 0.6, 1, 1],
      ['Surgery', expect.closeTo(0.6, 12), 2, 3],
      [null, 1, 1, 1],
    ]);
    // One value has no spread to resample: its interval is the point.
    expect(sections[0]?.reward.low).toBe(0.6);
  });
});

describe('passAtKStats', () => {
  it('uses only examples whose every rollout is scored', () => {
    const stats = passAtKStats([
      row({ example_id: 1, rollout_index: 0, reward: 0.8 }),
      row({ example_id: 1, rollout_index: 1, reward: 0.4 }),
      row({ example_id: 2, rollout_index: 0, reward: 0.4 }),
      row({ example_id: 2, rollout_index: 1, reward: 0.4 }),
      row({ example_id: 3, rollout_index: 0, reward: 0.8 }),
      row({ example_id: 3, rollout_index: 1, status: 'unscored', reward: null }),
    ]);
    // Example 1: 1 of 2 pass (≥ 0.5): pass@1 = 0.5, pass@2 = 1. Example 2: none pass. Example 3 is
    // incomplete and left out. Means: pass@1 = 0.25, pass@2 = 0.5.
    expect(stats).toEqual({
      threshold: 0.5,
      rolloutsPerExample: 2,
      completeExamples: 2,
      examples: 3,
      table: { '1': 0.25, '2': 0.5 },
    });
  });

  it('is null with one rollout per example', () => {
    expect(passAtKStats([row({ example_id: 1 }), row({ example_id: 2 })])).toBeNull();
  });
});

describe('computeRunStats', () => {
  const rows = [
    row({
      example_id: 1,
      reward: 0.7,
      criterion_means: { accuracy: 4, completeness: 3.5, clarity: 3 },
      judges: [
        { score: 0.8, criteria: { accuracy: 4, completeness: 4, clarity: 4 } },
        { score: 0.6, criteria: { accuracy: 4, completeness: 3, clarity: 2 } },
      ],
    }),
    row({
      example_id: 2,
      reward: 0.6,
      criterion_means: { accuracy: 2, completeness: null, clarity: 4 },
      judges: [{ score: 0.6, criteria: { accuracy: 2, completeness: null, clarity: 4 } }, null],
    }),
  ];

  it('reports per-criterion and per-judge means with their n', () => {
    const stats = computeRunStats(rows, ['judge-a']);
    expect(stats.criterionMeans).toEqual({
      accuracy: { mean: 3, n: 2 },
      completeness: { mean: 3.5, n: 1 },
      clarity: { mean: 3.5, n: 2 },
    });
    expect(stats.judges).toEqual([
      {
        index: 0,
        label: 'judge-a',
        score: { mean: expect.closeTo(0.7, 12) as number, n: 2 },
        criteria: {
          accuracy: { mean: 3, n: 2 },
          completeness: { mean: 4, n: 1 },
          clarity: { mean: 4, n: 2 },
        },
        failed: 0,
      },
      {
        // More judges in the rows than labels: the rest are numbered.
        index: 1,
        label: 'Judge 2',
        score: { mean: 0.6, n: 1 },
        criteria: {
          accuracy: { mean: 4, n: 1 },
          completeness: { mean: 3, n: 1 },
          clarity: { mean: 2, n: 1 },
        },
        failed: 1,
      },
    ]);
    expect(stats.histogram.map((b) => b.count)).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 0, 0]);
    expect(stats.passAtK).toBeNull();
  });
});

describe('judgeLabelsOf', () => {
  it('numbers a model used twice', () => {
    expect(judgeLabelsOf([{ model: 'a' }, { model: 'b' }, { model: 'a' }])).toEqual([
      'a #1',
      'b',
      'a #3',
    ]);
  });
});

describe('computeJudgeTrust', () => {
  // Accuracy: the judges agree exactly. Completeness: judge 2 is always one lower. Clarity: judge 2
  // failed on row 1 and is 2 away on rows 2 and 3.
  const j0 = { accuracy: [5, 4, 3, 2], completeness: [5, 4, 3, 2], clarity: [3, 3, 3, 3] };
  const j1 = { accuracy: [5, 4, 3, 2], completeness: [4, 3, 2, 1], clarity: [3, null, 5, 1] };
  const human = [5, 4, 2, null];
  const rows = (withHuman: boolean) =>
    [0, 1, 2, 3].map((i) =>
      row({
        example_id: i,
        judges: [
          {
            score: 0.8,
            criteria: {
              accuracy: j0.accuracy[i] ?? null,
              completeness: j0.completeness[i] ?? null,
              clarity: j0.clarity[i] ?? null,
            },
          },
          {
            score: 0.8,
            criteria: {
              accuracy: j1.accuracy[i] ?? null,
              completeness: j1.completeness[i] ?? null,
              clarity: j1.clarity[i] ?? null,
            },
          },
        ],
        ratings: withHuman ? { accuracy: human[i] ?? null } : {},
      }),
    );

  it('gives one agreement matrix per criterion with n per pair', () => {
    const trust = computeJudgeTrust(rows(false), ['A', 'B']);
    const [accuracy, completeness, clarity] = trust.criteria;
    expect(accuracy?.matrix.pairs).toHaveLength(1);
    expect(accuracy?.matrix.pairs[0]).toMatchObject({
      n: 4,
      exact: 1,
      withinOne: 1,
      spearman: 1,
      alpha: 1,
    });
    expect(completeness?.matrix.pairs[0]).toMatchObject({
      n: 4,
      exact: 0,
      withinOne: 1,
      spearman: 1,
    });
    // Clarity: judge A is constant, so there is no ranking: Spearman is undefined, not 0.
    expect(clarity?.matrix.pairs[0]).toMatchObject({
      n: 3,
      exact: 1 / 3,
      withinOne: 1 / 3,
      spearman: null,
    });
    expect(trust.human).toEqual([]);
    expect(trust.humanRated).toBe(0);
  });

  it('counts spreads per (rollout, criterion) and bases alpha on the same units', () => {
    const trust = computeJudgeTrust(rows(false), ['A', 'B']);
    // Accuracy: 4 × spread 0. Completeness: 4 × spread 1. Clarity: 0, (one score: out), 2, 2.
    expect(trust.spread).toEqual({
      bins: [
        { spread: 0, count: 5 },
        { spread: 1, count: 4 },
        { spread: 2, count: 2 },
        { spread: 3, count: 0 },
        { spread: 4, count: 0 },
      ],
      n: 11,
    });
    expect(trust.alphaN).toBe(11);
    const units = [
      [5, 5],
      [4, 4],
      [3, 3],
      [2, 2],
      [5, 4],
      [4, 3],
      [3, 2],
      [2, 1],
      [3, 3],
      [3, null],
      [3, 5],
      [3, 1],
    ];
    expect(trust.alpha).toBeCloseTo(krippendorffAlphaOrdinal(units) ?? NaN, 12);
    expect(trust.alpha).toBeGreaterThan(0);
    expect(trust.alpha).toBeLessThan(1);
  });

  it('adds the human as a rater and compares each judge with the human ratings', () => {
    const trust = computeJudgeTrust(rows(true), ['A', 'B']);
    expect(trust.humanRated).toBe(3);
    const accuracy = trust.criteria[0]?.matrix;
    expect(accuracy?.pairs.map((p) => `${p.a.label}-${p.b.label}:${p.n}`)).toEqual([
      'A-B:4',
      'A-Human:3',
      'B-Human:3',
    ]);
    // Human [5, 4, 2] vs judge A [5, 4, 3]: 2 of 3 equal, all within one, same order.
    expect(trust.human[0]?.byCriterion.accuracy).toMatchObject({
      n: 3,
      exact: 2 / 3,
      withinOne: 1,
      spearman: 1,
    });
    // Only accuracy was rated, so pooling the criteria adds nothing.
    expect(trust.human[0]?.overall.n).toBe(3);
    expect(trust.human[1]?.byCriterion.completeness.n).toBe(0);
    expect(trust.human[1]?.byCriterion.completeness.exact).toBeNull();
  });

  it('ignores stray values instead of throwing, and copes with no rows', () => {
    const stray = row({
      judges: [
        { score: 1, criteria: { accuracy: 7 } },
        { score: 1, criteria: { accuracy: 4.5 } },
      ],
    });
    expect(computeJudgeTrust([stray], ['A', 'B']).criteria[0]?.matrix.pairs[0]?.n).toBe(0);
    const empty = computeJudgeTrust([], ['A']);
    expect(empty).toMatchObject({ judges: 1, alpha: null, alphaN: 0, humanRated: 0, human: [] });
    expect(empty.criteria[0]?.matrix.pairs).toEqual([]);
  });
});
