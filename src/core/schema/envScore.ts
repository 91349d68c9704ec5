import { z } from '../zod';

// How a rollout of a benchmark other than MTSamples was scored, as stored on the rollout (exact
// answers, rewards computed in code, rubric grades, an imported file's own metrics). In schema/ because
// stored runs are validated with it; core/envs/types.ts re-exports it for the environments.

/** How a choice answer was read and matched (shown per rollout). */
export const ChoiceScoreSchema = z.object({
  kind: z.literal('choice'),
  /** The letter the answer was read as, or null. */
  parsed: z.string().nullable(),
  /** The gold letter as presented (after any shuffle). */
  gold: z.string(),
  correct: z.boolean(),
  /** Which layer matched (`letter`, `anchored`, `last_letter`, `option_text`) or `none`. */
  matchedBy: z.enum(['letter', 'anchored', 'last_letter', 'option_text', 'none']),
  /** Where the answer was read from (`answer_tag`, `boxed`, `whole_reply`) and anything noteworthy. */
  source: z.enum(['answer_tag', 'boxed', 'whole_reply', 'empty']),
  /** One sentence on why it matched or not, in plain words. */
  why: z.string(),
  /** The text that was matched (the extracted answer), truncated for storage. */
  extracted: z.string(),
  /** Presented order of the original options (letters), when shuffled. */
  order: z.array(z.string()).optional(),
});
export type ChoiceScore = z.infer<typeof ChoiceScoreSchema>;

/**
 * A reward computed in code by an env with its own scoring (MedCalc's numeric ranges, SCT's panel
 * credit, MedHallu's "unsure" credit): the reference's reward for the reply, which may be partial.
 */
export const RewardScoreSchema = z.object({
  kind: z.literal('reward'),
  /** The reference's reward, in [0, 1]. */
  reward: z.number(),
  /** Full credit (reward 1). */
  correct: z.boolean(),
  /** What the reference read from the reply, as it prints it; null when it read nothing usable. */
  parsed: z.string().nullable(),
  /** What the reply was scored against (gold label, range, panel ratings), for display. */
  gold: z.string(),
  /** One sentence on why the reply earned this reward, in plain words. */
  why: z.string(),
  /** The text the answer was read from (the answer tag's inside, the JSON object…), truncated. */
  extracted: z.string(),
}) satisfies z.ZodType<{ kind: 'reward' }>;
export type RewardScore = z.infer<typeof RewardScoreSchema>;

export const RubricItemSchema = z.object({
  criterion: z.string(),
  points: z.number(),
  tags: z.array(z.string()),
});
export type RubricItem = z.infer<typeof RubricItemSchema>;

/** One grader call on one rubric item. */
export const RubricGradeSchema = z.object({
  status: z.enum(['met', 'not_met', 'unparseable', 'error']),
  explanation: z.string().nullable(),
  raw: z.string().nullable(),
  error: z
    .object({ kind: z.string(), message: z.string(), nextStep: z.string().optional() })
    .optional(),
  attempts: z.number().int(),
  latencyMs: z.number(),
  usage: z.object({ inputTokens: z.number(), outputTokens: z.number() }).nullable(),
  costUsd: z.number().nullable(),
  cached: z.boolean(),
  finishedAt: z.number(),
});
export type RubricGrade = z.infer<typeof RubricGradeSchema>;

const TagScoreSchema = z.record(z.string(), z.number());

export const RubricScoreSchema = z.object({
  kind: z.literal('rubric'),
  /** (points of met items, negatives included) / (positive points); not clipped. Null if unscorable. */
  raw: z.number().nullable(),
  /** `raw` clipped to [0, 1] (MedARC's per-example variant). */
  clipped: z.number().nullable(),
  byAxis: TagScoreSchema,
  byTheme: TagScoreSchema,
  met: z.number().int(),
  notMet: z.number().int(),
  unparseable: z.number().int(),
  failed: z.number().int(),
});
export type RubricScore = z.infer<typeof RubricScoreSchema>;

/**
 * A rollout imported from the results file of an environment this app does not run (core/results/
 * fileMetrics.ts): the file's own reward functions and timing, exactly as written; null where the file
 * gives nothing.
 */
export const FileMetricsScoreSchema = z.object({
  kind: z.literal('metrics'),
  metrics: z.record(z.string(), z.number().nullable()),
  timing: z.object({
    generationMs: z.number().nullable(),
    scoringMs: z.number().nullable(),
    totalMs: z.number().nullable(),
  }),
});
export type FileMetricsScore = z.infer<typeof FileMetricsScoreSchema>;

export const EnvScoreSchema = z.discriminatedUnion('kind', [
  ChoiceScoreSchema,
  RubricScoreSchema,
  FileMetricsScoreSchema,
  RewardScoreSchema,
]);
export type EnvScore = z.infer<typeof EnvScoreSchema>;
