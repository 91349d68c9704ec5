import { describe, expect, it } from 'vitest';
import { summarizeRun, THROUGHPUT_HORIZON_MS } from '../../src/core/runSummary';
import type { Generation, JudgeCall, RolloutRecord } from '../../src/core/schema/run';
import { bootstrapMeanCI } from '../../src/core/stats/bootstrap';

let nextKey = 0;
function rollout(overrides: Partial<RolloutRecord> = {}): RolloutRecord {
  const id = nextKey++;
  return {
    schemaVersion: 1,
    runId: 'run',
    key: `${id}:0`,
    example_id: id,
    rollout_index: 0,
    exampleKey: `ex-${id}`,
    section: 'PLAN',
    status: 'pending',
    prompt: [],
    judges: [],
    updatedAt: 0,
    ...overrides,
  };
}

function score(reward: number | null, jury: number | null, judges: (number | null)[]) {
  return {
    reward,
    jury_score: jury,
    judge_scores: judges,
    criterion_means: { accuracy: null, completeness: null, clarity: null },
  };
}

const facts = { latencyMs: 10, attempts: 1, cached: false, finishedAt: 100 };

function generation(overrides: Partial<Generation> = {}): Generation {
  return {
    content: 'plan',
    reasoning: null,
    finishReason: 'stop',
    requestBody: { model: 'gpt-4o-mini' },
    usage: null,
    costUsd: null,
    ...facts,
    ...overrides,
  };
}

function judgeCall(overrides: Partial<JudgeCall> = {}): JudgeCall {
  return {
    judgeIndex: 0,
    model: 'gpt-4o-mini',
    raw: '{}',
    parsed: null,
    score: null,
    usage: null,
    costUsd: null,
    ...facts,
    ...overrides,
  };
}

describe('summarizeRun: counts', () => {
  it.each<[string, RolloutRecord['status'][], Record<string, number>]>([
    ['empty run', [], { total: 0, done: 0, failed: 0, unscored: 0, pending: 0, inFlight: 0 }],
    [
      'one of each',
      ['done', 'done', 'error', 'unscored', 'pending', 'generating', 'judging'],
      { total: 7, done: 2, failed: 1, unscored: 1, pending: 1, inFlight: 2, finished: 4 },
    ],
    ['all pending', ['pending', 'pending'], { total: 2, pending: 2, finished: 0 }],
  ])('%s', (_name, statuses, expected) => {
    const summary = summarizeRun(
      statuses.map((status) => rollout({ status })),
      0,
    );
    expect(summary).toMatchObject(expected);
  });
});

describe('summarizeRun: throughput and ETA', () => {
  it.each<[string, number[], number, number, number | null, number | null]>([
    // Finishes at 10 s, 20 s, 30 s, now 40 s: 2 more after the first in 30 s → 4 / min; 2 left → 30 s.
    ['steady', [10_000, 20_000, 30_000], 2, 40_000, 4, 30_000],
    // Same finishes, but a stall until 70 s: 2 in 60 s → 2 / min; 2 left → 60 s.
    ['stalled', [10_000, 20_000, 30_000], 2, 70_000, 2, 60_000],
    ['one finish is not a rate', [10_000], 3, 20_000, null, null],
    // The earlier finish is beyond the horizon (a pause): only one recent finish remains.
    [
      'ignores finishes before a pause',
      [0, THROUGHPUT_HORIZON_MS + 5_000],
      1,
      THROUGHPUT_HORIZON_MS + 6_000,
      null,
      null,
    ],
    ['nothing left → ETA 0', [10_000, 20_000], 0, 30_000, 3, 0],
  ])('%s', (_name, finishedAt, pending, now, rate, eta) => {
    const rollouts = [
      ...finishedAt.map((updatedAt) => rollout({ status: 'done', updatedAt })),
      ...Array.from({ length: pending }, () => rollout({ status: 'pending' })),
    ];
    const summary = summarizeRun(rollouts, now);
    if (rate === null) expect(summary.throughputPerMin).toBeNull();
    else expect(summary.throughputPerMin).toBeCloseTo(rate, 9);
    if (eta === null) expect(summary.etaMs).toBeNull();
    else expect(summary.etaMs).toBeCloseTo(eta, 6);
  });
});

