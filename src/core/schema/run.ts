import { z } from '../zod';
import { ChatMessageSchema } from './chat';
import { StoredErrorSchema } from './dataset';
import { EndpointConfigSchema } from './endpoint';
import { EnvScoreSchema, RubricGradeSchema } from './envScore';
import {
  JudgeVisibilitySchema,
  NormalisationSchema,
  ParsedJudgeReplySchema,
  PromptFormatSchema,
  RolloutScoreSchema,
} from './mtsamples';

// An evaluation run and its rollouts, as stored. Keys are never part of these records (they travel
// beside them, in memory). Every step of a rollout is one transaction, so these records are the
// journal a resumed run continues from: nothing stored is ever requested (or paid for) again.

export const RUN_SCHEMA_VERSION = 1 as const;

export const ExampleSelectionSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('first'), n: z.number().int().min(1) }),
  z.object({ mode: z.literal('all') }),
  z.object({ mode: z.literal('shuffle'), n: z.number().int().min(1), seed: z.number().int() }),
]);
export type ExampleSelection = z.infer<typeof ExampleSelectionSchema>;

export const RunSettingsSchema = z.object({
  /** The benchmark (core/envs/registry.ts); absent on runs stored before issue 6 = MTSamples. */
  envId: z.string().min(1).optional(),
  /** The benchmark's own settings, validated by its `settings.schema` when the run is created. */
  envSettings: z.record(z.string(), z.unknown()).optional(),
  datasetId: z.string().min(1),
  selection: ExampleSelectionSchema,
  rolloutsPerExample: z.number().int().min(1).max(32),
  /** Rollouts in flight at once. */
  concurrency: z.number().int().min(1).max(128),
  /** Attempts per request, including the first (spec §6 default: 4 retries → 5 attempts). */
  maxAttempts: z.number().int().min(1).max(10),
  promptFormat: PromptFormatSchema,
  useThink: z.boolean(),
  judgeSees: JudgeVisibilitySchema,
  normalisation: NormalisationSchema,
  judgeTemplate: z.string().min(1),
  useCache: z.boolean(),
  model: EndpointConfigSchema,
  /** MTSamples: the jury (at least one). HealthBench: the grader (exactly one). Choice sets: none. */
  judges: z.array(EndpointConfigSchema).max(8),
});
export type RunSettings = z.infer<typeof RunSettingsSchema>;

const RunStatusSchema = z.enum([
  'running',
  'paused',
  'done',
  'cancelled',
  /** Stopped early by a failure that retrying cannot fix (bad key, unknown model, bad request). */
  'stopped',
]);
export type RunStatus = z.infer<typeof RunStatusSchema>;

export const RunRecordSchema = z.object({
  schemaVersion: z.literal(RUN_SCHEMA_VERSION),
  id: z.string(),
  name: z.string(),
  kind: z.enum(['generate', 'rescore']),
  /** For a re-score: the run whose generations it reuses. */
  parentRunId: z.string().optional(),
  status: RunStatusSchema,
  settings: RunSettingsSchema,
  dataset: z.object({
    id: z.string(),
    label: z.string(),
    commit: z.string().optional(),
    rulesVersion: z.number().int(),
    inputCut: z.enum(['helm', 'medarc']),
    /** Hugging Face datasets: the revision loaded (resolved commit when the Hub reported it). */
    revision: z.string().optional(),
  }),
  appVersion: z.string(),
  stopError: StoredErrorSchema.optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
  startedAt: z.number().optional(),
  finishedAt: z.number().optional(),
  /** `imported`: built from a results.jsonl/metadata.json (ours or the verifiers tooling's). Absent = native. */
  origin: z.enum(['native', 'imported']).optional(),
  /** For an imported run: the metadata.json as read, and what had to be assumed (core/results). */
  importedMetadata: z.unknown().optional(),
  /** For an imported run: SHA-256 of the files it was read from, so importing them again can say so. */
  importFingerprint: z.string().optional(),
  /** Soft delete, so "Undo" can bring a run back; purged later (worker/run/runAdmin.ts). */
  deletedAt: z.number().optional(),
  /**
   * While the run's rollouts are still being created (issue 14: a run stores its first rollouts and
   * starts, and the rest are created in chunks behind its lanes): the example ids of the whole run in
   * run order, and how many rollouts (`rolloutsPerExample` per example, example by example) are
   * stored. Rollouts and this count are written in one transaction; absent once every one exists.
   */
  creation: z
    .object({
      exampleIds: z.array(z.number().int().nonnegative()),
      created: z.number().int().nonnegative(),
    })
    .optional(),
});
export type RunRecord = z.infer<typeof RunRecordSchema>;

