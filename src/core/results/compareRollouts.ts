// Owns comparing runs rollout by rollout: the per-rollout numbers each run has (its reward, and by kind
// of run: an imported file's reward functions, the jury's score and criterion means, a choice's credit,
// a rubric's scores), which of them every run has and which only some, and each rollout matched by
// example id and rollout index across the runs. Numbers are matched by what they are, not by their
// name alone: a file's reward function called "accuracy" is not the jury's accuracy criterion. Pure.
import { mean } from '../stats/mean';
import type { RunSettings } from '../schema/run';
import { summaryKindOf } from './envSummary';
import { fileMetricsSettingsOf } from './fileMetrics';
import type { RolloutRow } from './rolloutRow';

export interface MetricRun {
  settings: Pick<RunSettings, 'envId' | 'envSettings'>;
  rows: readonly RolloutRow[];
}

/** One per-rollout number and the runs (in the order given) that have it. */
export interface RolloutMetric {
  /** `reward`, `file:<name>`, `jury:<name>`, `choice:correct`, `rubric:<raw|clipped>`. */
  id: string;
  label: string;
  inRuns: boolean[];
}

export interface RolloutMetrics {
  /** The reward first, then every other metric any run has, those every run has first. */
  metrics: RolloutMetric[];
}

const JURY: readonly { id: string; label: string }[] = [
  { id: 'jury:jury_score', label: 'jury score (1–5)' },
  { id: 'jury:accuracy', label: 'accuracy (1–5, mean over judges)' },
  { id: 'jury:completeness', label: 'completeness (1–5, mean over judges)' },
  { id: 'jury:clarity', label: 'clarity (1–5, mean over judges)' },
];
const CHOICE = [{ id: 'choice:correct', label: 'correct (credit)' }];
const RUBRIC = [
  { id: 'rubric:raw', label: 'rubric score (raw)' },
  { id: 'rubric:clipped', label: 'rubric score (clipped)' },
];

/** The per-rollout numbers of one run besides its reward. */
function metricsOfRun(run: MetricRun): readonly { id: string; label: string }[] {
  switch (summaryKindOf(run.settings, run.rows)) {
    case 'metrics': {
      const names = new Set(fileMetricsSettingsOf(run.settings).metrics);
      for (const row of run.rows) {
        if (row.envScore?.kind === 'metrics')
          Object.keys(row.envScore.metrics).forEach((n) => names.add(n));
      }
      return [...names].map((name) => ({ id: `file:${name}`, label: name }));
    }
    case 'jury':
      return JURY;
    case 'accuracy':
      return CHOICE;
    case 'rubric':
      return RUBRIC;
  }
}

/** Which per-rollout numbers the runs have, and which of them every run has. */
export function rolloutMetricsOf(runs: readonly MetricRun[]): RolloutMetrics {
  const perRun = runs.map((run) => new Set(metricsOfRun(run).map((m) => m.id)));
  const labels = new Map<string, string>();
  for (const run of runs) for (const m of metricsOfRun(run)) labels.set(m.id, m.label);
  const metrics = [...labels].map(([id, label]) => ({
    id,
    label,
    inRuns: perRun.map((ids) => ids.has(id)),
  }));
  const inAll = (m: RolloutMetric) => m.inRuns.every(Boolean);
  const reward: RolloutMetric = { id: 'reward', label: 'reward', inRuns: runs.map(() => true) };
  return {
    metrics: [reward, ...metrics.filter(inAll), ...metrics.filter((m) => !inAll(m))],
  };
}

/** A rollout's value of one metric; null when it has none (not scored, not in the file). */
export function rolloutMetricValue(row: RolloutRow, id: string): number | null {
  const score = row.envScore;
  if (id === 'reward') return row.reward;
  if (id === 'jury:jury_score') return row.jury_score;
  if (id === 'jury:accuracy') return row.criterion_means.accuracy;
  if (id === 'jury:completeness') return row.criterion_means.completeness;
  if (id === 'jury:clarity') return row.criterion_means.clarity;
  if (id === 'choice:correct') {
    if (score?.kind === 'reward') return score.reward;
    return score?.kind === 'choice' ? (score.correct ? 1 : 0) : null;
  }
  if (id === 'rubric:raw') return score?.kind === 'rubric' ? score.raw : null;
  if (id === 'rubric:clipped') return score?.kind === 'rubric' ? score.clipped : null;
  if (id.startsWith('file:') && score?.kind === 'metrics') {
    return score.metrics[id.slice('file:'.length)] ?? null;
  }
  return null;
}

/** One rollout across the runs: per run its row, or null when that run has no such rollout. */
export interface MatchedRollout {
  example_id: number;
  rollout_index: number;
  rows: (RolloutRow | null)[];
}

const keyOf = (row: Pick<RolloutRow, 'example_id' | 'rollout_index'>) =>
  `${row.example_id}:${row.rollout_index}`;

/** Every rollout any run has, matched by example id and rollout index, in that order. */
export function matchRollouts(
  runs: readonly Pick<MetricRun, 'rows'>[],
  exampleId?: number,
): MatchedRollout[] {
  const matched = new Map<string, MatchedRollout>();
  runs.forEach(({ rows }, i) => {
    for (const row of rows) {
      if (exampleId !== undefined && row.example_id !== exampleId) continue;
      const key = keyOf(row);
      const entry = matched.get(key) ?? {
        example_id: row.example_id,
        rollout_index: row.rollout_index,
        rows: runs.map(() => null),
      };
      entry.rows[i] = row;
      matched.set(key, entry);
    }
  });
  return [...matched.values()].sort(
    (a, b) => a.example_id - b.example_id || a.rollout_index - b.rollout_index,
  );
}

/** One metric of one run against the baseline, over the rollouts both have a value for. */
export interface PairedMetric {
  /** Rollouts (same example id and rollout index) with a value in both. */
  paired: number;
  baselineMean: number | null;
  runMean: number | null;
  /** mean(run − baseline) over the paired rollouts. */
  meanDelta: number | null;
}

/**
 * Per metric the baseline has, per run after the baseline: its paired means and mean Δ; null where
 * that run lacks the metric.
 */
export function pairMetrics(
  matched: readonly MatchedRollout[],
  metrics: readonly RolloutMetric[],
): (PairedMetric | null)[][] {
  return metrics.map((metric) =>
    metric.inRuns.slice(1).map((hasIt, j) => {
      if (!hasIt || metric.inRuns[0] !== true) return null;
      const base: number[] = [];
      const mine: number[] = [];
      for (const { rows } of matched) {
        const baseRow = rows[0] ?? null;
        const runRow = rows[j + 1] ?? null;
        const a = baseRow === null ? null : rolloutMetricValue(baseRow, metric.id);
        const b = runRow === null ? null : rolloutMetricValue(runRow, metric.id);
        if (a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b)) continue;
        base.push(a);
        mine.push(b);
      }
      return {
        paired: base.length,
        baselineMean: mean(base),
        runMean: mean(mine),
        meanDelta: mean(mine.map((value, k) => value - (base[k] ?? 0))),
      };
    }),
  );
}

/** The runs' per-rollout numbers and each run's paired means against the first run's. */
export function compareRolloutMetrics(runs: readonly MetricRun[]) {
  const metrics = rolloutMetricsOf(runs);
  return { metrics, paired: pairMetrics(matchRollouts(runs), metrics.metrics) };
}
