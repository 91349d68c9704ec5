// The suites part of the comlink surface (issue 15): suite runs (create, run, pause or cancel, retry
// what failed), their estimate, stored suite files, and run digests for the leaderboard. A suite run
// executes its runs a few at a time through the ordinary run engine, all sharing one scheduler per
// endpoint, so the user's concurrency and a provider's rate limits hold across the whole suite.
import { AppError } from '../../core/errors';
import type { PriceHint } from '../../core/presets';
import type { RunStatus } from '../../core/schema/run';
import { StoredSuiteSchema, type StoredSuite } from '../../core/suites/suiteRun';
import type { MedevalDb } from '../../data/db';
import type { Scheduler } from '../../llm/scheduler';
import type { CreateRunDeps } from '../run/createRun';
import { retryFailedRollouts } from '../run/retryFailed';
import type { RunKeys, StopReason } from '../run/runEngine';
import { createSuiteRun, type SuiteRunRequest } from './createSuiteRun';
import { estimateSuiteRun, type SuiteEstimate } from './estimateSuiteRun';
import type { LeaderboardWinRates, WinRateRequest } from '../../core/suites/leaderboard';
import { computeLeaderboardWinRates, refreshRunDigests } from './runDigests';

/** Runs of one suite going at once; their requests share the endpoint's concurrency limit. */
const SUITE_PARALLEL_RUNS = 4;

export interface SuitesApi {
  /** Brings the digests of these runs up to date (the leaderboard asks for the stale ones). */
  refreshRunDigests(runIds: string[]): Promise<number>;
  /** MedARC's win rates of a leaderboard's cells, from their stored rewards (read only here). */
  leaderboardWinRates(request: WinRateRequest[]): Promise<LeaderboardWinRates>;
  /** Creates one run per runnable entry of the suite; resolves with the suite run's id. */
  createSuiteRun(request: SuiteRunRequest): Promise<string>;
  estimateSuiteRun(
    request: Omit<SuiteRunRequest, 'name'>,
    prices: Record<string, PriceHint>,
  ): Promise<SuiteEstimate>;
  /** Runs (or resumes) every unfinished run of the suite run; resolves when all end or it stops. */
  startSuiteRun(suiteRunId: string, keys: RunKeys): Promise<RunStatus>;
  /** Pauses (or cancels) every run of the suite run, and starts no more. */
  stopSuiteRun(suiteRunId: string, reason: StopReason): Promise<void>;
  /** Puts every failed or unscored rollout of the suite's runs back in the queue. */
  retrySuiteRun(suiteRunId: string): Promise<number>;
  saveSuite(suite: StoredSuite): Promise<void>;
  deleteSuite(suiteId: string): Promise<void>;
}

export interface SuitesApiContext {
  db: MedevalDb;
  runDeps: CreateRunDeps;
  withJob: <T>(jobId: string, work: (signal: AbortSignal) => Promise<T>) => Promise<T>;
  transferErrors: <T>(work: () => Promise<T>) => Promise<T>;
  /** Runs one run as `startRun` does (lock, job), with the suite's shared schedulers. */
  runOne: (runId: string, keys: RunKeys, schedulers: Map<string, Scheduler>) => Promise<RunStatus>;
  stopRun: (runId: string, reason: StopReason) => Promise<boolean>;
  cancelJob: (jobId: string) => boolean;
}

/** The suite run's runs that are still stored and not deleted (a deleted one is neither run nor retried). */
async function suiteRunIds(db: MedevalDb, suiteRunId: string): Promise<string[]> {
  const record = await db.suiteRuns.get(suiteRunId);
  if (record === undefined) throw new AppError('not_found', 'This suite run no longer exists.');
  const ids = record.entries.flatMap((entry) => (entry.runId === undefined ? [] : [entry.runId]));
  const runs = await db.runs.bulkGet(ids);
  return ids.filter((_, i) => runs[i] !== undefined && runs[i].deletedAt === undefined);
}

