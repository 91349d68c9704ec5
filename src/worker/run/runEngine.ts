// Executes a stored run: every unfinished rollout, `concurrency` at a time, each through its steps
// (rolloutSteps.ts), its answers written through a group-committing journal (rolloutJournal.ts).
// Pause and cancel abort in-flight requests; a run-stopping failure (bad key, unknown model, bad
// request, a full disk) stops every lane and is recorded as the run's banner. Rollouts caught
// mid-request stay as they were stored, so a resume re-sends only those requests.
import { originOf } from '../../core/endpointOrigin';
import { AppError, toAppError, withStorageUsage, type StorageUsage } from '../../core/errors';
import { DEFAULT_RETRY_POLICY } from '../../core/retryPolicy';
import type { EndpointConfig } from '../../core/schema/endpoint';
import {
  rolloutsNotCreated,
  type RolloutRecord,
  type RunRecord,
  type RunStatus,
} from '../../core/schema/run';
import type { MedevalDb } from '../../data/db';
import { countRollouts, getRun, moveRolloutStatus, patchRun } from '../../data/runStore';
import { createClient, type DeadlineTimer } from '../../llm/client';
import { createScheduler, type Scheduler } from '../../llm/scheduler';
import type { EndpointContext } from './callEndpoint';
import { dexieResponseCache } from './responseCache';
import { advanceRollout } from './rolloutSteps';
import { createRolloutJournal, type RolloutJournal } from './rolloutJournal';
import { openRunQueue, type CreatedKeys } from './runQueue';
import { CREATION_CHUNK, createNextRollouts } from './runCreation';
import { createLiveReport, type LiveReport } from './liveReport';
import { protocolFromUrl, type RunLiveState } from '../../core/runLive';
import { listRolloutsAfter } from '../../data/runStore';
import { resolveRunEnv, type RunEnv } from '../../core/envs/runEnv';

/**
 * API keys by origin (`scheme://host[:port]`, as core/endpointOrigin's `originOf` gives it). Each
 * request carries the key of the origin it goes to and no other (issue 10), so one set of keys serves
 * a run, a re-score or a whole suite, whatever endpoints each of them uses.
 */
export type RunKeys = Readonly<Record<string, string>>;

/** The key for requests to `endpoint`: its origin's, or '' (sent without Authorization). */
function keyForEndpoint(keys: RunKeys, endpoint: EndpointConfig): string {
  const origin = originOf(endpoint.baseUrl);
  return origin !== null && Object.hasOwn(keys, origin) ? (keys[origin] ?? '') : '';
}

export interface RunEngineDeps {
  db: MedevalDb;
  fetch: typeof fetch;
  now: () => number;
  /** Receives the run's live figures a few times a second (the page shows them). */
  onLive?: (state: RunLiveState) => void;
  /** The protocol each endpoint speaks, as observed (llm/endpointProtocol). */
  protocolOf?: (url: string) => string;
  timeoutMs?: number;
  /** Each request's deadline timer (default: the wall clock); tests expire the requests they hang. */
  deadlineTimer?: DeadlineTimer;
  /** How full the site's storage is (navigator.storage.estimate), for a storage-full stop. */
  storageEstimate?: () => Promise<StorageUsage>;
  /** Retry waits; tests inject a fast one. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /**
   * Schedulers by endpoint, shared by several runs going at once (a suite run): their requests to one
   * endpoint then share one concurrency limit and one rate-limit backoff. Default: this run's own.
   */
  schedulers?: Map<string, Scheduler>;
}

export type StopReason = 'pause' | 'cancel';

/** One scheduler per endpoint (base URL + model), shared by the model and any judge on it. */
function schedulerFor(
  schedulers: Map<string, Scheduler>,
  endpoint: EndpointConfig,
  run: RunRecord,
  deps: RunEngineDeps,
): Scheduler {
  const id = `${endpoint.baseUrl}|${endpoint.model}`;
  let scheduler = schedulers.get(id);
  if (scheduler === undefined) {
    scheduler = createScheduler({
      policy: { ...DEFAULT_RETRY_POLICY, maxAttempts: run.settings.maxAttempts },
      initialConcurrency: run.settings.concurrency,
      ...(deps.sleep === undefined ? {} : { sleep: deps.sleep }),
    });
    schedulers.set(id, scheduler);
  }
  return scheduler;
}

