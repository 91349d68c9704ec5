// Owns the live numbers of a run's progress panel, derived from its stored rollouts alone (the UI
// recomputes them on every database change instead of keeping counters that could drift). Pure.
import { helmJuryScore } from './envs/mtsamples/helmJury';
import { priceHintFor, type PriceHint } from './presets';
import type { RolloutRecord } from './schema/run';
import { bootstrapMeanCI, type MeanInterval } from './stats/bootstrap';
import { mean } from './stats/mean';

/** Throughput looks at most this many of the latest finished rollouts… */
const THROUGHPUT_WINDOW = 50;
/** …that finished at most this long ago, so a run resumed after a pause is not averaged over the pause. */
export const THROUGHPUT_HORIZON_MS = 10 * 60_000;

interface SpendSummary {
  /** Provider-reported cost (e.g. OpenRouter's usage.cost). */
  reportedUsd: number;
  /** Estimated from prices, for calls without a reported cost. */
  estimatedUsd: number;
  totalUsd: number;
  /** Calls with neither a reported cost nor a price for their model (not in the total). */
  unpricedCalls: number;
  /** Served from the response cache: not paid for again, not counted in tokens or spend. */
  cachedCalls: number;
}

export interface RunSummary {
  total: number;
  done: number;
  /** Rollouts whose generation failed (status `error`). */
  failed: number;
  unscored: number;
  pending: number;
  inFlight: number;
  /** done + failed + unscored. */
  finished: number;
  /** Rollouts per minute over the latest finished ones; null until two finished recently. */
  throughputPerMin: number | null;
  /** Time to finish the remaining rollouts at that rate; 0 when none remain. */
  etaMs: number | null;
  /** Mean reward of the scored rollouts with its 95% bootstrap interval. */
  reward: MeanInterval;
  /** HELM's 1–5 scale: the mean over scored rollouts of their jury score (helmJury.ts). */
  juryScore: number | null;
  /** Per judge, the mean of its judge score over the rollouts it scored. */
  judgeMeans: (number | null)[];
  tokens: { input: number; output: number };
  spend: SpendSummary;
}

export interface SummaryOptions {
  /** The model under test's id (a generation's request body names it too). */
  modelId?: string;
  prices?: Readonly<Record<string, PriceHint>>;
  /**
   * Calls that finished before this were paid for elsewhere: a re-score run copies its parent's
   * generations, so pass its createdAt to keep them out of its tokens and spend.
   */
  paidSinceMs?: number;
  /** Rollouts of the run not created yet (RunRecord.creation): pending, and in the total. */
  notCreated?: number;
}

/** One call, or (`count` > 1) several alike whose usage and cost are summed (a live run's tally). */
export interface Call {
  model: string;
  usage: { inputTokens: number; outputTokens: number } | null;
  costUsd: number | null;
  cached: boolean;
  count?: number;
}

export function callsOf(rollout: RolloutRecord, opts: SummaryOptions): Call[] {
  const calls: Call[] = [];
  const generation = rollout.generation;
  if (generation !== undefined && generation.finishedAt >= (opts.paidSinceMs ?? -Infinity)) {
    const bodyModel = generation.requestBody.model;
    calls.push({
      ...generation,
      model: typeof bodyModel === 'string' ? bodyModel : (opts.modelId ?? ''),
    });
  }
  for (const judge of rollout.judges) if (judge !== null) calls.push(judge);
  return calls;
}

/** Rollouts per minute over the latest finish times (at most THROUGHPUT_WINDOW of them). */
export function throughput(finishedAt: readonly number[], clockMs: number): number | null {
  // A rollout stored after the caller read its clock still finished "by now".
  const nowMs = finishedAt.reduce((max, t) => Math.max(max, t), clockMs);
  const recent = finishedAt
    .filter((t) => t >= nowMs - THROUGHPUT_HORIZON_MS && t <= nowMs)
    .sort((a, b) => a - b)
    .slice(-THROUGHPUT_WINDOW);
  const first = recent[0];
  // n finishes after the first one, over the time since it: a stall lowers the rate as time passes.
  if (recent.length < 2 || first === undefined || nowMs <= first) return null;
  return ((recent.length - 1) / (nowMs - first)) * 60_000;
}

export function spendOf(calls: readonly Call[], prices: Readonly<Record<string, PriceHint>>) {
  const spend: SpendSummary = {
    reportedUsd: 0,
    estimatedUsd: 0,
    totalUsd: 0,
    unpricedCalls: 0,
    cachedCalls: 0,
  };
  const tokens = { input: 0, output: 0 };
  for (const call of calls) {
    const count = call.count ?? 1;
    if (call.cached) {
      spend.cachedCalls += count;
      continue;
    }
    tokens.input += call.usage?.inputTokens ?? 0;
    tokens.output += call.usage?.outputTokens ?? 0;
    const price = priceHintFor(call.model, prices);
    if (call.costUsd !== null) spend.reportedUsd += call.costUsd;
    else if (call.usage !== null && price !== undefined) {
      spend.estimatedUsd +=
        (call.usage.inputTokens * price.inputPerM + call.usage.outputTokens * price.outputPerM) /
        1_000_000;
    } else spend.unpricedCalls += count;
  }
  spend.totalUsd = spend.reportedUsd + spend.estimatedUsd;
  return { spend, tokens };
}

export function summarizeRun(
  rollouts: readonly RolloutRecord[],
  nowMs: number,
  opts: SummaryOptions = {},
): RunSummary {
  const count = (...statuses: RolloutRecord['status'][]) =>
    rollouts.filter((r) => statuses.includes(r.status)).length;
  const done = count('done');
  const failed = count('error');
  const unscored = count('unscored');
  const pending = count('pending') + (opts.notCreated ?? 0);
  const inFlight = count('generating', 'judging');
  const finished = done + failed + unscored;

  const finishedAt = rollouts
    .filter((r) => r.status === 'done' || r.status === 'error' || r.status === 'unscored')
    .map((r) => r.updatedAt);
  const throughputPerMin = throughput(finishedAt, nowMs);
  const remaining = pending + inFlight;
  const etaMs =
    remaining === 0
      ? 0
      : throughputPerMin === null
        ? null
        : (remaining / throughputPerMin) * 60_000;

  const scores = rollouts.flatMap((r) => (r.score === undefined ? [] : [r.score]));
  const rewards = scores.flatMap((s) => (s.reward === null ? [] : [s.reward]));
  const juries = scores.flatMap((s) => (s.jury_score === null ? [] : [s.jury_score]));
  const judgeCount = rollouts.reduce(
    (max, r) => Math.max(max, r.judges.length, r.score?.judge_scores.length ?? 0),
    0,
  );
  const judgeMeans = Array.from({ length: judgeCount }, (_, index) =>
    mean(
      scores.flatMap((s) => {
        const value = s.judge_scores[index];
        return value === null || value === undefined ? [] : [value];
      }),
    ),
  );

  const calls = rollouts.flatMap((r) => callsOf(r, opts));
  const { spend, tokens } = spendOf(calls, opts.prices ?? {});
  return {
    total: rollouts.length + (opts.notCreated ?? 0),
    done,
    failed,
    unscored,
    pending,
    inFlight,
    finished,
    throughputPerMin,
    etaMs,
    reward: bootstrapMeanCI(rewards),
    juryScore: helmJuryScore(juries).mean,
    judgeMeans,
    tokens,
    spend,
  };
}
