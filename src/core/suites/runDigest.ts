// Owns a run's digest: the few numbers a leaderboard cell shows and the per-example rewards MedARC's
// win rate compares, computed once from the run's compact rows (never its prompts or replies) and
// stored beside the run. A leaderboard of 10 models × 30 entries then reads 300 small records instead
// of hundreds of thousands of rows. Pure.
import { z } from '../zod';
import { wilsonInterval } from '../envs/multipleChoice/choiceAccuracy';
import type { RolloutRow } from '../results/rolloutRow';
import { bootstrapMeanCI } from '../stats/bootstrap';
import { mean as meanOf } from '../stats/mean';

export const RUN_DIGEST_VERSION = 1 as const;

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
  /** Example ids, ascending, and each one's mean reward over its rollouts (null: none scored). */
  exampleIds: z.array(z.number().int()),
  rewards: z.array(z.number().nullable()),
});
export type RunDigest = z.infer<typeof RunDigestSchema>;

const DIGEST_SEED = 0;

function exampleRewards(rows: readonly RolloutRow[]): {
  exampleIds: number[];
  rewards: (number | null)[];
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
  const exampleIds = [...sums.keys()].sort((a, b) => a - b);
  const rewards = exampleIds.map((id) => {
    const entry = sums.get(id);
    return entry === undefined || entry.n === 0 ? null : entry.sum / entry.n;
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
): RunDigest {
  const count = (...statuses: string[]) => rows.filter((r) => statuses.includes(r.status)).length;
  const { exampleIds, rewards } = exampleRewards(rows);
  const scored = rewards.filter((r): r is number => r !== null);
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
  return {
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
    exampleIds,
    rewards,
  };
}
