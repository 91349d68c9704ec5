// Owns what a choice or rubric run adds to its results files (spec more-environments.md §2–§3): per
// row, the gold letter as `answer`, how the answer was read in `info` and `correct` in `metrics`, or
// the rubric score per axis in `metrics` and every item's grade in `info`; per run, the env's summary
// under metadata.json's `medeval`. A jury (MTSamples) rollout adds nothing, so its files stay as they
// were. Pure.
import type {
  ChoiceScore,
  FileMetricsScore,
  RewardScore,
  RubricGrade,
  RubricItem,
  RubricScore,
} from '../envs/types';
import type { RolloutRecord, RunRecord } from '../schema/run';
import {
  accuracySummaryOf,
  clippingOf,
  rubricSummaryOf,
  summaryKindOf,
  type LabelledHeadline,
} from './envSummary';
import { REWARD_METRIC } from './medevalBlock';
import { isProvenance } from './provenance';
import { toRolloutRow } from './rolloutRow';
import { isRecord } from './values';

export interface EnvRowFacts {
  /** Replaces the row's `answer` (the gold letter of a choice rollout). */
  answer?: string;
  info: Record<string, unknown>;
  /** Numbers only, as verifiers' `metrics` are. */
  metrics: Record<string, number>;
  /**
   * The row's `info` and `metrics` are these alone (a rollout imported from another environment's
   * file goes back out as it came in), not MTSamples' fields plus these.
   */
  ownColumns?: boolean;
  /** The file's `task` (0.1.x rows), written back as it was. */
  task?: string;
}

/**
 * The row's `metrics` (verifiers also copies each to a top-level key): MTSamples' one reward function,
 * with a choice or rubric rollout's own metrics beside it, or an imported file's reward functions alone.
 */
export function rowMetricsOf(rollout: RolloutRecord, reward: number): Record<string, number> {
  const env = envRowFacts(rollout);
  return env?.ownColumns === true ? env.metrics : { [REWARD_METRIC]: reward, ...env?.metrics };
}

/** A rollout's env facts; null for a rollout with neither a choice score nor rubric grades. */
export function envRowFacts(
  rollout: RolloutRecord,
  items?: readonly RubricItem[],
): EnvRowFacts | null {
  const score = rollout.envScore;
  if (score?.kind === 'metrics') return fileMetricsFacts(score, rollout);
  if (score?.kind === 'choice') return choiceFacts(score);
  if (score?.kind === 'reward') return rewardFacts(score);
  if (score?.kind === 'rubric' || rollout.grades !== undefined) {
    return rubricFacts(score?.kind === 'rubric' ? score : undefined, rollout.grades ?? [], items);
  }
  return null;
}

/** The file's own answer, info, task and reward functions, as the imported row had them. */
function fileMetricsFacts(score: FileMetricsScore, rollout: RolloutRecord): EnvRowFacts {
  const raw = isProvenance(rollout.imported) ? (rollout.imported.raw ?? {}) : {};
  const metrics: Record<string, number> = {};
  for (const [name, value] of Object.entries(score.metrics))
    if (value !== null) metrics[name] = value;
  const { answer, info, task } = raw;
  return {
    ...(typeof answer === 'string' ? { answer } : {}),
    info: isRecord(info) ? info : {},
    metrics,
    ownColumns: true,
    ...(typeof task === 'string' ? { task } : {}),
  };
}

function choiceFacts(score: ChoiceScore): EnvRowFacts {
  return {
    answer: score.gold,
    info: {
      parsed: score.parsed,
      gold: score.gold,
      correct: score.correct,
      matched_by: score.matchedBy,
      answer_source: score.source,
      why: score.why,
      extracted: score.extracted,
      ...(score.order === undefined ? {} : { option_order: score.order }),
    },
    metrics: { correct: score.correct ? 1 : 0 },
  };
}

/** An env's own reward (MedCalc, SCT…): how the reply was read, and the credit it earned. */
function rewardFacts(score: RewardScore): EnvRowFacts {
  return {
    info: {
      parsed: score.parsed,
      gold: score.gold,
      correct: score.correct,
      credit: score.reward,
      why: score.why,
      extracted: score.extracted,
    },
    metrics: { correct: score.correct ? 1 : 0, credit: score.reward },
  };
}

function rubricFacts(
  score: RubricScore | undefined,
  grades: readonly (RubricGrade | null)[],
  items: readonly RubricItem[] | undefined,
): EnvRowFacts {
  const metrics: Record<string, number> = {};
  if (score?.raw != null) metrics['rubric_raw'] = score.raw;
  if (score?.clipped != null) metrics['rubric_clipped'] = score.clipped;
  for (const [axis, value] of Object.entries(score?.byAxis ?? {})) metrics[`axis_${axis}`] = value;
  const rubricScore =
    score === undefined
      ? null
      : {
          raw: score.raw,
          clipped: score.clipped,
          by_axis: score.byAxis,
          by_theme: score.byTheme,
          met: score.met,
          not_met: score.notMet,
          unparseable: score.unparseable,
          failed: score.failed,
        };
  const count = Math.max(grades.length, items?.length ?? 0);
  const rubricGrades = Array.from({ length: count }, (_, i) => gradeFacts(grades[i], items?.[i]));
  return { info: { rubric_score: rubricScore, rubric_grades: rubricGrades }, metrics };
}

/** One item's grade as written: the item when known, then the verdict and the grader's words. */
function gradeFacts(grade: RubricGrade | null | undefined, item: RubricItem | undefined) {
  return {
    ...(item === undefined
      ? {}
      : { criterion: item.criterion, points: item.points, tags: item.tags }),
    status: grade?.status ?? 'pending',
    criteria_met: grade?.status === 'met' ? true : grade?.status === 'not_met' ? false : null,
    explanation: grade?.explanation ?? null,
    raw: grade?.raw ?? null,
    error: grade?.error?.message ?? null,
  };
}

/** The run's env summary for metadata.json's `medeval`; none for a jury run. */
export function envMetadataFacts(
  run: RunRecord,
  rollouts: readonly RolloutRecord[],
): Record<string, unknown> {
  const kind = summaryKindOf(run.settings, rollouts);
  if (kind === 'jury' || kind === 'metrics') return {};
  const rows = rollouts.map(toRolloutRow);
  switch (kind) {
    case 'accuracy': {
      const { unscored, accuracy } = accuracySummaryOf(rows);
      const { byGroup, ...overall } = accuracy;
      return { env_summary: { kind: 'accuracy', ...overall, unscored, by_group: byGroup } };
    }
    case 'rubric': {
      const summary = rubricSummaryOf(rows, clippingOf(run.settings));
      const headline = (h: LabelledHeadline) => ({
        clipping: h.clipping,
        label: h.label,
        score: h.score,
        bootstrap_sd: h.bootstrapSd,
      });
      return {
        env_summary: {
          kind: 'rubric',
          n: summary.aggregate.n,
          unscored: summary.unscored,
          ...headline(summary.headline),
          other: headline(summary.other),
          by_axis: summary.aggregate.byAxis,
          by_theme: summary.aggregate.byTheme,
          items: summary.items,
        },
      };
    }
  }
}
