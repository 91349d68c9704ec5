import { z } from '../zod';

// Records the app stores for datasets. Each carries `schemaVersion`: rows written by an older app are
// migrated on read (data/), never wiped — a user's downloads and imports are their work.

export const DATASET_SCHEMA_VERSION = 1 as const;

export const SectionSchema = z.enum(['PLAN', 'SUMMARY', 'FINDINGS']);

const ListingEntrySchema = z.object({
  name: z.string().min(1),
  size: z.number().int().nonnegative().optional(),
  sha: z.string().optional(),
});
export type ListingEntry = z.infer<typeof ListingEntrySchema>;

/** A file of the GitHub-file source as downloaded: its git blob id, size and host. */
const DownloadedGithubFileSchema = z.object({
  repo: z.string(),
  path: z.string(),
  blobSha: z.string(),
  bytes: z.number().int().nonnegative(),
  via: z.enum(['primary', 'mirror']),
  /** Whether it was checked against the env's pinned blob id (false for a commit the user chose). */
  checked: z.boolean(),
});
export type DownloadedGithubFile = z.infer<typeof DownloadedGithubFileSchema>;

const DatasetOriginSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('github'),
    repo: z.string(),
    folder: z.string(),
    commit: z.string(),
    listedFrom: z.string().optional(),
  }),
  z.object({
    kind: z.literal('huggingface'),
    /** The benchmark variant (core/envs/<env>/index.ts `source.variants[].id`). */
    variant: z.string(),
    datasets: z.array(z.string()),
    /** The revision asked for (pinned in the env or overridden in settings). */
    revision: z.string(),
    /** The commit the Hub reported while loading (`x-repo-commit`), when it did. */
    resolvedRevision: z.string().optional(),
    /** Optional extra files that could not be fetched (e.g. PubMedQA's test-subset list). */
    missingExtras: z.array(z.string()).optional(),
  }),
  z.object({
    kind: z.literal('github-files'),
    /** The benchmark variant (core/envs/<env>/index.ts `source.variants[].id`). */
    variant: z.string(),
    /** `owner/name` of each repository read. */
    repos: z.array(z.string()),
    /** The commit asked for (pinned in the env or overridden in settings). */
    revision: z.string(),
    /** Each file as downloaded (set once the load is done). */
    files: z.array(DownloadedGithubFileSchema).optional(),
  }),
  z.object({
    kind: z.literal('import'),
    format: z.enum(['txt', 'zip', 'jsonl']),
    fileNames: z.array(z.string()),
  }),
]);
export type DatasetOrigin = z.infer<typeof DatasetOriginSchema>;

const DatasetStatusSchema = z.enum([
  'listing',
  'fetching',
  'processing',
  'ready',
  'error',
  'cancelled',
]);

export const StoredErrorSchema = z.object({
  kind: z.string(),
  message: z.string(),
  nextStep: z.string().optional(),
  status: z.number().optional(),
  host: z.string().optional(),
});
export type StoredError = z.infer<typeof StoredErrorSchema>;

export const DatasetRecordSchema = z.object({
  schemaVersion: z.literal(DATASET_SCHEMA_VERSION),
  id: z.string(),
  /** The benchmark (core/envs/registry.ts); MTSamples for every record written before issue 6. */
  envId: z.string().min(1),
  label: z.string(),
  origin: DatasetOriginSchema,
  rulesVersion: z.number().int(),
  /** MTSamples' input cut; other benchmarks store 'helm' and never read it. */
  inputCut: z.enum(['helm', 'medarc']),
  status: DatasetStatusSchema,
  /** Files the source lists; kept so a resumed download never lists again. */
  listing: z.array(ListingEntrySchema).optional(),
  filesTotal: z.number().int().nonnegative(),
  filesDone: z.number().int().nonnegative(),
  /** Files served by the fallback mirror instead of the primary host. */
  filesFromMirror: z.number().int().nonnegative().default(0),
  exampleCount: z.number().int().nonnegative(),
  skippedCount: z.number().int().nonnegative(),
  sectionCounts: z.record(z.string(), z.number().int().nonnegative()),
  bytes: z.number().int().nonnegative(),
  error: StoredErrorSchema.optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type DatasetRecord = z.infer<typeof DatasetRecordSchema>;

/** @public The schema of a stored record, beside its type (STYLE); readers may validate with it. */
export const NoteRecordSchema = z.object({
  schemaVersion: z.literal(DATASET_SCHEMA_VERSION),
  datasetId: z.string(),
  name: z.string(),
  text: z.string(),
  bytes: z.number().int().nonnegative(),
  via: z.enum(['primary', 'mirror', 'local']),
});
export type NoteRecord = z.infer<typeof NoteRecordSchema>;

/** @public The schema of a stored record, beside its type (STYLE); readers may validate with it. */
export const ExampleRecordSchema = z.object({
  schemaVersion: z.literal(DATASET_SCHEMA_VERSION),
  datasetId: z.string(),
  example_id: z.number().int().nonnegative(),
  id: z.string(),
  filename: z.string(),
  extracted_section: SectionSchema.nullable(),
  question: z.string(),
  answer: z.string(),
  /** Subject / theme for benchmarks other than MTSamples (core/envs/types.ts EnvExample.group). */
  group: z.string().nullable().optional(),
  /** Env-specific fields (options, rubric items, conversation…), read with the env's payload schema. */
  payload: z.unknown().optional(),
});
export type ExampleRecord = z.infer<typeof ExampleRecordSchema>;

/** @public The schema of a stored record, beside its type (STYLE); readers may validate with it. */
export const SkipRecordSchema = z.object({
  schemaVersion: z.literal(DATASET_SCHEMA_VERSION),
  datasetId: z.string(),
  name: z.string(),
  reason: z.string(),
});
export type SkipRecord = z.infer<typeof SkipRecordSchema>;

/** The pinned GitHub dataset's id: one per repo/folder/commit, so a different commit never mixes in. */
export function githubDatasetId(repo: string, folder: string, commit: string): string {
  return `github:${repo}/${folder}@${commit}`;
}

/** The pinned GitHub dataset's label: it names the commit (short), so lines that show it need not. */
export function githubDatasetLabel(commit: string): string {
  return `MTSamples Procedures @ ${commit.slice(0, 7)}`;
}

/** A Hugging Face benchmark's dataset id: one per env, variant and revision, so another never mixes in. */
export function benchmarkDatasetId(envId: string, variantId: string, revision: string): string {
  return `hf:${envId}/${variantId}@${revision}`;
}
