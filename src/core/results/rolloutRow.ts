import { z } from '../zod';
import { CRITERIA } from '../envs/mtsamples/judge';
import type { RolloutRecord } from '../schema/run';
import {
  ChoiceScoreSchema,
  FileMetricsScoreSchema,
  RewardScoreSchema,
  RubricScoreSchema,
  type EnvScore,
} from '../envs/types';
import { rolloutTokens } from './rolloutTokens';

// The compact row the results table shows: everything it sorts and filters on, and nothing large.
// The worker writes it in the same transaction as its rollout, so the table can open 10,000 rollouts
// without reading (and cloning on the main thread) their prompts, responses and judge replies.

export const ROLLOUT_ROW_VERSION = 1 as const;

const CriterionScoresSchema = z.object({
  accuracy: z.number().nullable(),
  completeness: z.number().nullable(),
  clarity: z.number().nullable(),
});

const CompactEnvScoreSchema = z.discriminatedUnion('kind', [
  ChoiceScoreSchema.pick({ kind: true, parsed: true, gold: true, correct: true, matchedBy: true }),
  RubricScoreSchema,
  FileMetricsScoreSchema,
  RewardScoreSchema.pick({ kind: true, reward: true, parsed: true, gold: true, correct: true }),
]);
type CompactEnvScore = z.infer<typeof CompactEnvScoreSchema>;

function compactEnvScore(score: EnvScore | undefined): CompactEnvScore | undefined {
  if (score === undefined) return undefined;
  if (score.kind === 'reward') {
    const { kind, reward, parsed, gold, correct } = score;
    return { kind, reward, parsed, gold, correct };
  }
  if (score.kind !== 'choice') return score;
  const { kind, parsed, gold, correct, matchedBy } = score;
  return { kind, parsed, gold, correct, matchedBy };
}

/** @public The schema of a stored record, beside its type (STYLE); readers may validate with it. */
export const RolloutRowSchema = z.object({
  v: z.literal(ROLLOUT_ROW_VERSION),
  runId: z.string(),
  key: z.string(),
  example_id: z.number().int(),
  rollout_index: z.number().int(),
  exampleKey: z.string(),
  section: z.string().nullable(),
  status: z.string(),
  reward: z.number().nullable(),
  jury_score: z.number().nullable(),
  /** Per criterion, the mean over judges (1–5). */
  criterion_means: CriterionScoresSchema,
  /** Per judge: its normalised score and its three 1–5 scores. */
  judges: z.array(
    z.object({
      score: z.number().nullable(),
      criteria: CriterionScoresSchema,
      failed: z.boolean(),
    }),
  ),
  /** Largest spread (max − min) between judges on any criterion; null with fewer than two scores. */
  judgeSpread: z.number().nullable(),
  /** Tokens of every call: model, judges and grader (rolloutTokens().all). */
  inputTokens: z.number().nullable(),
  outputTokens: z.number().nullable(),
  latencyMs: z.number().nullable(),
  costUsd: z.number().nullable(),
  hasNote: z.boolean(),
  ratings: CriterionScoresSchema,
  errorKind: z.string().nullable(),
  /** Choice and rubric benchmarks: what the summary aggregates (core/envs/types.ts, trimmed). */
  envScore: CompactEnvScoreSchema.optional(),
  updatedAt: z.number(),
});
export type RolloutRow = z.infer<typeof RolloutRowSchema>;

function sumOrNull(values: readonly (number | null | undefined)[]): number | null {
  const present = values.filter((v): v is number => typeof v === 'number');
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0);
}

function spreadOf(rollout: RolloutRecord): number | null {
  let widest: number | null = null;
  for (const criterion of CRITERIA) {
    const scores = rollout.judges
      .map((call) => call?.parsed?.[criterion].score ?? null)
      .filter((s): s is NonNullable<typeof s> => s !== null);
    if (scores.length < 2) continue;
    const spread = Math.max(...scores) - Math.min(...scores);
    widest = widest === null ? spread : Math.max(widest, spread);
  }
  return widest;
}

export function toRolloutRow(rollout: RolloutRecord): RolloutRow {
  // Rubric grader calls cost tokens like judge calls do; the row sums both.
  const calls = [...rollout.judges, ...(rollout.grades ?? [])];
  const generation = rollout.generation;
  const tokens = rolloutTokens(rollout).all;
  return {
    v: ROLLOUT_ROW_VERSION,
    runId: rollout.runId,
    key: rollout.key,
    example_id: rollout.example_id,
    rollout_index: rollout.rollout_index,
    exampleKey: rollout.exampleKey,
    section: rollout.section,
    status: rollout.status,
    reward: rollout.score?.reward ?? null,
    jury_score: rollout.score?.jury_score ?? null,
    criterion_means: rollout.score?.criterion_means ?? {
      accuracy: null,
      completeness: null,
      clarity: null,
    },
    judges: rollout.judges.map((call) => ({
      score: call?.score ?? null,
      criteria: {
        accuracy: call?.parsed?.accuracy.score ?? null,
        completeness: call?.parsed?.completeness.score ?? null,
        clarity: call?.parsed?.clarity.score ?? null,
      },
      failed: call?.error !== undefined,
    })),
    judgeSpread: spreadOf(rollout),
    inputTokens: tokens?.inputTokens ?? null,
    outputTokens: tokens?.outputTokens ?? null,
    // An imported file's rollout has the timing the file gives, which may be none.
    latencyMs:
      rollout.envScore?.kind === 'metrics'
        ? rollout.envScore.timing.generationMs
        : (generation?.latencyMs ?? null),
    costUsd: sumOrNull([generation?.costUsd, ...calls.map((c) => c?.costUsd)]),
    hasNote: (rollout.notes ?? '').trim() !== '',
    ratings: {
      accuracy: rollout.ratings?.accuracy ?? null,
      completeness: rollout.ratings?.completeness ?? null,
      clarity: rollout.ratings?.clarity ?? null,
    },
    errorKind: rollout.error?.kind ?? null,
    ...(rollout.envScore === undefined ? {} : { envScore: compactEnvScore(rollout.envScore) }),
    updatedAt: rollout.updatedAt,
  };
}
