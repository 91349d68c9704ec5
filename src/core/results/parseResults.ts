// Owns reading results.jsonl as every verifiers release line writes it (0.1.3–0.1.5 rows keyed `id`,
// 0.1.6–0.1.9 flat columns, 0.1.10+ one `json.dumps` object per rollout; `prime eval run -s`,
// `vf-eval -s`, `medarc-eval`) or as we write it (results-format.md). Tolerant and total: it never
// throws. A line that cannot be a row (not JSON, not an object, no usable example id, no prompt or
// completion, a prototype key) is rejected and reported with its number; a field a known release
// wrote differently (a `null` completion, no reward) is read with a note; a row whose optional field has
// the wrong type is kept without that field, with a note. Every row keeps its whole original object
// as `raw`. Pure.
import { z } from '../zod';
import { parseTolerantJson } from './tolerantJson';
import { isRecord, readFields } from './values';

const ContentSchema = z.union([z.string(), z.array(z.unknown()), z.null()]);
const ImportedMessageSchema = z.looseObject({
  role: z.string(),
  /** A string, a list of parts (`[{type: 'text', text}]`), or null (a tool-call turn). */
  content: ContentSchema.optional(),
});
export type ImportedMessage = z.infer<typeof ImportedMessageSchema>;

/**
 * A completion-style environment writes a bare string; it is read as one message. 0.1.10+ writes
 * `null` when the rollout failed before there was anything to write.
 */
const MessagesSchema = z.union([z.array(ImportedMessageSchema), z.string(), z.null()]);

const ExampleIdSchema = z.number().int().min(0);

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
      message: z.string().optional(),
      error_chain_repr: z.string().optional(),
      error_chain_str: z.string().optional(),
    }),
  ]),
  is_completed: z.boolean(),
  is_truncated: z.boolean(),
  stop_condition: z.string().nullable(),
  timing: z.record(z.string(), z.unknown()),
  token_usage: z.record(z.string(), z.unknown()).nullable(),
  task: z.string(),
  medeval: z.unknown(),
});
type OptionalRowFields = z.infer<typeof OptionalRowFieldsSchema>;

export type ImportedRow = Partial<OptionalRowFields> & {
  /** 1-based line number in the file. */
  line: number;
  example_id: number;
  /** Which key gave the example id: verifiers before 0.1.6 wrote `id`. */
  idKey: 'example_id' | 'id';
  /** The `id` the file wrote, when the example id was re-derived from the prompt (core/results/checkRows). */
  fileId?: number;
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
  const id = exampleIdOf(raw);
  if (typeof id === 'string') return id;
  const notes = [...json.notes];
  const prompt = messagesOf(raw, 'prompt', 'user', notes);
  if (typeof prompt === 'string') return prompt;
  const completion = messagesOf(raw, 'completion', 'assistant', notes);
  if (typeof completion === 'string') return completion;
  const reward = rewardOf(raw, notes);
  if (typeof reward === 'string') return reward;
  const optional = readFields(OptionalRowFieldsSchema, normaliseInfo(raw, notes), (field, reason) =>
    notes.push(`${field} ignored: ${reason}`),
  );
  return {
    ...optional,
    line,
    example_id: id.value,
    idKey: id.key,
    prompt,
    completion,
    reward: reward.value,
    raw,
    medevalImport: { notes },
  };
}

/** `example_id`, or `id` as verifiers 0.1.3–0.1.5 wrote it; a reason when neither is usable. */
function exampleIdOf(
  raw: Record<string, unknown>,
): { key: 'example_id' | 'id'; value: number } | string {
  const key = Object.hasOwn(raw, 'example_id')
    ? 'example_id'
    : Object.hasOwn(raw, 'id')
      ? 'id'
      : null;
  if (key === null) return 'missing example_id (or id, as verifiers before 0.1.6 wrote it)';
  const parsed = ExampleIdSchema.safeParse(raw[key]);
  if (!parsed.success) return `${key}: ${parsed.error.issues[0]?.message ?? 'invalid'}`;
  return { key, value: parsed.data };
}

function messagesOf(
  raw: Record<string, unknown>,
  field: 'prompt' | 'completion',
  role: string,
  notes: string[],
): ImportedMessage[] | string {
  if (!Object.hasOwn(raw, field)) return `missing ${field}`;
  const parsed = MessagesSchema.safeParse(raw[field]);
  if (!parsed.success) return `${field}: Invalid input`;
  const value = parsed.data;
  if (value === null) {
    notes.push(`${field} is null (nothing was written for it): read as no messages`);
    return [];
  }
  if (typeof value !== 'string') return value;
  notes.push(`${field} is a plain string: read as one ${role} message`);
  return [{ role, content: value }];
}

function rewardOf(
  raw: Record<string, unknown>,
  notes: string[],
): { value: number | null } | string {
  if (!Object.hasOwn(raw, 'reward')) {
    notes.push('the row has no reward: read as not scored');
    return { value: null };
  }
  const parsed = NumberOrNull.safeParse(raw['reward']);
  if (!parsed.success) return `reward: ${parsed.error.issues[0]?.message ?? 'invalid'}`;
  return { value: parsed.data };
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

function describe(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value;
}
