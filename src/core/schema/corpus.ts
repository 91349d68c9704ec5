import { z } from '../zod';
import { templateProblems } from './templateSyntax';
import { StoredErrorSchema } from './dataset';

// A training corpus (HealthBench data guide, spec more-environments §4) loaded into IndexedDB for
// browsing, searching and sampling, and its rows as stored.

export const CORPUS_SCHEMA_VERSION = 1 as const;

export const CorpusRecordSchema = z.object({
  schemaVersion: z.literal(CORPUS_SCHEMA_VERSION),
  /** `${dataset}/${config}/${split}@${revision}` */
  id: z.string(),
  dataset: z.string(),
  config: z.string(),
  split: z.string(),
  revision: z.string(),
  status: z.enum(['loading', 'ready', 'error', 'cancelled']),
  columns: z.array(z.string()),
  rowsTotal: z.number().int().nonnegative(),
  rowsDone: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  error: StoredErrorSchema.optional(),
  /**
   * Where an interrupted Parquet load picks up: the files already read whole, and the row index at
   * which the next file starts (its rows below `rowsDone` are already stored and are skipped).
   */
  resume: z
    .object({
      filesDone: z.number().int().nonnegative(),
      rowsAtFileStart: z.number().int().nonnegative(),
    })
    .optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type CorpusRecord = z.infer<typeof CorpusRecordSchema>;

/**
 * Stored rows: a run of consecutive rows per record, so IndexedDB writes one record per chunk rather
 * than per row (about 11× faster: docs/benchmarks.md). Row `chunk * CORPUS_CHUNK_ROWS + i` is
 * `rows[i]` (data/corpusStore.ts); every chunk but a corpus's last is full.
 */
export interface CorpusChunkRecord {
  corpusId: string;
  chunk: number;
  rows: Record<string, unknown>[];
}

/** One row of a stored corpus with its index in the split. */
export interface StoredCorpusRow {
  rowIdx: number;
  row: Record<string, unknown>;
}

/** A dataset split on the Hub. Ids go into URLs, so they are validated like any other input. */
export const CorpusTargetSchema = z.object({
  dataset: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'must look like owner/name'),
  config: z.string().min(1),
  split: z.string().min(1),
});
export type CorpusTarget = z.infer<typeof CorpusTargetSchema>;

const TemplateSchema = z.string().superRefine((template, ctx) => {
  for (const problem of templateProblems(template))
    ctx.addIssue({ code: 'custom', message: problem });
});
const RequiredTemplateSchema = TemplateSchema.refine((t) => t.trim() !== '', 'must not be empty');

/**
 * How a corpus row becomes chat messages (core/corpora/toChatMessages.ts): either templates over
 * column names, or one conversation column split at turn markers (`[|Human|]` / `[|AI|]`).
 */
export const ChatMappingSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('template'),
    /** Empty means no system message. */
    system: TemplateSchema,
    user: RequiredTemplateSchema,
    assistant: RequiredTemplateSchema,
  }),
  z.object({
    mode: z.literal('markers'),
    column: z.string().trim().min(1, 'name the conversation column'),
    userMarker: z.string().min(1),
    assistantMarker: z.string().min(1),
    /** Text before the first marker: dropped, or kept as the system message. */
    preamble: z.enum(['drop', 'system']),
  }),
]);
export type ChatMapping = z.infer<typeof ChatMappingSchema>;

const ColumnFilterSchema = z.object({
  column: z.string().min(1),
  op: z.enum(['contains', 'equals']),
  value: z.string(),
});
export type ColumnFilter = z.infer<typeof ColumnFilterSchema>;

/** A search over a corpus: text in chosen columns (none = all), AND-ed with column filters. */
export const RowQuerySchema = z.object({
  text: z.string().max(1_000),
  columns: z.array(z.string()),
  filters: z.array(ColumnFilterSchema).max(10),
});
export type RowQuery = z.infer<typeof RowQuerySchema>;
