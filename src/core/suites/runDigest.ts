// Owns a run's digest: the few numbers a leaderboard cell shows, and apart from it (another record)
// the per-example rewards MedARC's win rate compares, both computed once from the run's compact rows
// (never its prompts or replies) and stored beside the run. A leaderboard of 10 models × 30 entries
// then reads 300 records of a few hundred bytes on the page, and only the worker reads the rewards
// (Float64Arrays, NaN: no reward, which IndexedDB clones as one block of bytes). Pure.
import { z } from '../zod';
import { wilsonInterval } from '../envs/multipleChoice/choiceAccuracy';
import type { RolloutRow } from '../results/rolloutRow';
import { bootstrapMeanCI } from '../stats/bootstrap';
import { mean as meanOf } from '../stats/mean';

/** 2: the per-example rewards moved to their own record (1 held them; such a digest is recomputed). */
export const RUN_DIGEST_VERSION = 2 as const;

const float64Array = z.custom<Float64Array>((value) => value instanceof Float64Array);

/** @public The schema of a stored record, beside its type (STYLE); readers may validate with it. */
export const RunDigestSchema = z.object({
  v: z.literal(RUN_DIGEST_VERSION),
  runId: z.string(),
  /** The run's `updatedAt` when this was computed: a different one means it is stale. */
  runUpdatedAt: z.number(),
  /** Rollout rows read, so a row added or finished since (without a run update) is noticed too. */
  rows: z.number().int().nonnegative(),
  counts: z.object({
    total: z.number().int(),
    scored: z.number().int(),
    unscored: z.number().int(),
    error: z.number().int(),
    pending: z.number().int(),
  }),
  /** MedARC's per-run score: mean over examples of each example's mean reward (nulls ignored). */
  score: z.object({
    mean: z.number().nullable(),
    low: z.number().nullable(),
    high: z.number().nullable(),
    /** Examples with a reward. */
    n: z.number().int(),
    /** How the interval was made: Wilson for 0/1 rewards, a seeded bootstrap otherwise. */
    method: z.enum(['wilson', 'bootstrap', 'none']),
  }),
  tokens: z.object({ input: z.number(), output: z.number() }),
  costUsd: z.number(),
  rowsWithoutCost: z.number().int(),
});
export type RunDigest = z.infer<typeof RunDigestSchema>;

/**
 * A run's per-example rewards, written with its digest (same `runUpdatedAt` and `rows`).
 * @public The schema of a stored record, beside its type (STYLE); readers may validate with it.
 */
export const RunRewardsSchema = z.object({
  runId: z.string(),
  runUpdatedAt: z.number(),
  rows: z.number().int().nonnegative(),
  /** Example ids, ascending, and each one's mean reward over its rollouts (NaN: none scored). */
  exampleIds: float64Array,
  rewards: float64Array,
});
export type RunRewards = z.infer<typeof RunRewardsSchema>;

const DIGEST_SEED = 0;

function exampleRewards(rows: readonly RolloutRow[]): {
  exampleIds: Float64Array;
  rewards: Float64Array;
} {
  const sums = new Map<number, { sum: number; n: number }>();
  for (const row of rows) {
    const entry = sums.get(row.example_id) ?? { sum: 0, n: 0 };
    if (row.reward !== null && Number.isFinite(row.reward)) {
      entry.sum += row.reward;
      entry.n += 1;
    }
    sums.set(row.example_id, entry);
  }
  const exampleIds = Float64Array.from(sums.keys()).sort();
  const rewards = exampleIds.map((id) => {
    const entry = sums.get(id);
    return entry === undefined || entry.n === 0 ? Number.NaN : entry.sum / entry.n;
  });
  return { exampleIds, rewards };
}

function scoreOf(values: readonly number[]): RunDigest['score'] {
  if (values.length === 0) return { mean: null, low: null, high: null, n: 0, method: 'none' };
  const mean = meanOf(values);
  if (values.every((v) => v === 0 || v === 1)) {
    const interval = wilsonInterval(values.filter((v) => v === 1).length, values.length);
    return {
      mean,
      low: interval?.low ?? null,
      high: interval?.high ?? null,
      n: values.length,
      method: 'wilson',
    };
  }
  const interval = bootstrapMeanCI(values, { seed: DIGEST_SEED });
  return { mean, low: interval.low, high: interval.high, n: values.length, method: 'bootstrap' };
}

export function digestRun(
  runId: string,
  runUpdatedAt: number,
  rows: readonly RolloutRow[],
): { digest: RunDigest; rewards: RunRewards } {
  const count = (...statuses: string[]) => rows.filter((r) => statuses.includes(r.status)).length;
  const { exampleIds, rewards } = exampleRewards(rows);
  const scored = [...rewards].filter((r) => !Number.isNaN(r));
  let input = 0;
  let output = 0;
  let costUsd = 0;
  let rowsWithoutCost = 0;
  for (const row of rows) {
    input += row.inputTokens ?? 0;
    output += row.outputTokens ?? 0;
    costUsd += row.costUsd ?? 0;
    if (row.costUsd === null && row.status !== 'pending') rowsWithoutCost++;
  }
  const digest: RunDigest = {
    v: RUN_DIGEST_VERSION,
    runId,
    runUpdatedAt,
    rows: rows.length,
    counts: {
      total: rows.length,
      scored: rows.filter((r) => r.reward !== null && Number.isFinite(r.reward)).length,
      unscored: count('unscored'),
      error: count('error'),
      pending: count('pending', 'generating', 'judging'),
    },
    score: scoreOf(scored),
    tokens: { input, output },
    costUsd,
    rowsWithoutCost,
  };
  return { digest, rewards: { runId, runUpdatedAt, rows: rows.length, exampleIds, rewards } };
}

/** What the digest store may hold: a current digest, or one of an older version (recomputed). */
export type StoredRunDigest =
  RunDigest | { v: 1; runId: string; runUpdatedAt: number; rows: number };

export function isCurrentDigest(digest: StoredRunDigest | undefined): digest is RunDigest {
  return digest?.v === RUN_DIGEST_VERSION;
}

/** A digest the current code can read and that still describes the run as it is stored. */
export function isFreshDigest(
  digest: StoredRunDigest | undefined,
  run: { updatedAt: number },
): digest is RunDigest {
  return isCurrentDigest(digest) && digest.runUpdatedAt === run.updatedAt;
}