function endpointContexts(
  run: RunRecord,
  keys: RunKeys,
  deps: RunEngineDeps,
  onRequest: () => void,
) {
  const schedulers = deps.schedulers ?? new Map<string, Scheduler>();
  const send = deps.fetch;
  const clientOpts = {
    fetch: ((input, init) => {
      onRequest();
      return send(input, init);
    }) satisfies typeof fetch,
    ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
    ...(deps.deadlineTimer === undefined ? {} : { deadlineTimer: deps.deadlineTimer }),
  };
  const make = (endpoint: EndpointConfig, key: string): EndpointContext => ({
    endpoint,
    client: createClient(endpoint, key, clientOpts),
    scheduler: schedulerFor(schedulers, endpoint, run, deps),
  });
  return {
    model: make(run.settings.model, keyForEndpoint(keys, run.settings.model)),
    judges: run.settings.judges.map((judge) => make(judge, keyForEndpoint(keys, judge))),
  };
}

/** Rollouts caught mid-generation go back to pending (their request was lost with the page). */
async function rewindInFlight(db: MedevalDb, runId: string): Promise<void> {
  await moveRolloutStatus(db, runId, 'generating', (rollout) => {
    rollout.status = rollout.generation === undefined ? 'pending' : 'judging';
  });
}

/**
 * A resumed run's earlier rollouts, read in small chunks for the live figures: one long read would
 * hold up the journal's writes behind it.
 */
async function seedLiveReport(db: MedevalDb, runId: string, report: LiveReport): Promise<void> {
  let after = '';
  for (;;) {
    const chunk = await listRolloutsAfter(db, runId, after, 200);
    report.seed(chunk);
    const lastKey = chunk.at(-1)?.key;
    if (lastKey === undefined || chunk.length < 200) return;
    after = lastKey;
  }
}

/** The dataset lost this example (deleted or re-imported): say so on the rollout, never skip silently. */
async function markExampleMissing(
  journal: RolloutJournal,
  rollout: RolloutRecord,
  now: () => number,
): Promise<void> {
  await journal.update(rollout.key, (r) => ({
    ...r,
    status: 'error',
    error: {
      kind: 'dataset_format',
      message: `Example ${r.example_id} (${r.exampleKey}) is no longer in the dataset this run uses.`,
      nextStep: 'Restore or re-download the dataset, then retry failed rollouts.',
      stage: 'generation',
    },
    updatedAt: now(),
  }));
}

/**
 * Creates the rollouts a run has not stored yet, a chunk per transaction, from when `start` is called
 * until every one exists or `signal` fires (a resume carries on from the stored count). `next`
 * resolves with each chunk's keys once stored (for the queue), or undefined when no more will come.
 */
