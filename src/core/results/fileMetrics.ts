// Owns what an imported results file of the verifiers tooling says about itself, whatever release wrote
// it: which environment, which reward functions (its metric columns, in `metrics` or at the top level),
// which state columns, and which release line its shape belongs to. A file of an environment this app
// does not run becomes a `file-metrics` run: shown by its own reward functions and timing, with nothing
// of MTSamples (no judges, no reference plan). Pure.
//
// The release lines, as their save code writes them (fixtures in test/fixtures/verifiers/):
// - 0.1.3–0.1.5 (`vf-eval -s`): rows keyed `id`, metric columns at the top level; metadata `env`,
//   `date`, `time` (a clock time) or `time_ms`, `avg_reward` and `avg_<metric>`. 0.1.5 adds
//   `generation_ms`, `scoring_ms`, `total_ms` columns.
// - 0.1.6–0.1.9 (and medarc-eval, which pinned them): `example_id`, the same flat columns, state
//   columns at the top level, 0.1.9 a repr string in `error`; metadata `env_id`, `avg_metrics`.
// - 0.1.10 and later: one object per rollout with `metrics` (also copied to the top level), `timing`
//   (milliseconds to 0.1.13, spans in seconds from 0.1.14), `token_usage`, `error` objects.
import { z } from '../zod';
import type { ImportedMetadata } from './parseMetadata';
import type { ImportedRow } from './parseResults';
import { finiteOrNull, isRecord } from './values';

/** The env id of a run imported from another environment's file (no registered env has it). */
export const FILE_METRICS_ENV_ID = 'file-metrics';

/** What a `file-metrics` run keeps in `settings.envSettings`. */
const FileMetricsSettingsSchema = z.object({
  /** The environment the file names (`env_id`, or `env` before 0.1.6); null when it names none. */
  env_id: z.string().nullable(),
  /** Its reward functions, in the file's order. */
  metrics: z.array(z.string()),
  /** The release line the file's shape belongs to (or the version it states). */
  written_by: z.string(),
});
export type FileMetricsSettings = z.infer<typeof FileMetricsSettingsSchema>;

export function isFileMetricsRun(settings: { envId?: string | undefined }): boolean {
  return settings.envId === FILE_METRICS_ENV_ID;
}

/** The run's file settings, or a neutral value when they cannot be read (never throws). */
export function fileMetricsSettingsOf(settings: {
  envSettings?: Record<string, unknown> | undefined;
}): FileMetricsSettings {
  const parsed = FileMetricsSettingsSchema.safeParse(settings.envSettings);
  return parsed.success ? parsed.data : { env_id: null, metrics: [], written_by: 'unknown' };
}

const MTSAMPLES_ENV_IDS: ReadonlySet<string> = new Set([
  'mtsamples_procedures',
  'mtsamples-procedures',
]);

/** Row keys every release writes for its own purposes: never a metric column. */
const ROW_KEYS: ReadonlySet<string> = new Set([
  'example_id',
  'id',
  'prompt',
  'completion',
  'answer',
  'task',
  'info',
  'reward',
  'metrics',
  'error',
  'error_chain',
  'long_error_chain',
  'timing',
  'generation_ms',
  'scoring_ms',
  'total_ms',
  'is_completed',
  'is_truncated',
  'stop_condition',
  'token_usage',
  'oai_tools',
  'tool_defs',
  'trajectory',
  'medeval',
]);

/** Metadata keys named `avg_…` that are not a metric's mean. */
const NOT_METRIC_MEANS: ReadonlySet<string> = new Set(['avg_reward', 'avg_metrics', 'avg_error']);

export interface FileShape {
  /** `jury`: MTSamples with its judges; `metrics`: any other environment. */
  kind: 'jury' | 'metrics';
  envId: string | null;
  metricNames: string[];
  stateColumns: string[];
  writtenBy: string;
}

export function describeFile(
  meta: ImportedMetadata | null,
  rows: readonly ImportedRow[],
): FileShape {
  const envId = meta?.env_id ?? stringField(meta?.raw, 'env');
  const stateColumns = meta?.state_columns ?? [];
  const metricNames = metricNamesOf(meta, rows, stateColumns);
  const isMtsamples =
    (envId !== null && MTSAMPLES_ENV_IDS.has(envId)) ||
    metricNames.includes('reward_mtsamples') ||
    rows.some((row) => row.info?.['judge_feedback'] !== undefined);
  return {
    kind: isMtsamples ? 'jury' : 'metrics',
    envId,
    metricNames,
    stateColumns,
    writtenBy: writtenBy(meta, rows),
  };
}

/**
 * The reward functions: the keys of the rows' `metrics` objects (0.1.10+), of `avg_metrics` (0.1.6+)
 * or the `avg_<name>` means (before 0.1.6); with none of those (no metadata.json before 0.1.10), the
 * numeric top-level columns that no release writes for itself and that are not state columns.
 */
function metricNamesOf(
  meta: ImportedMetadata | null,
  rows: readonly ImportedRow[],
  stateColumns: readonly string[],
): string[] {
  const names = new Set<string>();
  for (const row of rows) for (const name of Object.keys(row.metrics ?? {})) names.add(name);
  for (const name of Object.keys(meta?.avg_metrics ?? {})) names.add(name);
  for (const key of Object.keys(meta?.raw ?? {})) {
    if (key.startsWith('avg_') && !NOT_METRIC_MEANS.has(key)) names.add(key.slice('avg_'.length));
  }
  if (names.size > 0) return [...names];
  const states = new Set(stateColumns);
  for (const row of rows) {
    for (const [key, value] of Object.entries(row.raw)) {
      if (ROW_KEYS.has(key) || states.has(key)) continue;
      if (typeof value === 'number') names.add(key);
    }
  }
  return [...names];
}

/** A row's value of each metric: its `metrics` object first, else the top-level column. */
export function metricValues(
  row: ImportedRow,
  names: readonly string[],
): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const name of names) {
    const inMetrics = row.metrics?.[name];
    out[name] = inMetrics !== undefined ? finiteOrNull(inMetrics) : finiteOrNull(row.raw[name]);
  }
  return out;
}

function writtenBy(meta: ImportedMetadata | null, rows: readonly ImportedRow[]): string {
  const version = meta?.version_info?.vf_version;
  if (typeof version === 'string' && version !== '') return `verifiers ${version}`;
  const first = rows[0];
  if (first === undefined) return 'unknown';
  if (first.idKey === 'id') return 'verifiers 0.1.3–0.1.5 (rows keyed id)';
  if (Object.hasOwn(first.raw, 'generation_ms')) return 'verifiers 0.1.5–0.1.9 (flat columns)';
  const timing = first.timing;
  if (isRecord(timing) && isRecord(timing['generation'])) return 'verifiers 0.1.14 or later';
  if (isRecord(timing)) return 'verifiers 0.1.10–0.1.13';
  return 'the verifiers tooling';
}

function stringField(raw: Record<string, unknown> | undefined, key: string): string | null {
  const value = raw?.[key];
  return typeof value === 'string' ? value : null;
}
