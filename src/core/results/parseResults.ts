// Owns reading results files written by verifiers 0.1.12–0.1.15 (`prime eval run -s`, `vf-eval -s`,
// `medarc-eval`) or by us (results-format.md). Tolerant and total: it never throws. A line that cannot
// be a row (not JSON, not an object, no usable example_id/prompt/completion/reward, a prototype key) is
// rejected and reported with its number; a row whose optional field has the wrong type is kept without
// that field, with a note. Every row keeps its whole original object as `raw`. Pure.
import { z } from '../zod';
import { parseTolerantJson } from './tolerantJson';
import { isRecord, readFields } from './values';

export { importedRowToRollout, importedRowsToRollouts } from './importRollout';
export { metadataToRunRecord } from './importRun';

const ContentSchema = z.union([z.string(), z.array(z.unknown()), z.null()]);
export const ImportedMessageSchema = z.looseObject({
  role: z.string(),
  /** A string, a list of parts (`[{type: 'text', text}]`), or null (a tool-call turn). */
  content: ContentSchema.optional(),
});
export type ImportedMessage = z.infer<typeof ImportedMessageSchema>;

/** A completion-style environment writes a bare string; it is read as one message. */
const MessagesSchema = z.union([z.array(ImportedMessageSchema), z.string()]);

const RequiredRowSchema = z.object({
  example_id: z.number().int().min(0),
  prompt: MessagesSchema,
  completion: MessagesSchema,
  reward: z.number().nullable(),
});

const NumberOrNull = z.number().nullable();

const OptionalRowFieldsSchema = z.object({
  answer: z.string(),
  info: z.record(z.string(), z.unknown()),
  metrics: z.record(z.string(), NumberOrNull),
  error: z.union([
    z.null(),
    z.string(),
    z.looseObject({
      error: z.string().optional(),
      error_chain_repr: z.string().optional(),
      error_chain_str: z.string().optional(),
    }),
  ]),
  is_completed: z.boolean(),
  is_truncated: z.boolean(),
  stop_condition: z.string().nullable(),
  timing: z.record(z.string(), z.unknown()),
  token_usage: z
    .looseObject({ input_tokens: NumberOrNull, output_tokens: NumberOrNull })
    .nullable(),
  task: z.string(),
  medeval: z.unknown(),
});
type OptionalRowFields = z.infer<typeof OptionalRowFieldsSchema>;

export type ImportedRow = Partial<OptionalRowFields> & {
  /** 1-based line number in the file. */
  line: number;
  example_id: number;
  prompt: ImportedMessage[];
  completion: ImportedMessage[];
  reward: number | null;
  /** The line's whole object (non-finite numbers as null), fields we do not read included. */
  raw: Record<string, unknown>;
  /** What reading this line changed or left out. */
  medevalImport: { notes: string[] };
};

export interface LineProblem {
  line: number;
  message: string;
}

export function parseResultsJsonl(text: string): { rows: ImportedRow[]; problems: LineProblem[] } {
  const rows: ImportedRow[] = [];
  const problems: LineProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((lineText, index) => {
    if (lineText.trim() === '') return;
    const result = parseRow(lineText, index + 1);
    if (typeof result === 'string') problems.push({ line: index + 1, message: result });
    else rows.push(result);
  });
  return { rows, problems };
}

/** The row, or why the line is rejected. */
function parseRow(lineText: string, line: number): ImportedRow | string {
  const json = parseTolerantJson(lineText);
  if (!json.ok) return json.reason;
  if (!isRecord(json.value)) return `not a JSON object (${describe(json.value)})`;
  const raw = json.value;
  const required = RequiredRowSchema.safeParse(raw);
  if (!required.success) return describeIssues(required.error, raw);
  const notes = [...json.notes];
  const prompt = asMessages(required.data.prompt, 'user', 'prompt', notes);
  const completion = asMessages(required.data.completion, 'assistant', 'completion', notes);
  const optional = readFields(OptionalRowFieldsSchema, normaliseInfo(raw, notes), (field, reason) =>
    notes.push(`${field} ignored: ${reason}`),
  );
  return {
    ...optional,
    line,
    example_id: required.data.example_id,
    prompt,
    completion,
    reward: required.data.reward,
    raw,
    medevalImport: { notes },
  };
}

function asMessages(
  value: string | ImportedMessage[],
  role: string,
  field: string,
  notes: string[],
): ImportedMessage[] {
  if (typeof value !== 'string') return value;
  notes.push(`${field} is a plain string: read as one ${role} message`);
  return [{ role, content: value }];
}

/** Some writers store `info` as a JSON string; read it as the object it holds. */
function normaliseInfo(raw: Record<string, unknown>, notes: string[]): Record<string, unknown> {
  const info = raw['info'];
  if (typeof info !== 'string') return raw;
  const parsed = parseTolerantJson(info);
  if (!parsed.ok || !isRecord(parsed.value)) return raw;
  notes.push('info is a JSON string: read as the object it holds');
  return { ...raw, info: parsed.value };
}

function describeIssues(error: z.ZodError, raw: Record<string, unknown>): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const field = String(issue.path[0] ?? '');
      if (issue.path.length === 1 && !Object.hasOwn(raw, field)) return `missing ${field}`;
      return `${issue.path.join('.')}: ${issue.message}`;
    })
    .join('; ');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value;
}

export { parseMetadata, type ImportedMetadata, type MetadataProblem } from './parseMetadata';