function createBehindLanes(
  deps: RunEngineDeps,
  run: RunRecord,
  runEnv: RunEnv,
  signal: AbortSignal,
  on: { error: (error: AppError) => void; created: (count: number) => void },
): { start: () => void; next: CreatedKeys; done: Promise<void> } {
  const batches: string[][] = [];
  let isOver = run.creation === undefined;
  const waiting: (() => void)[] = [];
  const wake = () => {
    for (const resolve of waiting.splice(0)) resolve();
  };
  let started: () => void = () => undefined;
  const done = (async () => {
    await new Promise<void>((resolve) => (started = resolve));
    try {
      let creation = run.creation;
      while (creation !== undefined && !signal.aborted) {
        const chunk = await createNextRollouts(
          deps.db,
          { id: run.id, settings: run.settings, creation },
          runEnv,
          CREATION_CHUNK,
          deps.now(),
        );
        creation = chunk.creation;
        on.created(chunk.keys.length);
        batches.push(chunk.keys);
        wake();
      }
    } catch (error) {
      on.error(toAppError(error));
    } finally {
      isOver = true;
      wake();
    }
  })();
  if (isOver) started();
  return {
    start: () => started(),
    done,
    async next() {
      while (batches.length === 0 && !isOver) {
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      return batches.shift();
    },
  };
}

/**
 * Runs (or resumes) `runId` until every rollout is finished, the signal fires, or a run-stopping
 * failure occurs. Returns the run's final status.
 */
export async function executeRun(
  deps: RunEngineDeps,
  runId: string,
  keys: RunKeys,
  signal: AbortSignal,
  stopReason: () => StopReason,
): Promise<RunStatus> {
  const run = await getRun(deps.db, runId);
  if (run === undefined) throw new AppError('not_found', 'This run no longer exists.');
  const { env, envSettings } = resolveRunEnv(run.settings);
  await rewindInFlight(deps.db, runId);
  const cache = run.settings.useCache ? dexieResponseCache(deps.db) : null;
  const lanesStop = new AbortController();
  const laneSignal = AbortSignal.any([signal, lanesStop.signal]);
  const isStopping = () => laneSignal.aborted;
  let stopError: AppError | undefined;
  // A failure of the lanes or of the rollouts' creation stops the whole run before it pays for
  // another answer.
  const stopWith = (error: AppError) => {
    stopError ??= error;
    lanesStop.abort();
  };
  const report = createLiveReport({
    runId,
    // Rollouts not created yet count from the start (the plan knows them).
    total: (await countRollouts(deps.db, runId)) + rolloutsNotCreated(run),
    notCreated: rolloutsNotCreated(run),
    concurrency: run.settings.concurrency,
    modelId: run.settings.model.model,
    ...(run.kind === 'rescore' ? { paidSinceMs: run.createdAt } : {}),
    now: deps.now,
    protocolOf: deps.protocolOf ?? protocolFromUrl,
    send: deps.onLive ?? (() => undefined),
  });
  const creation = createBehindLanes(deps, run, { env, envSettings }, laneSignal, {
    error: stopWith,
    created: (count) => report.created(count),
  });
  const queue = await openRunQueue(deps.db, run, cache, { created: creation.next });
  await patchRun(deps.db, runId, {
    status: 'running',
    stopError: undefined,
    startedAt: run.startedAt ?? deps.now(),
    updatedAt: deps.now(),
  });

  // The rest of the rollouts are created once the first request has gone out (or a lane has
  // finished a rollout without one, or there is nothing else to do): creating a chunk holds this
  // thread for a while, and the first request must not wait for it (issue 14).
  let isCreating = false;
  const startCreation = () => {
    if (isCreating) return;
    isCreating = true;
    creation.start();
  };
  const endpoints = endpointContexts(run, keys, deps, startCreation);
  const journal = createRolloutJournal(deps.db, runId, {
    onCommitted: (rollout) => report.committed(rollout),
  });
  report.start();
  const seeded =
    run.startedAt === undefined ? Promise.resolve() : seedLiveReport(deps.db, runId, report);
  seeded.catch(() => undefined); // live figures only; the run does not depend on them
  const progress = { hasSucceeded: false };

  // A lane takes the next rollout only once every answer of its last one is stored, so the journal
  // never falls behind the network.
  const lane = async () => {
    const meter = report.lane();
    try {
      await work(meter);
    } finally {
      meter.close();
    }
  };
  const work = async (meter: ReturnType<LiveReport['lane']>) => {
    while (!laneSignal.aborted) {
      let work;
      try {
        work = await queue.next();
        if (work === undefined) return;
        const { rollout, example } = work;
        if (example === undefined) {
          await markExampleMissing(journal, rollout, deps.now);
          startCreation();
          continue;
        }
        await advanceRollout(
          {
            journal,
            settings: run.settings,
            ...endpoints,
            cache,
            now: deps.now,
            signal: laneSignal,
            meter,
            example,
            env,
            envSettings,
            progress,
          },
          rollout,
        );
        startCreation();
      } catch (error) {
        const appError = toAppError(error);
        // Cancelled by pause, cancel or another lane's stop; an abort from elsewhere (a failed
        // transaction) is a failure like any other.
        if (appError.kind === 'aborted' && isStopping()) return;
        // A run-stopping failure (bad key, unknown model…) or a storage failure: stop every lane
        // before it pays for another answer.
        stopWith(appError);
        return;
      }
    }
  };
  const lanes = Math.min(
    run.settings.concurrency,
    Math.max(1, queue.total + rolloutsNotCreated(run)),
  );
  const laneRuns = Array.from({ length: lanes }, lane);
  if (queue.total === 0) startCreation();
  await Promise.all(laneRuns);
  startCreation(); // stopped before any request: the creator sees the stop and ends
  // Lanes stop when the queue is empty, which it is only once creation ended (or stopped).
  await creation.done;
  await journal.settled();
  await cache?.flush();
  await rewindInFlight(deps.db, runId);
  await seeded.catch(() => undefined);
  report.finish();

  if (stopError?.kind === 'storage_quota') {
    // Say how full: a full disk is the user's to fix, and the figures say how much to free.
    const estimate = await deps.storageEstimate?.().catch(() => undefined);
    stopError = withStorageUsage(stopError, estimate);
  }

  const status: RunStatus = signal.aborted
    ? stopReason() === 'cancel'
      ? 'cancelled'
      : 'paused'
    : stopError !== undefined
      ? 'stopped'
      : 'done';
  try {
    await patchRun(deps.db, runId, {
      status,
      updatedAt: deps.now(),
      ...(status === 'done' ? { finishedAt: deps.now() } : {}),
      ...(stopError === undefined
        ? {}
        : {
            stopError: stopError.toStored(),
          }),
    });
  } catch (error) {
    // A disk too full to record even the stop: the caller still learns why the run stopped.
    throw stopError ?? error;
  }
  return status;
}
