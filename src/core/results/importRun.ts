// Owns the run record of an imported results folder. Our own metadata.json rebuilds the settings
// exactly; the verifiers tooling's gives model, base URL, sampling and (MTSamples) the judges' env
// args, and the rest is assumed — each assumption is written into `importedMetadata.assumptions` for
// the UI to show. A file of another environment becomes a `file-metrics` run: no judges, its reward
// functions and the release that wrote it in the settings (core/results/fileMetrics.ts). Pure.
import { describeFile, FILE_METRICS_ENV_ID, type FileShape } from './fileMetrics';
import { MedevalMetadataSchema, type MedevalMetadata } from './medevalBlock';
import { foreignSettings } from './importSettings';
import type { ImportedMetadata } from './parseMetadata';
import type { ImportedRow } from './parseResults';
import { RUN_SCHEMA_VERSION, type RunRecord, type RunSettings } from '../schema/run';

export interface ImportRunOptions {
  /** The new run's id. */
  id: string;
  now: number;
  /** This app's version (the run's `appVersion` for a verifiers import). */
  appVersion: string;
  /** The local dataset the run is attached to; default: the exported one's id, or `imported`. */
  datasetId?: string;
  datasetLabel?: string;
}

/** What `RunRecord.importedMetadata` holds. */
interface ImportedRunMetadata {
  source: 'verifiers' | 'medeval';
  /** metadata.json as read; null when the folder had none. */
  raw: Record<string, unknown> | null;
  notes: string[];
  /** Settings the files did not state, and what was assumed instead. */
  assumptions: string[];
  /**
   * A verifiers file: the release that wrote it (core/results/fileMetrics.ts), whose rewards the run
   * shows (core/results/rewardSource.ts). Absent on our own files and on runs imported before it.
   */
  writtenBy?: string;
}

export function metadataToRunRecord(
  meta: ImportedMetadata | null,
  rows: readonly ImportedRow[],
  opts: ImportRunOptions,
  shape: FileShape = describeFile(meta, rows),
): RunRecord {
  const ours = MedevalMetadataSchema.safeParse(meta?.medeval);
  if (ours.success) return nativeRun(ours.data, meta, opts);
  return foreignRun(
    meta,
    rows,
    opts,
    shape,
    meta?.medeval === undefined ? [] : [ourBlockUnreadable],
  );
}

const ourBlockUnreadable =
  'metadata.json has a medeval object this version cannot read: it was read as the verifiers tooling’s';

function settingsOf(m: MedevalMetadata, datasetId: string): RunSettings {
  return {
    ...(m.env_id === undefined ? {} : { envId: m.env_id }),
    ...(m.env_settings === undefined ? {} : { envSettings: m.env_settings }),
    datasetId,
    selection: m.selection,
    rolloutsPerExample: m.rollouts_per_example,
    concurrency: m.concurrency,
    maxAttempts: m.max_attempts,
    promptFormat: m.prompt_format,
    useThink: m.use_think,
    judgeSees: m.judge_sees,
    normalisation: m.normalisation,
    judgeTemplate: m.judge_template,
    useCache: m.use_cache,
    model: m.model_endpoint,
    judges: m.judges,
  };
}

function nativeRun(
  m: MedevalMetadata,
  meta: ImportedMetadata | null,
  opts: ImportRunOptions,
): RunRecord {
  const datasetId = opts.datasetId ?? m.dataset.id;
  const { run } = m;
  const provenance: ImportedRunMetadata = {
    source: 'medeval',
    raw: null,
    notes: meta?.notes ?? [],
    assumptions: [],
  };
  return {
    schemaVersion: RUN_SCHEMA_VERSION,
    id: opts.id,
    name: run.name,
    kind: run.kind,
    ...(run.parent_run_id === undefined ? {} : { parentRunId: run.parent_run_id }),
    status: run.status,
    settings: settingsOf(m, datasetId),
    dataset: {
      id: datasetId,
      label: opts.datasetLabel ?? m.dataset.label,
      ...(m.dataset.commit === null ? {} : { commit: m.dataset.commit }),
      rulesVersion: m.dataset.rulesVersion,
      inputCut: m.input_cut,
      ...(m.dataset_revision === undefined ? {} : { revision: m.dataset_revision }),
    },
    appVersion: m.app_version,
    ...(run.stop_error === undefined ? {} : { stopError: run.stop_error }),
    createdAt: run.created_at_ms,
    updatedAt: run.updated_at_ms,
    ...(run.started_at_ms === undefined ? {} : { startedAt: run.started_at_ms }),
    ...(run.finished_at_ms === undefined ? {} : { finishedAt: run.finished_at_ms }),
    origin: 'imported',
    // A run first imported from verifiers files keeps that provenance through our own export.
    importedMetadata: run.imported_metadata ?? provenance,
  };
}

function foreignRun(
  meta: ImportedMetadata | null,
  rows: readonly ImportedRow[],
  opts: ImportRunOptions,
  shape: FileShape,
  assumptions: string[],
): RunRecord {
  if (meta === null) assumptions.push('there was no metadata.json: settings come from the rows');
  if (rows.some((row) => row.fileId !== undefined)) {
    assumptions.push(
      'the rows are keyed `id` (verifiers 0.1.3–0.1.5), which numbered rollouts as if each example’s were next to each other while writing them rollout by rollout: each distinct prompt is an example, numbered in order of first appearance (the file’s `id` stays in each row)',
    );
  } else if (rows.some((row) => row.idKey === 'id')) {
    assumptions.push('the rows are keyed `id` (verifiers before 0.1.6): read as the example id');
  }
  const datasetId = opts.datasetId ?? 'imported';
  const isMetrics = shape.kind === 'metrics';
  const settings = {
    ...foreignSettings(meta, rows, datasetId, assumptions, shape.kind),
    ...(isMetrics
      ? {
          envId: FILE_METRICS_ENV_ID,
          envSettings: {
            env_id: shape.envId,
            metrics: shape.metricNames,
            written_by: shape.writtenBy,
          },
        }
      : {}),
  };
  const envName = shape.envId ?? (isMetrics ? 'unknown environment' : 'mtsamples_procedures');
  const provenance: ImportedRunMetadata = {
    source: 'verifiers',
    raw: meta?.raw ?? null,
    notes: meta?.notes ?? [],
    assumptions,
    writtenBy: shape.writtenBy,
  };
  return {
    schemaVersion: RUN_SCHEMA_VERSION,
    id: opts.id,
    name: meta?.name ?? `${envName} · ${settings.model.model} (imported)`,
    kind: 'generate',
    status: 'done',
    settings,
    dataset: {
      id: datasetId,
      label:
        opts.datasetLabel ??
        (isMetrics ? `${envName} (from the results file)` : 'Imported results'),
      // The environment cuts notes MedARC's way; its rules version is not in the files.
      rulesVersion: 0,
      inputCut: 'medarc',
    },
    appVersion: opts.appVersion,
    createdAt: opts.now,
    updatedAt: opts.now,
    origin: 'imported',
    importedMetadata: provenance,
  };
}
