// Owns the summary of a run imported from another environment's results file (core/results/
// fileMetrics.ts): the mean of each of its reward functions over the rows that give a value, its mean
// reward the way the file computes `avg_reward` (every row with a reward, failed ones at the reward the
// file gives them), its timing, and the file's own averages beside ours so a reader can see they agree.
// From the compact rows alone. Pure.
import { fileMetricsSettingsOf } from './fileMetrics';
import type { RolloutRow } from './rolloutRow';
import { countRows, meanOf, type Mean, type RunCounts } from './runStats';
import { finiteOrNull, isRecord } from './values';
import type { RunRecord } from '../schema/run';

export interface MetricMean extends Mean {
  name: string;
  min: number | null;
  max: number | null;
  /** The file's own mean (`avg_metrics[name]`, or `avg_<name>` before 0.1.6); null if it has none. */
  fileMean: number | null;
}

export interface FileMetricsSummary {
  counts: RunCounts;
  envId: string | null;
  writtenBy: string;
  reward: Mean & { fileMean: number | null };
  metrics: MetricMean[];
  /** Mean milliseconds per rollout; n = rollouts whose file gives that phase's time. */
  timing: { generation: Mean; scoring: Mean; total: Mean };
}

export function fileMetricsSummaryOf(
  run: Pick<RunRecord, 'settings' | 'importedMetadata'>,
  rows: readonly RolloutRow[],
): FileMetricsSummary {
  const settings = fileMetricsSettingsOf(run.settings);
  const raw = fileMetadataOf(run.importedMetadata);
  const avgMetrics = isRecord(raw['avg_metrics']) ? raw['avg_metrics'] : {};
  const metricValue = (row: RolloutRow, name: string) =>
    row.envScore?.kind === 'metrics' ? (row.envScore.metrics[name] ?? null) : null;
  const timing = (pick: (t: TimingOf) => number | null) =>
    meanOf(
      rows.map((row) => (row.envScore?.kind === 'metrics' ? pick(row.envScore.timing) : null)),
    );
  return {
    counts: countRows(rows),
    envId: settings.env_id,
    writtenBy: settings.written_by,
    reward: { ...meanOf(rows.map((row) => row.reward)), fileMean: finiteOrNull(raw['avg_reward']) },
    metrics: settings.metrics.map((name) => {
      const values = rows
        .map((row) => metricValue(row, name))
        .filter((v): v is number => v !== null && Number.isFinite(v));
      return {
        name,
        ...meanOf(values),
        // A reduce, not Math.min(...values): a spread of 100,000 arguments overflows the stack.
        min: values.length === 0 ? null : values.reduce((a, b) => Math.min(a, b)),
        max: values.length === 0 ? null : values.reduce((a, b) => Math.max(a, b)),
        fileMean: finiteOrNull(avgMetrics[name] ?? raw[`avg_${name}`]),
      };
    }),
    timing: {
      generation: timing((t) => t.generationMs),
      scoring: timing((t) => t.scoringMs),
      total: timing((t) => t.totalMs),
    },
  };
}

type TimingOf = { generationMs: number | null; scoringMs: number | null; totalMs: number | null };

/** metadata.json as the import read it (`importedMetadata.raw`); empty when there was none. */
function fileMetadataOf(importedMetadata: unknown): Record<string, unknown> {
  if (!isRecord(importedMetadata)) return {};
  const raw = importedMetadata['raw'];
  return isRecord(raw) ? raw : {};
}
