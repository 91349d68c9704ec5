import { z } from '../zod';

// MTSamples Procedures' stored choices and scores (spec mtsamples-procedures.md §3–5): the prompt
// format, what the judges see, a judge's parsed reply and a rollout's jury scores. In schema/ because
// stored runs are validated with them; core/envs/mtsamples re-exports them beside the logic.

/** `chat`: the verifiers environment (system + user); `helm`: HELM's single user message. */
export const PromptFormatSchema = z.enum(['chat', 'helm']);
export type PromptFormat = z.infer<typeof PromptFormatSchema>;

/** What the judges see of a completion: everything (reference behaviour) or the text after `</think>`. */
export const JudgeVisibilitySchema = z.enum(['full', 'after_think']);
export type JudgeVisibility = z.infer<typeof JudgeVisibilitySchema>;

export const CRITERIA = ['accuracy', 'completeness', 'clarity'] as const;
/** @public The schema of a stored record, beside its type (STYLE); readers may validate with it. */
export const CriterionSchema = z.enum(CRITERIA);
export type Criterion = z.infer<typeof CriterionSchema>;

const JudgeScoreSchema = z.literal([1, 2, 3, 4, 5]);
export type JudgeScore = z.infer<typeof JudgeScoreSchema>;

const CriterionVerdictSchema = z.object({
  score: JudgeScoreSchema.nullable(),
  explanation: z.string().nullable(),
  /** Why the criterion could not be read, or what was tolerated while reading it. */
  problem: z.string().optional(),
});
export type CriterionVerdict = z.infer<typeof CriterionVerdictSchema>;

export const ParsedJudgeReplySchema = z.object({
  accuracy: CriterionVerdictSchema,
  completeness: CriterionVerdictSchema,
  clarity: CriterionVerdictSchema,
  /** Everything noteworthy about the reply: failures and tolerated deviations alike. */
  problems: z.array(z.string()),
  jsonFound: z.boolean(),
});
export type ParsedJudgeReply = z.infer<typeof ParsedJudgeReplySchema>;

/** `fraction`: score / 5, the environment's documented formula; `minus_one`: (score - 1) / 4 (MedARC's newer code). */
export const NormalisationSchema = z.enum(['fraction', 'minus_one']);
export type Normalisation = z.infer<typeof NormalisationSchema>;

const CriterionMeansSchema = z.object({
  accuracy: z.number().nullable(),
  completeness: z.number().nullable(),
  clarity: z.number().nullable(),
});

export const RolloutScoreSchema = z.object({
  /** Mean of the non-null judge scores; null when no judge produced one (the rollout is unscored). */
  reward: z.number().nullable(),
  /** HELM's 1–5 scale: mean of every valid score of every judge. */
  jury_score: z.number().nullable(),
  judge_scores: z.array(z.number().nullable()),
  /** Per criterion, the mean over judges of the valid 1–5 scores. */
  criterion_means: CriterionMeansSchema,
  /** How a reference preset's reward departs from the formula above, e.g. why the reference scored 0. */
  note: z.string().optional(),
});
export type RolloutScore = z.infer<typeof RolloutScoreSchema>;
