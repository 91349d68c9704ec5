import { describe, expect, it } from 'vitest';
import { ENVS } from '../../../src/core/envs/registry';
import type { RolloutRow } from '../../../src/core/results/rolloutRow';
import {
  buildLeaderboard,
  leaderboardWinRates,
  winRateRequest,
  winRateRequestKey,
  withWinRates,
  type LeaderboardRun,
} from '../../../src/core/suites/leaderboard';
import { MEDMARKS_VERIFIED } from '../../../src/core/suites/medmarksVerified';
import { placeRun } from '../../../src/core/suites/placeRun';
import { resolveEntry } from '../../../src/core/suites/resolveEntry';
import { digestRun, type RunRewards } from '../../../src/core/suites/runDigest';
import { alignRewards, computeWinRates, pairwiseWinRate } from '../../../src/core/suites/winRate';
import type { RunRecord } from '../../../src/core/schema/run';

const m = (entries: [number, number | null][]) => ({
  exampleIds: entries.map(([id]) => id),
  rewards: entries.map(([, reward]) => reward),
});
/** A's and B's rewards aligned over the union of their questions. */
function pair(a: ReturnType<typeof m>, b: ReturnType<typeof m>): [Float64Array, Float64Array] {
  const { vectors } = alignRewards(
    new Map([
      ['a', a],
      ['b', b],
    ]),
  );
  return [vectors.get('a')!, vectors.get('b')!];
}

describe('MedARC win rate (neg-inf missing policy), against a hand computation', () => {
  // D1 has 3 questions: C never ran question 3, A has no reward on it (a failed rollout).
  const d1 = {
    id: 'D1',
    byModel: new Map([
      [
        'A',
        m([
          [1, 1],
          [2, 0],
          [3, null],
        ]),
      ],
      [
        'B',
        m([
          [1, 0],
          [2, 0],
          [3, 1],
        ]),
      ],
      [
        'C',
        m([
          [1, 1],
          [2, 1],
        ]),
      ],
    ]),
  };
  // D2 has 2 questions and only A and B ran it.
  const d2 = {
    id: 'D2',
    byModel: new Map([
      [
        'A',
        m([
          [1, 1],
          [2, 1],
        ]),
      ],
      [
        'B',
        m([
          [1, 0.5],
          [2, 1],
        ]),
      ],
    ]),
  };

  it('scores a pair over examples where at least one has a value, a missing value losing', () => {
    // A vs B: win, tie, loss (A missing = −∞) → 1.5 / 3.
    expect(pairwiseWinRate(...pair(d1.byModel.get('A')!, d1.byModel.get('B')!))).toBe(0.5);
    // A vs C: tie, loss; question 3 is missing for both and not used → 0.5 / 2.
    expect(pairwiseWinRate(...pair(d1.byModel.get('A')!, d1.byModel.get('C')!))).toBe(0.25);
    // B vs C: loss, loss, win (C missing) → 1 / 3.
    expect(pairwiseWinRate(...pair(d1.byModel.get('B')!, d1.byModel.get('C')!))).toBeCloseTo(
      1 / 3,
      12,
    );
    // Differences within 1e-9 are ties.
    expect(pairwiseWinRate(...pair(m([[1, 0.3]]), m([[1, 0.1 + 0.2]])))).toBe(0.5);
    expect(pairwiseWinRate(...pair(m([[1, null]]), m([[1, null]])))).toBeNull();
  });

  it('averages over opponents per dataset, then simple and ln(n_questions)-weighted', () => {
    const rates = computeWinRates([d1, d2]);
    expect(rates.questions).toEqual(
      new Map([
        ['D1', 3],
        ['D2', 2],
      ]),
    );
    const a1 = (0.5 + 0.25) / 2;
    const b1 = (0.5 + 1 / 3) / 2;
    const c1 = (0.75 + 2 / 3) / 2;
    expect(rates.byDataset.get('D1')?.get('A')).toBeCloseTo(a1, 12);
    expect(rates.byDataset.get('D1')?.get('B')).toBeCloseTo(b1, 12);
    expect(rates.byDataset.get('D1')?.get('C')).toBeCloseTo(c1, 12);
    expect(rates.byDataset.get('D2')?.get('A')).toBe(0.75);
    const a = rates.byModel.get('A');
    expect(a?.simple).toBeCloseTo((a1 + 0.75) / 2, 12);
    expect(a?.weighted).toBeCloseTo((a1 * Math.log(3) + 0.75 * Math.log(2)) / Math.log(6), 12);
    expect(a?.datasets).toBe(2);
    expect(rates.byModel.get('B')?.simple).toBeCloseTo((b1 + 0.25) / 2, 12);
    // C ran one dataset: its means are that dataset's.
    expect(rates.byModel.get('C')?.simple).toBeCloseTo(c1, 12);
    expect(rates.byModel.get('C')?.weighted).toBeCloseTo(c1, 12);
    expect(rates.byModel.get('C')?.datasets).toBe(1);
  });

  it('gives no win rate to a model alone on every dataset', () => {
    const rates = computeWinRates([{ id: 'D', byModel: new Map([['A', m([[1, 1]])]]) }]);
    expect(rates.byModel.size).toBe(0);
  });
});