/** Rollouts of the run that are not stored yet (0 once its creation is complete). */
export function rolloutsNotCreated(run: Pick<RunRecord, 'creation' | 'settings'>): number {
  const { creation } = run;
  if (creation === undefined) return 0;
  return creation.exampleIds.length * run.settings.rolloutsPerExample - creation.created;
}

const UsageSchema = z.object({ inputTokens: z.number(), outputTokens: z.number() });

const CallErrorSchema = StoredErrorSchema.extend({ attempts: z.number().int().optional() });
export type CallError = z.infer<typeof CallErrorSchema>;

/** One model or judge request as it happened (or was served from the cache). */
const CallFacts = {
  usage: UsageSchema.nullable(),
  costUsd: z.number().nullable(),
  latencyMs: z.number(),
  attempts: z.number().int(),
  cached: z.boolean(),
  finishedAt: z.number(),
};

export const GenerationSchema = z.object({
  content: z.string(),
  reasoning: z.string().nullable(),
  finishReason: z.string().nullable(),
  requestBody: z.record(z.string(), z.unknown()),
  ...CallFacts,
});
export type Generation = z.infer<typeof GenerationSchema>;

export const JudgeCallSchema = z.object({
  judgeIndex: z.number().int(),
  model: z.string(),
  /** Absent when the call failed; kept verbatim otherwise. */
  raw: z.string().nullable(),
  parsed: ParsedJudgeReplySchema.nullable(),
  score: z.number().nullable(),
  error: CallErrorSchema.optional(),
  ...CallFacts,
});
export type JudgeCall = z.infer<typeof JudgeCallSchema>;

export const RolloutStatusSchema = z.enum([
  'pending',
  'generating',
  'judging',
  'done',
  'error',
  'unscored',
]);
export type RolloutStatus = z.infer<typeof RolloutStatusSchema>;

export const RolloutRecordSchema = z.object({
  schemaVersion: z.literal(RUN_SCHEMA_VERSION),
  runId: z.string(),
  /** `${example_id}:${rollout_index}`: the rollout's identity inside its run. */
  key: z.string(),
  example_id: z.number().int().nonnegative(),
  rollout_index: z.number().int().nonnegative(),
  exampleKey: z.string(),
  section: z.string().nullable(),
  status: RolloutStatusSchema,
  prompt: z.array(ChatMessageSchema),
  generation: GenerationSchema.optional(),
  /** One slot per judge (index = judge index); null until that judge has answered or failed. */
  judges: z.array(JudgeCallSchema.nullable()),
  score: RolloutScoreSchema.optional(),
  /** Why a rollout has no reward: every judge failed or none gave a readable score. */
  unscoredReason: z.string().optional(),
  /** Set when the response was empty: judges were not called, every criterion is 1 (spec §4). */
  emptyResponse: z.boolean().optional(),
  error: CallErrorSchema.extend({ stage: z.enum(['generation', 'judge', 'grade']) }).optional(),
  /** Choice and rubric benchmarks: how the response was scored (core/envs/types.ts). */
  envScore: EnvScoreSchema.optional(),
  /** Rubric benchmarks: one slot per rubric item, null until its grader call has answered or failed. */
  grades: z.array(RubricGradeSchema.nullable()).optional(),
  /** For an imported rollout: the results.jsonl row as read, with what could not be read (core/results). */
  imported: z.unknown().optional(),
  /** A reviewer's free-text note. */
  notes: z.string().optional(),
  /** A reviewer's own 1–5 ratings on the judges' criteria. */
  ratings: z
    .object({
      accuracy: z.number().int().min(1).max(5).nullable(),
      completeness: z.number().int().min(1).max(5).nullable(),
      clarity: z.number().int().min(1).max(5).nullable(),
    })
    .partial()
    .optional(),
  updatedAt: z.number(),
});
export type RolloutRecord = z.infer<typeof RolloutRecordSchema>;

export const AnnotationSchema = RolloutRecordSchema.pick({ notes: true, ratings: true });
export type Annotation = z.infer<typeof AnnotationSchema>;

/** @public The schema of a stored record, beside its type (STYLE); readers may validate with it. */
export const CachedResponseSchema = z.object({
  key: z.string(),
  content: z.string(),
  reasoning: z.string().nullable(),
  finishReason: z.string().nullable(),
  usage: UsageSchema.nullable(),
  costUsd: z.number().nullable(),
  latencyMs: z.number(),
  createdAt: z.number(),
});
export type CachedResponse = z.infer<typeof CachedResponseSchema>;

export function rolloutKey(exampleId: number, rolloutIndex: number): string {
  return `${exampleId}:${rolloutIndex}`;
}