async function executeSuite(
  ctx: SuitesApiContext,
  suiteRunId: string,
  keys: RunKeys,
  signal: AbortSignal,
): Promise<RunStatus> {
  const ids = await suiteRunIds(ctx.db, suiteRunId);
  const runs = await ctx.db.runs.bulkGet(ids);
  const todo = ids.filter((_, i) => {
    const status = runs[i]?.status;
    return status !== undefined && status !== 'done' && status !== 'cancelled';
  });
  const schedulers = new Map<string, Scheduler>();
  let next = 0;
  const state = { stopped: false };
  const lane = async () => {
    while (!signal.aborted && !state.stopped) {
      const runId = todo[next++];
      if (runId === undefined) return;
      const status = await ctx.runOne(runId, keys, schedulers);
      await refreshRunDigests(ctx.db, [runId]);
      // A run stopped by a failure no retry fixes (a bad key…) would stop every other run too.
      if (status === 'stopped') state.stopped = true;
    }
  };
  await Promise.all(Array.from({ length: Math.min(SUITE_PARALLEL_RUNS, todo.length) }, lane));
  if (state.stopped) return 'stopped';
  return signal.aborted ? 'paused' : 'done';
}

export function createSuitesApi(ctx: SuitesApiContext): SuitesApi {
  const { db, transferErrors } = ctx;
  return {
    /** Brings the digests of these runs up to date (the leaderboard asks for the stale ones). */
    refreshRunDigests(runIds: string[]): Promise<number> {
      return transferErrors(() => refreshRunDigests(db, runIds));
    },
    /** MedARC's win rates of a leaderboard's cells, from their stored rewards (read only here). */
    leaderboardWinRates(request: WinRateRequest[]): Promise<LeaderboardWinRates> {
      return transferErrors(() => computeLeaderboardWinRates(db, request));
    },
    /** Creates one run per runnable entry of the suite; resolves with the suite run's id. */
    createSuiteRun(request: SuiteRunRequest): Promise<string> {
      return transferErrors(() => createSuiteRun(ctx.runDeps, request));
    },
    estimateSuiteRun(
      request: Omit<SuiteRunRequest, 'name'>,
      prices: Record<string, PriceHint>,
    ): Promise<SuiteEstimate> {
      return transferErrors(() => estimateSuiteRun(db, request, prices));
    },
    /** Runs (or resumes) every unfinished run of the suite run; resolves when all end or it stops. */
    startSuiteRun(suiteRunId: string, keys: RunKeys): Promise<RunStatus> {
      return transferErrors(() =>
        ctx.withJob(`suite:${suiteRunId}`, (signal) => executeSuite(ctx, suiteRunId, keys, signal)),
      );
    },
    /** Pauses (or cancels) every run of the suite run, and starts no more. */
    stopSuiteRun(suiteRunId: string, reason: StopReason): Promise<void> {
      return transferErrors(async () => {
        ctx.cancelJob(`suite:${suiteRunId}`);
        for (const runId of await suiteRunIds(db, suiteRunId)) await ctx.stopRun(runId, reason);
      });
    },
    /** Puts every failed or unscored rollout of the suite's runs back in the queue. */
    retrySuiteRun(suiteRunId: string): Promise<number> {
      return transferErrors(async () => {
        let reset = 0;
        for (const runId of await suiteRunIds(db, suiteRunId)) {
          const count = await retryFailedRollouts(db, runId, ctx.runDeps.now());
          if (count > 0) {
            const run = await db.runs.get(runId);
            if (run?.status === 'done') {
              await db.runs.update(runId, { status: 'paused', updatedAt: ctx.runDeps.now() });
            }
          }
          reset += count;
        }
        return reset;
      });
    },
    saveSuite(suite: StoredSuite): Promise<void> {
      return transferErrors(async () => {
        const parsed = StoredSuiteSchema.safeParse(suite);
        if (!parsed.success) throw new AppError('bad_request', 'This suite is not valid.');
        await db.suites.put(parsed.data);
      });
    },
    deleteSuite(suiteId: string): Promise<void> {
      return transferErrors(() => db.suites.delete(suiteId));
    },
  };
}
