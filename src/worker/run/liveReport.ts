// Tallies a running run as its answers are stored and reports it to the page a few times a second
// (core/runLive): progress, the latest finished rollouts, requests per second, requests in flight
// per host against what the browser allows, and the share of time spent waiting for responses.
import {
  contributionOf,
  creationProgressOf,
  effectiveConcurrency,
  liveRolloutOf,
  tallyContributions,
  type EndpointSpeed,
  type LiveRollout,
  type RolloutContribution,
  type RunLiveState,
} from '../../core/runLive';
import type { RolloutRecord } from '../../core/schema/run';

const LATEST = 20;
const RATE_WINDOW_MS = 5_000;

/** One lane's clock: how long it has had a request outstanding, against how long it has been busy. */
export interface LaneMeter {
  /** Marks a request to `url` as sent; the returned function marks it answered (or failed). */
  request(url: string): () => void;
}

export interface LiveReportOptions {
  runId: string;
  /** Every rollout of the run, created or not. */
  total: number;
  /** Rollouts of the run not created yet (0 when every one exists). */
  notCreated?: number;
  concurrency: number;
  modelId: string;
  paidSinceMs?: number;
  now: () => number;
  protocolOf: (url: string) => string;
  send: (state: RunLiveState) => void;
  intervalMs?: number;
}

export interface LiveReport {
  /** Rollouts as stored before this execution (a resumed run); later states win. */
  seed(rollouts: readonly RolloutRecord[]): void;
  /** A rollout as just committed. */
  committed(rollout: RolloutRecord): void;
  /** `count` more rollouts of the run were created (stored pending). */
  created(count: number): void;
  lane(): LaneMeter & { close(): void };
  start(): void;
  /** Sends the last report (final when the run stopped) and stops reporting. */
  finish(): void;
}

interface LaneClock {
  outstanding: number;
  since: number;
  waitingMs: number;
  busyMs: number;
  openedAt: number;
}

export function createLiveReport(opts: LiveReportOptions): LiveReport {
  const contributions = new Map<string, RolloutContribution>();
  const latest: LiveRollout[] = [];
  const lanes = new Set<LaneClock>();
  const hosts = new Map<string, { url: string; inFlight: number }>();
  const answeredAt: number[] = [];
  const last = { waitingMs: 0, busyMs: 0 };
  /** Time of lanes that have closed (the queue ran dry for them). */
  const closed = { waitingMs: 0, busyMs: 0 };
  let timer: ReturnType<typeof setInterval> | undefined;
  let notCreated = opts.notCreated ?? 0;
  const contributionOpts = {
    modelId: opts.modelId,
    ...(opts.paidSinceMs === undefined ? {} : { paidSinceMs: opts.paidSinceMs }),
  };

  /** Waiting and busy time of every lane up to now (open intervals included). */
  function laneTotals(now: number) {
    let waitingMs = 0;
    let busyMs = 0;
    for (const lane of lanes) {
      waitingMs += lane.waitingMs + (lane.outstanding > 0 ? now - lane.since : 0);
      busyMs += lane.busyMs + (now - lane.openedAt);
    }
    return { waitingMs: waitingMs + closed.waitingMs, busyMs: busyMs + closed.busyMs };
  }

  function speed(now: number) {
    while (answeredAt.length > 0 && (answeredAt[0] ?? 0) < now - RATE_WINDOW_MS) answeredAt.shift();
    const totals = laneTotals(now);
    const busy = totals.busyMs - last.busyMs;
    const waitingShare = busy > 0 ? Math.min(1, (totals.waitingMs - last.waitingMs) / busy) : null;
    Object.assign(last, totals);
    const endpoints: EndpointSpeed[] = [...hosts].map(([origin, host]) => {
      const protocol = opts.protocolOf(host.url);
      return {
        origin,
        protocol,
        inFlight: host.inFlight,
        allowed: effectiveConcurrency(protocol, opts.concurrency),
      };
    });
    return {
      requestsPerSecond: answeredAt.length / (RATE_WINDOW_MS / 1000),
      rolloutsAllowed: opts.concurrency,
      // A lane is open while it works on a rollout, so open lanes are the rollouts in progress.
      rolloutsInProgress: lanes.size,
      waitingShare,
      endpoints,
    };
  }

  function state(isFinal: boolean): RunLiveState {
    const now = opts.now();
    return {
      runId: opts.runId,
      at: now,
      isFinal,
      total: opts.total,
      ...tallyContributions(contributions.values()),
      latest: [...latest],
      speed: speed(now),
      creation: creationProgressOf(opts.total, notCreated),
    };
  }

  return {
    seed(rollouts) {
      for (const rollout of rollouts) {
        if (!contributions.has(rollout.key))
          contributions.set(rollout.key, contributionOf(rollout, contributionOpts));
      }
    },
    committed(rollout) {
      const contribution = contributionOf(rollout, contributionOpts);
      contributions.set(rollout.key, contribution);
      if (contribution.finishedAt !== null) {
        latest.unshift(liveRolloutOf(rollout));
        latest.length = Math.min(latest.length, LATEST);
      }
    },
    created(count) {
      notCreated = Math.max(0, notCreated - count);
    },
    lane() {
      const clock: LaneClock = {
        outstanding: 0,
        since: 0,
        waitingMs: 0,
        busyMs: 0,
        openedAt: opts.now(),
      };
      lanes.add(clock);
      return {
        request(url) {
          const origin = new URL(url).origin;
          const host = hosts.get(origin) ?? { url, inFlight: 0 };
          hosts.set(origin, host);
          host.inFlight++;
          if (clock.outstanding++ === 0) clock.since = opts.now();
          let isOpen = true;
          return () => {
            if (!isOpen) return;
            isOpen = false;
            host.inFlight--;
            const now = opts.now();
            answeredAt.push(now);
            if (--clock.outstanding === 0) clock.waitingMs += now - clock.since;
          };
        },
        close() {
          const now = opts.now();
          closed.waitingMs += clock.waitingMs + (clock.outstanding > 0 ? now - clock.since : 0);
          closed.busyMs += clock.busyMs + (now - clock.openedAt);
          lanes.delete(clock);
        },
      };
    },
    start() {
      opts.send(state(false));
      timer = setInterval(() => opts.send(state(false)), opts.intervalMs ?? 1000);
    },
    finish() {
      clearInterval(timer);
      opts.send(state(true));
    },
  };
}
