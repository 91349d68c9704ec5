// A live run as the worker reports it while it runs (issue 14): the progress figures, tallied as
// answers are stored, and how fast requests go. The page shows these instead of re-reading every
// rollout from IndexedDB several times a second, which kept the main thread busy and slowed the
// worker's writes. Pure: the tallying here, the sending in worker/run/liveReport.
import type { PriceHint } from './presets';
import { callsOf, spendOf, throughput, type Call, type RunSummary } from './runSummary';
import type { RolloutRecord, RolloutStatus } from './schema/run';

/** The BroadcastChannel the worker reports live runs on (every tab of the app listens). */
export const RUN_LIVE_CHANNEL = 'medeval-run-live';

/** How much one rollout adds to the run's figures (kept per rollout, replaced as it changes). */
export interface RolloutContribution {
  status: RolloutStatus;
  finishedAt: number | null;
  reward: number | null;
  juryScore: number | null;
  judgeScores: (number | null)[];
  calls: Call[];
}

/** A finished rollout as the live view lists it. */
export interface LiveRollout {
  key: string;
  exampleId: number;
  rolloutIndex: number;
  status: RolloutStatus;
  reward: number | null;
  problem: string;
}

/** One host the run sends requests to. */
export interface EndpointSpeed {
  origin: string;
  /** `h2`, `h3`, `http/1.1`, or `unknown` (an https host that does not expose it). */
  protocol: string;
  inFlight: number;
  /** Requests the browser will have open to this host at once (6 for HTTP/1.1). */
  allowed: number;
}

export interface RunSpeed {
  /** Responses per second over the last few seconds. */
  requestsPerSecond: number;
  /** Rollouts the run may have in progress (its concurrency), and how many it has. */
  rolloutsAllowed: number;
  rolloutsInProgress: number;
  /** Share of the lanes' time spent waiting for responses (the rest is the app: storing, queues, retry waits). */
  waitingShare: number | null;
  endpoints: EndpointSpeed[];
}

/**
 * A run whose rollouts are still being created behind its lanes (issue 14): how many exist of the
 * plan's. Null once every one exists.
 */
export interface CreationProgress {
  created: number;
  planned: number;
}

/** The progress of a run with `planned` rollouts of which `notCreated` are not stored yet. */
export function creationProgressOf(planned: number, notCreated: number): CreationProgress | null {
  return notCreated > 0 ? { created: planned - notCreated, planned } : null;
}

export interface RunLiveState {
  runId: string;
  /** Date.now() when the worker sent it. */
  at: number;
  isFinal: boolean;
  total: number;
  counts: Record<RolloutStatus, number>;
  /** Finish times of the latest finished rollouts (for the rate). */
  recentFinishedAt: number[];
  reward: { n: number; sum: number; sumSq: number };
  jury: { n: number; sum: number };
  judges: { n: number; sum: number }[];
  calls: Call[];
  latest: LiveRollout[];
  speed: RunSpeed;
  /** While the run's rollouts are still being created behind its lanes. */
  creation: CreationProgress | null;
}

const FINISHED: ReadonlySet<RolloutStatus> = new Set<RolloutStatus>(['done', 'error', 'unscored']);

export function contributionOf(
  rollout: RolloutRecord,
  opts: { modelId?: string; paidSinceMs?: number } = {},
): RolloutContribution {
  return {
    status: rollout.status,
    finishedAt: FINISHED.has(rollout.status) ? rollout.updatedAt : null,
    reward: rollout.score?.reward ?? null,
    juryScore: rollout.score?.jury_score ?? null,
    judgeScores: rollout.score?.judge_scores ?? [],
    calls: callsOf(rollout, opts).map(({ model, usage, costUsd, cached }) => ({
      model,
      usage,
      costUsd,
      cached,
    })),
  };
}

export function liveRolloutOf(rollout: RolloutRecord): LiveRollout {
  return {
    key: rollout.key,
    exampleId: rollout.example_id,
    rolloutIndex: rollout.rollout_index,
    status: rollout.status,
    reward: rollout.score?.reward ?? null,
    problem:
      rollout.error !== undefined
        ? `${rollout.error.stage}: ${rollout.error.message}`
        : (rollout.unscoredReason ?? ''),
  };
}

/** Calls summed per model, cache use and what they report, so spend is priced exactly as per call. */
export function tallyCalls(calls: Iterable<Call>): Call[] {
  const tallies = new Map<string, Call>();
  for (const call of calls) {
    const id = `${call.model}|${call.cached}|${call.costUsd === null}|${call.usage === null}`;
    const tally = tallies.get(id);
    if (tally === undefined) {
      tallies.set(id, { ...call, usage: call.usage && { ...call.usage }, count: call.count ?? 1 });
      continue;
    }
    tally.count = (tally.count ?? 1) + (call.count ?? 1);
    if (tally.costUsd !== null) tally.costUsd += call.costUsd ?? 0;
    if (tally.usage !== null && call.usage !== null) {
      tally.usage.inputTokens += call.usage.inputTokens;
      tally.usage.outputTokens += call.usage.outputTokens;
    }
  }
  return [...tallies.values()];
}

