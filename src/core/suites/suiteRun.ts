// Records of suites the user imported and of suite runs: one model on one suite, as the ordinary runs
// it created (one per runnable entry) and why each other entry has no run. The runs themselves are
// normal runs (core/schema/run), so results, exports and compare work on them unchanged. Pure.
import { z } from '../zod';
import { EndpointConfigSchema } from '../schema/endpoint';
import { SuiteSchema } from './suite';

export const SUITE_RECORD_VERSION = 1 as const;

/** A suite imported from a TOML file (built-in suites are not stored). */
export const StoredSuiteSchema = SuiteSchema.extend({
  schemaVersion: z.literal(SUITE_RECORD_VERSION),
  /** The file it came from (the text itself is not kept: the entries are). */
  fileName: z.string().max(300),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type StoredSuite = z.infer<typeof StoredSuiteSchema>;

export const SuiteRunOptionsSchema = z.object({
  /** Subset mode: at most this many examples per entry (null: as many as each entry asks). */
  examplesPerEntry: z.number().int().min(1).nullable(),
  concurrency: z.number().int().min(1).max(128),
  maxAttempts: z.number().int().min(1).max(10),
  useCache: z.boolean(),
});
export type SuiteRunOptions = z.infer<typeof SuiteRunOptionsSchema>;

const SuiteRunEntrySchema = z.object({
  key: z.string(),
  /** The run made for this entry; absent when the entry could not run (see `reason`). */
  runId: z.string().optional(),
  reason: z.string().optional(),
});
export type SuiteRunEntry = z.infer<typeof SuiteRunEntrySchema>;

/** @public The schema of a stored record, beside its type (STYLE); readers may validate with it. */
export const SuiteRunRecordSchema = z.object({
  schemaVersion: z.literal(SUITE_RECORD_VERSION),
  id: z.string(),
  name: z.string(),
  /** The suite as it was when the run started (a later edit or import changes nothing here). */
  suite: SuiteSchema,
  model: EndpointConfigSchema,
  options: SuiteRunOptionsSchema,
  entries: z.array(SuiteRunEntrySchema),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type SuiteRunRecord = z.infer<typeof SuiteRunRecordSchema>;
