// Owns reading a metadata.json written by any verifiers release line (0.1.3–0.1.5's `env`, `date`,
// clock `time` and `avg_<metric>`; 0.1.6+'s `env_id`, `time_ms`, `avg_metrics`; 0.1.14+'s `time` in
// seconds; 0.1.15+'s `name` and `cost`) or by us (results-format.md). Loose and total: every known
// field is checked on its own, a wrong one is left out and reported, unknown fields stay in `raw`; a
// prototype key is dropped and reported, the rest kept (issue 10 #7). Only text that is not a JSON
// object gives no metadata at all. Never throws. Pure.
import { z } from '../zod';
import { parseTolerantJson } from './tolerantJson';
import { isRecord, readFields } from './values';

const NumberOrNull = z.number().nullable();
const NumberTable = z.record(z.string(), NumberOrNull);

const MetadataFieldsSchema = z.object({
  env_id: z.string(),
  /** Before 0.1.6: the environment's name. */
  env: z.string(),
  /** Before 0.1.6 only (later releases drop it before saving). */
  date: z.string(),
  /** 0.1.15. */
  name: z.string(),
  env_args: z.record(z.string(), z.unknown()),
  model: z.string(),
  base_url: z.string(),
  num_examples: z.number().int(),
  rollouts_per_example: z.number().int(),
  sampling_args: z.record(z.string(), z.unknown()),
  /** 0.1.12: milliseconds. */
  time_ms: NumberOrNull,
  /** 0.1.14+: seconds of running time; 0.1.3–0.1.4: the clock time the file was saved ("16:18:39"). */
  time: z.union([z.number(), z.string()]).nullable(),
  avg_reward: NumberOrNull,
  avg_metrics: NumberTable,
  avg_error: NumberOrNull,
  pass_at_k: NumberTable,
  pass_all_k: NumberTable,
  pass_threshold: NumberOrNull,
  usage: z.looseObject({ input_tokens: NumberOrNull, output_tokens: NumberOrNull }).nullable(),
  version_info: z
    .looseObject({
      vf_version: z.string().nullable().optional(),
      vf_commit: z.string().nullable().optional(),
      env_version: z.string().nullable().optional(),
      env_commit: z.string().nullable().optional(),
    })
    .nullable(),
  state_columns: z.array(z.string()),
  tools: z.array(z.unknown()).nullable(),
  /** 0.1.15; its shape is not documented, so it is kept as written. */
  cost: z.unknown(),
  medeval: z.unknown(),
});

export type ImportedMetadata = Partial<z.infer<typeof MetadataFieldsSchema>> & {
  /** The whole object as read (non-finite numbers as null). */
  raw: Record<string, unknown>;
  /** What reading it changed (a `NaN` read as null). */
  notes: string[];
};

export interface MetadataProblem {
  /** The field left out, or null when the whole file could not be read. */
  field: string | null;
  message: string;
}

export function parseMetadata(text: string): {
  metadata: ImportedMetadata | null;
  problems: MetadataProblem[];
} {
  const json = parseTolerantJson(text.replace(/^\uFEFF/, ''), { dropForbiddenKeys: true });
  if (!json.ok) return { metadata: null, problems: [{ field: null, message: json.reason }] };
  if (!isRecord(json.value)) {
    return { metadata: null, problems: [{ field: null, message: 'not a JSON object' }] };
  }
  const problems: MetadataProblem[] = json.dropped.map((path) => ({
    field: path,
    message: `${path} dropped: the key "${path.split('.').pop() ?? path}" is not accepted (it could alter how the app's objects behave)`,
  }));
  const fields = readFields(MetadataFieldsSchema, json.value, (field, reason) =>
    problems.push({ field, message: `${field} ignored: ${reason}` }),
  );
  return { metadata: { ...fields, raw: json.value, notes: json.notes }, problems };
}