/** The live state's figures from the contributions of every rollout of the run. */
export function tallyContributions(contributions: Iterable<RolloutContribution>) {
  const counts: Record<RolloutStatus, number> = {
    pending: 0,
    generating: 0,
    judging: 0,
    done: 0,
    error: 0,
    unscored: 0,
  };
  const finishedAt: number[] = [];
  const reward = { n: 0, sum: 0, sumSq: 0 };
  const jury = { n: 0, sum: 0 };
  const judges: { n: number; sum: number }[] = [];
  const calls: Call[] = [];
  for (const c of contributions) {
    counts[c.status]++;
    if (c.finishedAt !== null) finishedAt.push(c.finishedAt);
    if (c.reward !== null) {
      reward.n++;
      reward.sum += c.reward;
      reward.sumSq += c.reward * c.reward;
    }
    if (c.juryScore !== null) {
      jury.n++;
      jury.sum += c.juryScore;
    }
    c.judgeScores.forEach((score, index) => {
      const judge = (judges[index] ??= { n: 0, sum: 0 });
      if (score !== null) {
        judge.n++;
        judge.sum += score;
      }
    });
    calls.push(...c.calls);
  }
  finishedAt.sort((a, b) => a - b);
  return {
    counts,
    recentFinishedAt: finishedAt.slice(-50),
    reward,
    jury,
    judges,
    calls: tallyCalls(calls),
  };
}

const Z95 = 1.959964;

/**
 * The progress panel's figures from a live state. The interval is the normal approximation
 * (mean ± 1.96 · sd / √n): the bootstrap of the stored rewards replaces it once the run stops,
 * as it would cost the worker tens of milliseconds on every report of a large run.
 */
export function summarizeLive(
  live: RunLiveState,
  nowMs: number,
  prices: Readonly<Record<string, PriceHint>>,
): RunSummary {
  const { counts, reward } = live;
  const finished = counts.done + counts.error + counts.unscored;
  // Rollouts are not marked while they generate: the lanes at work are the ones in flight.
  const inFlight = Math.min(live.total - finished, live.speed.rolloutsInProgress);
  const throughputPerMin = throughput(live.recentFinishedAt, nowMs);
  const remaining = live.total - finished;
  const etaMs =
    remaining <= 0 ? 0 : throughputPerMin === null ? null : (remaining / throughputPerMin) * 60_000;
  const mean = reward.n === 0 ? null : reward.sum / reward.n;
  const variance =
    reward.n < 2 || mean === null
      ? 0
      : Math.max(0, (reward.sumSq - reward.n * mean * mean) / (reward.n - 1));
  const half = Z95 * Math.sqrt(variance / Math.max(1, reward.n));
  const { spend, tokens } = spendOf(live.calls, prices);
  return {
    total: live.total,
    done: counts.done,
    failed: counts.error,
    unscored: counts.unscored,
    pending: live.total - finished - inFlight,
    inFlight,
    finished,
    throughputPerMin,
    etaMs,
    reward: {
      mean,
      low: mean === null ? null : mean - half,
      high: mean === null ? null : mean + half,
      n: reward.n,
    },
    juryScore: live.jury.n === 0 ? null : live.jury.sum / live.jury.n,
    judgeMeans: live.judges.map((judge) => (judge.n === 0 ? null : judge.sum / judge.n)),
    tokens,
    spend,
  };
}

/** Browsers open at most this many HTTP/1.1 connections to one host (Chromium, Firefox, Safari). */
const HTTP1_CONNECTIONS_PER_HOST = 6;

/**
 * What a browser will really have in flight to one host when the run allows `requested`: HTTP/1.1
 * caps it at 6 connections; HTTP/2 and HTTP/3 multiplex every request over one connection.
 */
export function effectiveConcurrency(protocol: string, requested: number): number {
  return protocol === 'http/1.1' ? Math.min(requested, HTTP1_CONNECTIONS_PER_HOST) : requested;
}

/** The notice a run form and a live run show for an HTTP/1.1 host that caps the concurrency. */
export function concurrencyNotice(
  host: string,
  protocol: string,
  requested: number,
): string | null {
  const effective = effectiveConcurrency(protocol, requested);
  if (effective >= requested) return null;
  return `${host} uses HTTP/1.1: browsers allow ${HTTP1_CONNECTIONS_PER_HOST} requests at a time to one host, so ${requested} becomes ${effective}. To send more at once, serve it over HTTP/2 (for example behind a local HTTPS proxy such as Caddy, which speaks HTTP/2 by default), or put the judges on another host.`;
}

/**
 * What a base URL alone says about its protocol: browsers speak HTTP/2 only over TLS, so a plain
 * http:// endpoint (Ollama, LM Studio, vLLM, llama.cpp as they start) is HTTP/1.1; over https the
 * server decides, and the browser tells only after a request (and only if the host allows timing).
 */
export function protocolFromUrl(baseUrl: string): string {
  try {
    return new URL(baseUrl).protocol === 'http:' ? 'http/1.1' : 'unknown';
  } catch {
    return 'unknown';
  }
}
