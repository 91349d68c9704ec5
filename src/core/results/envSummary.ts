// Owns the results summary of runs scored without a jury (spec more-environments.md §2–§3): accuracy
// with Wilson 95% intervals per group for the choice benchmarks, rubric scores with bootstrap SDs per
// axis and theme for HealthBench, both from the compact rows alone. The numbers themselves come from
// the envs' own scoring libraries; this module picks the rows, counts what could not be scored (shown
// beside the numbers, never counted as wrong) and labels the clipping rule. Pure.
import {
  aggregateHealthBench,
  type HealthBenchAggregate,
} from '../envs/healthbench/aggregateHealthBench';
import {
  ClippingSchema,
  HEALTHBENCH_DEFAULTS,
  type Clipping,
} from '../envs/healthbench/healthBenchSettings';
import { choiceAccuracy, type ChoiceAccuracy } from '../envs/multipleChoice/choiceAccuracy';
import { findEnv } from '../envs/registry';
import type { EnvSummaryKind, RubricScore } from '../envs/types';
import type { RunSettings } from '../schema/run';
import { isFileMetricsRun } from './fileMetrics';
import type { RolloutRow } from './rolloutRow';
import { countRows, STATS_SEED, type RunCounts } from './runStats';

type EnvSettingsOf = Pick<RunSettings, 'envId' | 'envSettings'>;
/** Rows or stored rollouts: anything that says how it was scored. */
type Scored = { envScore?: { kind: string } | undefined };

/**
 * Which summary a run shows: its env's, else (an env this version does not know) what its rows were
 * scored as, else the jury's. Never throws: a results page must open whatever the run.
 */
export function summaryKindOf(
  settings: Pick<RunSettings, 'envId'>,
  rows: readonly Scored[] = [],
): EnvSummaryKind {
  if (isFileMetricsRun(settings)) return 'metrics';
  const env = findEnv(settings.envId);
  if (env !== undefined) return env.summary;
  const kind = rows.find((row) => row.envScore !== undefined)?.envScore?.kind;
  if (kind === 'metrics') return 'metrics';
  return kind === 'choice' || kind === 'reward'
    ? 'accuracy'
    : kind === 'rubric'
      ? 'rubric'
      : 'jury';
}

/** Whether the run was scored by a judge jury (MTSamples): judge columns, cards and trust apply. */
export function isJuryRun(settings: Pick<RunSettings, 'envId'>, rows?: readonly Scored[]) {
  return summaryKindOf(settings, rows) === 'jury';
}

/** What the run's env calls an example's group (Subject, Theme, Section). */
export function groupLabelOf(settings: Pick<RunSettings, 'envId'>): string {
  return findEnv(settings.envId)?.groupLabel ?? 'Group';
}

// ---------------------------------------------------------------------------------------------------
// Accuracy (choice benchmarks)

export interface AccuracyRunSummary {
  counts: RunCounts;
  /** Rollouts finished without a choice score (failed generation, not scored): not in `n`. */
  unscored: number;
  accuracy: ChoiceAccuracy;
}

export function accuracySummaryOf(rows: readonly RolloutRow[]): AccuracyRunSummary {
  const counts = countRows(rows);
  const scored = rows.flatMap((row) => {
    const score = row.envScore;
    if (score?.kind === 'choice') return [{ correct: score.correct, group: row.section }];
    if (score?.kind === 'reward') {
      return [{ correct: score.correct, credit: score.reward, group: row.section }];
    }
    return [];
  });
  const unscored = rows.filter(
    (row) =>
      isFinished(row.status) && row.envScore?.kind !== 'choice' && row.envScore?.kind !== 'reward',
  ).length;
  return { counts, unscored, accuracy: choiceAccuracy(scored, unscored) };
}

function isFinished(status: string): boolean {
  return status === 'done' || status === 'unscored' || status === 'error';
}

// ---------------------------------------------------------------------------------------------------
// Rubric (HealthBench)

const CLIPPING_LABELS: Record<Clipping, string> = {
  run: 'run-level clipping (official)',
  example: 'per-example clipping (MedARC)',
};

export interface LabelledHeadline {
  clipping: Clipping;
  label: string;
  score: number | null;
  bootstrapSd: number | null;
}

export interface RubricItemCounts {
  met: number;
  notMet: number;
  unparseable: number;
  failed: number;
  total: number;
}

export interface RubricRunSummary {
  counts: RunCounts;
  /** Rollouts finished without a score (an item without a verdict, a failed generation). */
  unscored: number;
  /** The run's clipping rule, then the other one. */
  headline: LabelledHeadline;
  other: LabelledHeadline;
  aggregate: HealthBenchAggregate;
  /** Grader verdicts summed over every graded rollout, scored or not. */
  items: RubricItemCounts;
}

/** The run's clipping setting; HealthBench's default when absent or unreadable. */
export function clippingOf(settings: EnvSettingsOf): Clipping {
  const parsed = ClippingSchema.safeParse(settings.envSettings?.['clipping']);
  return parsed.success ? parsed.data : HEALTHBENCH_DEFAULTS.clipping;
}

export function rubricSummaryOf(
  rows: readonly RolloutRow[],
  clipping: Clipping,
  seed = STATS_SEED,
): RubricRunSummary {
  const scores = rows.flatMap((row) => (row.envScore?.kind === 'rubric' ? [row.envScore] : []));
  const aggregate = aggregateHealthBench(scores, { clipping, seed });
  const labelled = (rule: Clipping): LabelledHeadline => ({
    clipping: rule,
    label: CLIPPING_LABELS[rule],
    ...aggregate.headlines[rule],
  });
  const unscored = rows.filter(
    (row) =>
      isFinished(row.status) && (row.envScore?.kind !== 'rubric' || row.envScore.raw === null),
  ).length;
  return {
    counts: countRows(rows),
    unscored,
    headline: labelled(clipping),
    other: labelled(clipping === 'run' ? 'example' : 'run'),
    aggregate,
    items: itemCounts(scores),
  };
}

function itemCounts(scores: readonly RubricScore[]): RubricItemCounts {
  const sum = (pick: (score: RubricScore) => number) =>
    scores.reduce((total, score) => total + pick(score), 0);
  const counts = {
    met: sum((s) => s.met),
    notMet: sum((s) => s.notMet),
    unparseable: sum((s) => s.unparseable),
    failed: sum((s) => s.failed),
  };
  return { ...counts, total: counts.met + counts.notMet + counts.unparseable + counts.failed };
}