function row(
  exampleId: number,
  reward: number | null,
  extra: Partial<RolloutRow> = {},
): RolloutRow {
  return {
    v: 1,
    runId: 'r',
    key: `${exampleId}:${extra.rollout_index ?? 0}`,
    example_id: exampleId,
    rollout_index: 0,
    exampleKey: String(exampleId),
    section: null,
    status: reward === null ? 'error' : 'done',
    reward,
    jury_score: null,
    criterion_means: { accuracy: null, completeness: null, clarity: null },
    judges: [],
    judgeSpread: null,
    inputTokens: 100,
    outputTokens: 10,
    latencyMs: 5,
    costUsd: 0.001,
    hasNote: false,
    ratings: { accuracy: null, completeness: null, clarity: null },
    errorKind: null,
    updatedAt: 0,
    ...extra,
  };
}

describe('digestRun', () => {
  it('scores the mean over examples of each one’s mean reward, with a Wilson interval for 0/1', () => {
    const rows = [row(0, 1), row(1, 0), row(2, 1), row(3, 1), row(4, null)];
    const { digest, rewards } = digestRun('r', 1, rows);
    expect(digest.score.mean).toBe(0.75);
    expect(digest.score.n).toBe(4);
    expect(digest.score.method).toBe('wilson');
    // Wilson 95% for 3/4, by hand: centre (0.75 + 1.92/4)/(1 + 3.84/4) …
    const z = 1.959963984540054;
    const centre = (0.75 + (z * z) / 8) / (1 + (z * z) / 4);
    const half = (z * Math.sqrt((0.75 * 0.25) / 4 + (z * z) / 64)) / (1 + (z * z) / 4);
    expect(digest.score.low).toBeCloseTo(centre - half, 6);
    expect(digest.score.high).toBeCloseTo(centre + half, 6);
    expect(digest.counts).toEqual({ total: 5, scored: 4, unscored: 0, error: 1, pending: 0 });
    expect([...rewards.exampleIds]).toEqual([0, 1, 2, 3, 4]);
    expect([...rewards.rewards]).toEqual([1, 0, 1, 1, Number.NaN]);
    expect(rewards).toMatchObject({ runId: 'r', runUpdatedAt: 1, rows: 5 });
    expect(digest.tokens).toEqual({ input: 500, output: 50 });
  });

  it('averages rollouts per example first, and bootstraps partial credit', () => {
    const rows = [
      row(0, 1),
      row(0, 0, { rollout_index: 1, key: '0:1' }),
      row(1, 1),
      row(1, 1, { rollout_index: 1, key: '1:1' }),
    ];
    const { digest, rewards } = digestRun('r', 1, rows);
    expect([...rewards.rewards]).toEqual([0.5, 1]);
    expect(digest.score.mean).toBe(0.75);
    expect(digest.score.method).toBe('bootstrap');
    expect(digest.score.low).not.toBeNull();
  });
});

const VARIANTS: Record<string, string> = { medmcqa: 'lighteval', pubmedqa: 'pqa_labeled' };

function fakeRun(id: string, model: string, envId: string, envSettings: object, extra = {}) {
  return {
    id,
    name: id,
    status: 'done',
    createdAt: 1,
    origin: 'native',
    settings: {
      envId,
      envSettings,
      model: { model },
    },
    dataset: {
      id: `hf:${envId}/${VARIANTS[envId] ?? 'test'}@refs/convert/parquet`,
    },
    ...extra,
  } as unknown as RunRecord;
}