describe('summarizeRun: scores', () => {
  const rollouts = [
    rollout({ status: 'done', score: score(0.6, 3, [0.6, null]) }),
    rollout({ status: 'done', score: score(0.8, 4, [0.8, 0.6]) }),
    rollout({ status: 'done', score: score(1, 5, [1, 1]) }),
    rollout({ status: 'unscored', score: score(null, null, [null, null]) }),
    rollout({ status: 'error' }),
  ];
  const summary = summarizeRun(rollouts, 0);

  it('means the scored rewards only, with their bootstrap interval', () => {
    expect(summary.reward.n).toBe(3);
    expect(summary.reward.mean).toBeCloseTo(0.8, 12);
    expect(summary.reward).toEqual(bootstrapMeanCI([0.6, 0.8, 1]));
    expect(summary.reward.low).toBeLessThan(0.8);
    expect(summary.reward.high).toBeGreaterThan(0.8);
  });

  it('reports the HELM-scale jury score and per-judge means', () => {
    expect(summary.juryScore).toBeCloseTo(4, 12);
    // Judge 1: (0.6 + 0.8 + 1) / 3; judge 2: (0.6 + 1) / 2.
    expect(summary.judgeMeans[0]).toBeCloseTo(0.8, 12);
    expect(summary.judgeMeans[1]).toBeCloseTo(0.8, 12);
  });

  it('has no mean before anything is scored', () => {
    const none = summarizeRun([rollout()], 0);
    expect(none.reward).toEqual({ mean: null, low: null, high: null, n: 0 });
    expect(none.juryScore).toBeNull();
  });
});

describe('summarizeRun: tokens and spend', () => {
  const prices = { 'gpt-4o-mini': { inputPerM: 0.15, outputPerM: 0.6 } };
  const rollouts = [
    rollout({
      status: 'done',
      generation: generation({ usage: { inputTokens: 1000, outputTokens: 500 } }),
      judges: [
        judgeCall({ usage: { inputTokens: 2000, outputTokens: 100 }, costUsd: 0.002 }),
        judgeCall({ model: 'mystery', usage: { inputTokens: 10, outputTokens: 10 } }),
      ],
    }),
    rollout({
      status: 'judging',
      generation: generation({
        usage: { inputTokens: 7, outputTokens: 7 },
        costUsd: 0.5,
        cached: true,
      }),
      judges: [null, null],
    }),
  ];

  it('prefers reported cost, estimates the rest from prices, skips cached calls', () => {
    const { tokens, spend } = summarizeRun(rollouts, 0, { prices });
    expect(tokens).toEqual({ input: 3010, output: 610 });
    expect(spend.reportedUsd).toBeCloseTo(0.002, 12);
    // (1000 × 0.15 + 500 × 0.6) / 1M
    expect(spend.estimatedUsd).toBeCloseTo(0.00045, 12);
    expect(spend.totalUsd).toBeCloseTo(0.00245, 12);
    expect(spend.unpricedCalls).toBe(1);
    expect(spend.cachedCalls).toBe(1);
  });

  it('without prices, only reported cost counts and the rest is unpriced', () => {
    const { spend } = summarizeRun(rollouts, 0);
    expect(spend.totalUsd).toBeCloseTo(0.002, 12);
    expect(spend.unpricedCalls).toBe(2);
  });

  it('leaves out generations a re-score run copied from its parent', () => {
    const { tokens, spend } = summarizeRun(rollouts, 0, { prices, paidSinceMs: 101 });
    expect(tokens).toEqual({ input: 2010, output: 110 });
    expect(spend.estimatedUsd).toBe(0);
  });
});
