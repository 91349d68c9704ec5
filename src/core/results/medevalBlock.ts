// Owns the `medeval` objects we add to results files (results-format.md, "What we add"): one per row and
// one in metadata.json. Other readers ignore them; ours rebuild the run from them without loss. Nested
// records (a generation's facts, a judge call, the settings' endpoints) are our stored records
// verbatim, so the import validates them with the very schemas the database uses. Pure.
import { z } from '../zod';
import { RolloutScoreSchema } from '../envs/mtsamples/judge';
import {
  ExampleSelectionSchema,
  GenerationSchema,
  JudgeCallSchema,
  RolloutRecordSchema,
  RolloutStatusSchema,
  RunRecordSchema,
  RunSettingsSchema,
} from '../schema/run';
import { StoredErrorSchema } from '../schema/dataset';
import { EnvScoreSchema, RubricGradeSchema } from '../envs/types';

export const MEDEVAL_RESULTS_SCHEMA = 1 as const;
/** The verifiers environment these files belong to (its `env_id`). */
export const RESULTS_ENV_ID = 'mtsamples_procedures';
/** The environment's one reward function: its metric key in `metrics` and at the top level. */
export const REWARD_METRIC = 'reward_mtsamples';

const settings = RunSettingsSchema.shape;

export const MedevalRowSchema = z.object({
  schema: z.literal(MEDEVAL_RESULTS_SCHEMA),
  app_version: z.string(),
  rollout_index: z.number().int().nonnegative(),
  example_key: z.string(),
  section: z.string().nullable(),
  status: RolloutStatusSchema,
  /** The generation without its text (that is the row's `completion`). */
  generation: GenerationSchema.omit({ content: true, reasoning: true }).nullable(),
  /** True when `generation.requestBody.messages` was left out because it equals the row's `prompt`. */
  request_messages_are_prompt: z.boolean(),
  /** One slot per judge, each call without its reply text (that is in `info.judge_feedback`). */
  judges: z.array(JudgeCallSchema.omit({ raw: true }).nullable()),
  /** Our score: `reward` is null when unscored, where the row's top-level `reward` says 0. */
  score: RolloutScoreSchema.nullable(),
  unscored: z.boolean(),
  unscored_reason: z.string().optional(),
  empty_response: z.boolean().optional(),
  error: RolloutRecordSchema.shape.error,
  notes: RolloutRecordSchema.shape.notes,
  ratings: RolloutRecordSchema.shape.ratings,
  /** An imported rollout's original row, carried through a re-export. */
  imported: z.unknown().optional(),
  /** Choice and rubric benchmarks: how the rollout was scored, and each rubric item's grade. */
  env_score: EnvScoreSchema.optional(),
  grades: z.array(RubricGradeSchema.nullable()).optional(),
  updated_at: z.number(),
});
export type MedevalRow = z.infer<typeof MedevalRowSchema>;

const IntervalSchema = z.object({
  mean: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  n: z.number().int(),
});

export const MedevalMetadataSchema = z.object({
  schema: z.literal(MEDEVAL_RESULTS_SCHEMA),
  app_version: z.string(),
  run: z.object({
    id: z.string(),
    name: z.string(),
    kind: RunRecordSchema.shape.kind,
    parent_run_id: z.string().optional(),
    status: RunRecordSchema.shape.status,
    stop_error: StoredErrorSchema.optional(),
    created_at_ms: z.number(),
    updated_at_ms: z.number(),
    started_at_ms: z.number().optional(),
    finished_at_ms: z.number().optional(),
    origin: RunRecordSchema.shape.origin,
    imported_metadata: z.unknown().optional(),
  }),
  /** Endpoint configs hold no key (their schema refuses credential headers). */
  /** The benchmark and its settings; absent in files written before issue 6 (= MTSamples). */
  env_id: z.string().optional(),
  env_settings: z.record(z.string(), z.unknown()).optional(),
  /**
   * What the run reproduces (issue 12): the preset's id and label, and the reference commit; for a
   * run whose rewards were read from a verifiers file, that file (core/results/rewardSource.ts).
   */
  reference_preset: z
    .object({
      id: z.string(),
      label: z.string(),
      reproduces: z.string(),
      reference: z
        .object({ repo: z.string(), commit: z.string(), files: z.array(z.string()) })
        .nullable(),
    })
    .optional(),
  /** Hugging Face benchmarks: the revision their rows were read at. */
  dataset_revision: z.string().optional(),
  model_endpoint: settings.model,
  judges: settings.judges,
  judge_template: settings.judgeTemplate,
  prompt_format: settings.promptFormat,
  use_think: settings.useThink,
  judge_sees: settings.judgeSees,
  normalisation: settings.normalisation,
  selection: ExampleSelectionSchema,
  rollouts_per_example: settings.rolloutsPerExample,
  concurrency: settings.concurrency,
  max_attempts: settings.maxAttempts,
  use_cache: settings.useCache,
  input_cut: RunRecordSchema.shape.dataset.shape.inputCut,
  dataset: z.object({
    id: z.string(),
    label: z.string(),
    commit: z.string().nullable(),
    rulesVersion: z.number().int(),
  }),
  /** Mean reward over scored rollouts only, with its 95% bootstrap interval (spec §5). */
  avg_reward_scored: IntervalSchema,
  counts: z.object({
    total: z.number().int(),
    done: z.number().int(),
    unscored: z.number().int(),
    failed: z.number().int(),
    pending: z.number().int(),
  }),
  jury_score: z.number().nullable(),
  judge_means: z.array(z.number().nullable()),
  notes: z.array(z.string()),
  /**
   * A run exported before all its rollouts were created (issue 14: they are created in chunks behind
   * its lanes): how many the files hold of the plan's. Absent when every rollout exists.
   */
  creation: z
    .object({ created: z.number().int().nonnegative(), planned: z.number().int().nonnegative() })
    .optional(),
});
export type MedevalMetadata = z.infer<typeof MedevalMetadataSchema>;