describe('the leaderboard', () => {
  const entries = MEDMARKS_VERIFIED.entries.map((entry) => ({
    entry,
    resolution: resolveEntry(entry, ENVS),
  }));

  it('places native runs by benchmark, variant and settings, imported runs by env id and args', () => {
    const plain = fakeRun('a', 'm1', 'medqa', {});
    expect(placeRun(plain, entries)).toBe('medqa');
    const shuffled = fakeRun('b', 'm1', 'medmcqa', { shuffleOptions: true, shuffleSeed: 1618 });
    expect(placeRun(shuffled, entries)).toBe('med_mcqa/shuffle_seed-1618');
    const otherSeed = fakeRun('c', 'm1', 'medqa', { shuffleOptions: true, shuffleSeed: 7 });
    expect(placeRun(otherSeed, entries)).toBeNull();
    const imported = fakeRun(
      'd',
      'm1',
      'mtsamples_procedures',
      {},
      {
        origin: 'imported',
        importedMetadata: {
          raw: { env_id: 'med_mcqa', env_args: { shuffle_seed: 9331, shuffle_answers: true } },
        },
      },
    );
    expect(placeRun(imported, entries)).toBe('med_mcqa/shuffle_seed-9331');
    const older = fakeRun(
      'e',
      'm1',
      'mtsamples_procedures',
      {},
      {
        origin: 'imported',
        importedMetadata: { raw: { env: 'medqa', env_args: {} } },
      },
    );
    expect(placeRun(older, entries)).toBe('medqa');
  });

  it('has a column per entry, 27 main, a macro average over those, and MedARC win rates', () => {
    const runs: LeaderboardRun[] = [
      {
        run: fakeRun('a1', 'alpha', 'medqa', {}),
        digest: digestRun('a1', 1, [row(0, 1), row(1, 1)]).digest,
      },
      {
        run: fakeRun('a2', 'alpha', 'pubmedqa', {}),
        digest: digestRun('a2', 1, [row(0, 0), row(1, 1)]).digest,
      },
      {
        run: fakeRun('b1', 'beta', 'medqa', {}),
        digest: digestRun('b1', 1, [row(0, 0), row(1, 1)]).digest,
      },
      {
        run: fakeRun('b2', 'beta', 'medqa', { shuffleOptions: true, shuffleSeed: 1618 }),
        digest: digestRun('b2', 1, [row(0, 1), row(1, 1)]).digest,
      },
    ];
    const rewardsOf = new Map<string, RunRewards>(
      [
        ['a1', [row(0, 1), row(1, 1)]],
        ['a2', [row(0, 0), row(1, 1)]],
        ['b1', [row(0, 0), row(1, 1)]],
        ['b2', [row(0, 1), row(1, 1)]],
      ].map(([id, rows]) => [
        id as string,
        digestRun(id as string, 1, rows as RolloutRow[]).rewards,
      ]),
    );
    const bare = buildLeaderboard(entries, runs);
    expect(bare.winRatesReady).toBe(false);
    expect(bare.rows.every((r) => r.winRate === null)).toBe(true);
    // The worker gets, per main entry, each model's run; shuffle columns are not asked for.
    const request = winRateRequest(bare);
    expect(request).toHaveLength(27);
    expect(request.find((d) => d.id === 'medqa')?.runs).toEqual([
      ['alpha', 'a1'],
      ['beta', 'b1'],
    ]);
    expect(request.some((d) => d.runs.some(([, id]) => id === 'b2'))).toBe(false);
    const board = withWinRates(
      bare,
      leaderboardWinRates(request, (id) => rewardsOf.get(id)),
    );
    expect(board.winRatesReady).toBe(true);
    expect(board.columns).toHaveLength(66);
    expect(board.mainCount).toBe(27);
    expect(board.rows.map((r) => r.model)).toEqual(['alpha', 'beta']);
    const [alpha, beta] = board.rows;
    expect(alpha?.macro).toEqual({ mean: (1 + 0.5) / 2, entries: 2, of: 27 });
    // beta's shuffled medqa is not a main entry: its macro average is its medqa alone.
    expect(beta?.macro).toEqual({ mean: 0.5, entries: 1, of: 27 });
    expect(beta?.cells.get('medqa/shuffle_seed-1618')?.runId).toBe('b2');
    // medqa: alpha (1,1) vs beta (0,1): win, tie → 0.75; pubmedqa: alpha alone → no win rate there.
    expect(alpha?.winRate).toEqual({ simple: 0.75, weighted: 0.75, datasets: 1 });
    expect(beta?.winRate).toEqual({ simple: 0.25, weighted: 0.25, datasets: 1 });
    expect(alpha?.totals.scored).toBe(4);
  });

  it('asks for win rates again when a digest covered by the request changes', () => {
    const runsWith = (updatedAt: number): LeaderboardRun[] => [
      {
        run: fakeRun('a1', 'alpha', 'medqa', {}),
        digest: digestRun('a1', updatedAt, [row(0, 1)]).digest,
      },
      {
        run: fakeRun('b2', 'beta', 'medqa', { shuffleOptions: true, shuffleSeed: 1618 }),
        digest: digestRun('b2', updatedAt, [row(0, 1)]).digest,
      },
    ];
    const key = winRateRequestKey(buildLeaderboard(entries, runsWith(1)));
    expect(winRateRequestKey(buildLeaderboard(entries, runsWith(1)))).toBe(key);
    expect(winRateRequestKey(buildLeaderboard(entries, runsWith(2)))).not.toBe(key);
  });
});
