// Owns the run facts whose words depend on how the benchmark is scored: who scored the run, and which
// dataset revision it read. MTSamples (jury) runs keep their original texts: rules version and input
// cut belong to its own ingestion; Hugging Face benchmarks are pinned by repository revision instead.
import { findEnv } from '../../../../core/envs/registry';
import { summaryKindOf } from '../../../../core/results/envSummary';
import { fileMetricsSettingsOf } from '../../../../core/results/fileMetrics';
import type { RunRecord } from '../../../../core/schema/run';

type Scored = Parameters<typeof summaryKindOf>[1];

/** Who scored the run: the jury's models, the rubric grader, or nobody (an exact answer, in code). */
export function scorersText(run: RunRecord, rows?: Scored): string {
  const judges = run.settings.judges.map((judge) => judge.model);
  switch (summaryKindOf(run.settings, rows)) {
    case 'jury':
      return judges.join(', ');
    case 'accuracy':
      return 'none (scored in code)';
    case 'rubric':
      return `Grader: ${judges[0] ?? 'none'}`;
    case 'metrics': {
      const names = fileMetricsSettingsOf(run.settings).metrics;
      return `none (the file's own reward functions${names.length === 0 ? '' : `: ${names.join(', ')}`})`;
    }
  }
}

/** A 40-hex commit shortened to 10 characters; a ref (`refs/convert/parquet`) kept whole. */
function shortRevision(revision: string): string {
  return /^[0-9a-f]{40}$/i.test(revision) ? revision.slice(0, 10) : revision;
}

/**
 * The label without the commit it already ends with: a GitHub dataset is labelled
 * "MTSamples Procedures @ c4c2524" (githubDatasetLabel), and the header names the commit once (#13).
 */
function labelWithoutCommit(label: string, commit: string | undefined): string {
  const named = / @ ([0-9a-f]{7,40})$/i.exec(label);
  const prefix = named?.[1]?.toLowerCase();
  if (named === null || prefix === undefined || commit === undefined) return label;
  return commit.toLowerCase().startsWith(prefix) ? label.slice(0, named.index) : label;
}

/** The header's dataset line: "label @ commit · rules v1 · helm cut", or the Hugging Face revision. */
export function datasetLineText(run: RunRecord, rows?: Scored): string {
  const { dataset } = run;
  const label = labelWithoutCommit(dataset.label, dataset.commit);
  const commit = dataset.commit === undefined ? '' : ` @ ${dataset.commit.slice(0, 10)}`;
  const kind = summaryKindOf(run.settings, rows);
  if (kind === 'metrics') return fileLineText(run);
  if (kind === 'jury') {
    return `${label}${commit} · rules v${dataset.rulesVersion} · ${dataset.inputCut} cut`;
  }
  return dataset.revision === undefined
    ? `${label}${commit}`
    : `${dataset.label} · Hugging Face revision ${shortRevision(dataset.revision)}`;
}

/** The reproduce details' dataset line, with the full commit or revision. */
export function datasetReproduceText(run: RunRecord, rows?: Scored): string {
  const { dataset } = run;
  const kind = summaryKindOf(run.settings, rows);
  if (kind === 'metrics') return fileLineText(run);
  if (kind === 'jury') {
    return `${dataset.label} (${dataset.id}), commit ${dataset.commit ?? 'unknown'}, rules v${dataset.rulesVersion}, input cut ${dataset.inputCut}`;
  }
  const pinned =
    dataset.revision === undefined
      ? `commit ${dataset.commit ?? 'unknown'}`
      : `Hugging Face revision ${dataset.revision}`;
  return `${dataset.label} (${dataset.id}), ${pinned}`;
}

/** An imported file of another environment: which environment, written by which release. */
function fileLineText(run: RunRecord): string {
  const { env_id: envId, written_by: writtenBy } = fileMetricsSettingsOf(run.settings);
  return `${envId ?? 'an unnamed environment'} (from the results file, written by ${writtenBy})`;
}

/** The benchmark's own settings as stored, by their form labels: "Answer format xml, Think first off". */
export function envSettingsText(settings: RunRecord['settings']): string {
  const fields = findEnv(settings.envId)?.settings.fields ?? [];
  const entries = Object.entries(settings.envSettings ?? {});
  if (entries.length === 0) return 'defaults';
  return entries
    .map(([key, value]) => {
      const field = fields.find((candidate) => candidate.key === key);
      const option =
        field?.kind === 'select' ? field.options.find((o) => o.value === value)?.label : undefined;
      return `${field?.label ?? key} ${option ?? settingValueText(value)}`;
    })
    .join(', ');
}

function settingValueText(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  // Settings are stored data (JSON), so only undefined has no JSON text.
  return value === undefined ? '—' : JSON.stringify(value);
}
