// What the Run page shows of a run that is not running: its figures and one compact row per rollout.
// The worker builds it from the stored rollouts, so the page never reads (and structured-clones)
// thousands of prompts, replies and judge answers, nor bootstraps the reward interval on the main
// thread: at 2,000 rollouts that cost tasks of 60–180 ms when a run finished (issue 14). Pure.
import type { PriceHint } from './presets';
import { rolloutTokens, type TokenCount } from './results/rolloutTokens';
import { callsOf, spendOf, summarizeRun, type Call, type RunSummary } from './runSummary';
import { creationProgressOf, tallyCalls, type CreationProgress } from './runLive';
import type { RolloutRecord, RolloutStatus } from './schema/run';

/** One rollout as the Run page's table lists it: what it shows and sorts by, nothing large. */
export interface RunTableRow {
  key: string;
  example_id: number;
  rollout_index: number;
  section: string | null;
  status: RolloutStatus;
  reward: number | null;
  /** Per judge, its normalised score. */
  judgeScores: (number | null)[];
  /** Every call of the rollout (model, judges, grader). */
  tokens: TokenCount | null;
  latencyMs: number | null;
  /** Why the rollout has no reward, in one line ('' when it has one). */
  problem: string;
  /** The model answered (a re-score can then go without the model's key). */
  hasGeneration: boolean;
}

export interface RunOverview {
  /** The run's figures with no prices applied (spend follows the page's prices: `overviewSummary`). */
  summary: RunSummary;
  /** Every call, tallied per model, cache use and what it reports. */
  calls: Call[];
  rows: RunTableRow[];
  /** A run stopped before all its rollouts were created: how many exist of the plan's. */
  creation: CreationProgress | null;
}

export interface OverviewOptions {
  modelId?: string;
  /** A re-score run's createdAt: calls before it were paid for by its parent. */
  paidSinceMs?: number;
  /** Rollouts of the run not created yet (RunRecord.creation): pending, and in the total. */
  notCreated?: number;
}

/** Why a rollout has no reward, in one line. */
export function rolloutProblem(rollout: RolloutRecord): string {
  if (rollout.error !== undefined) return `${rollout.error.stage}: ${rollout.error.message}`;
  return rollout.unscoredReason ?? '';
}

export function toRunTableRow(rollout: RolloutRecord): RunTableRow {
  return {
    key: rollout.key,
    example_id: rollout.example_id,
    rollout_index: rollout.rollout_index,
    section: rollout.section,
    status: rollout.status,
    reward: rollout.score?.reward ?? null,
    judgeScores: rollout.judges.map((judge) => judge?.score ?? null),
    tokens: rolloutTokens(rollout).all,
    latencyMs: rollout.generation?.latencyMs ?? null,
    problem: rolloutProblem(rollout),
    hasGeneration: rollout.generation !== undefined,
  };
}

export function runOverviewOf(
  rollouts: readonly RolloutRecord[],
  nowMs: number,
  opts: OverviewOptions = {},
): RunOverview {
  return {
    summary: summarizeRun(rollouts, nowMs, opts),
    calls: tallyCalls(rollouts.flatMap((rollout) => callsOf(rollout, opts))),
    rows: rollouts.map(toRunTableRow),
    creation: creationProgressOf(rollouts.length + (opts.notCreated ?? 0), opts.notCreated ?? 0),
  };
}

/** The overview's figures with spend and tokens priced by `prices` (the page's editable table). */
export function overviewSummary(
  overview: RunOverview,
  prices: Readonly<Record<string, PriceHint>>,
): RunSummary {
  return { ...overview.summary, ...spendOf(overview.calls, prices) };
}
