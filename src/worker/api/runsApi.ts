// The runs part of the comlink surface: create, run or resume, pause or cancel, retry what failed,
// rescore, and the run's housekeeping (rename, duplicate, delete and undo, annotate). A run executes
// under a Web Lock named after it, so two tabs never run the same run.
import type { Annotation, RunSettings, RunStatus } from '../../core/schema/run';
import { runLockName } from '../../core/runLock';
import { patchRun } from '../../data/runStore';
import { saveEndpointProtocol } from '../../data/settingsStore';
import { watchProtocols } from '../../llm/endpointProtocol';
import type { Scheduler } from '../../llm/scheduler';
import { createRescoreRun, createRun, type RescoreOptions } from '../run/createRun';
import { retryFailedRollouts } from '../run/retryFailed';
import {
  annotateRollout,
  duplicateRun,
  purgeDeletedRuns,
  renameRun,
  softDeleteRun,
  undoDeleteRun,
} from '../run/runAdmin';
import { executeRun, type RunKeys, type StopReason } from '../run/runEngine';
import { transferErrors, type WorkerContext } from './workerContext';

export interface RunsApi {
  createRun(settings: RunSettings, name: string): Promise<string>;
  rescoreRun(parentRunId: string, options: RescoreOptions, name: string): Promise<string>;
  /** Runs or resumes a run; resolves with its status when it ends, pauses or stops. */
  startRun(runId: string, keys: RunKeys): Promise<RunStatus>;
  /** Pauses or cancels a run; false when it is not running in this worker. */
  stopRun(runId: string, reason: StopReason): Promise<boolean>;
  /** The ids of the runs running in this worker. */
  activeRuns(): Promise<string[]>;
  retryFailed(runId: string): Promise<number>;
  /** Hides a run at once; `undoDeleteRun` brings it back until it is purged. */
  deleteRun(runId: string): Promise<void>;
  undoDeleteRun(runId: string): Promise<void>;
  purgeDeletedRuns(): Promise<number>;
  renameRun(runId: string, name: string): Promise<void>;
  duplicateRun(runId: string, name: string): Promise<string>;
  annotateRollout(runId: string, key: string, annotation: Annotation): Promise<void>;
}

/** Running and stopping one run, as `startRun` and a suite's runs both do. */
export interface RunControl {
  /** Runs or resumes one run under its lock and job; a suite passes its shared schedulers. */
  runOne(runId: string, keys: RunKeys, schedulers?: Map<string, Scheduler>): Promise<RunStatus>;
  stopRun(runId: string, reason: StopReason): Promise<boolean>;
}

const RUN_JOB = 'run:';

export function createRunControl(ctx: WorkerContext): RunControl {
  const { deps, jobs } = ctx;
  // Every response this worker receives tells its host's protocol; the run form reads what was seen.
  const protocols = watchProtocols((origin, protocol) => {
    saveEndpointProtocol(deps.db, origin, protocol).catch((error: unknown) => {
      console.warn('Could not remember an endpoint protocol', error);
    });
  });
  const stopReasons = new Map<string, StopReason>();
  const lock = deps.withExclusiveLock ?? ((_name, work) => work());

  return {
    runOne(runId, keys, schedulers) {
      return lock(runLockName(runId), () =>
        ctx.withJob(`${RUN_JOB}${runId}`, (signal) =>
          executeRun(
            {
              db: deps.db,
              fetch: deps.fetch,
              now: Date.now,
              protocolOf: (url: string) => protocols.protocolOf(url),
              storageEstimate: async () => navigator.storage.estimate(),
              ...(deps.reportLive === undefined ? {} : { onLive: deps.reportLive }),
              ...(schedulers === undefined ? {} : { schedulers }),
            },
            runId,
            keys,
            signal,
            () => stopReasons.get(runId) ?? 'pause',
          ),
        ),
      );
    },
    stopRun(runId, reason) {
      if (!jobs.isRunning(`${RUN_JOB}${runId}`)) {
        // Not running here (e.g. interrupted by a reload): record the user's choice directly.
        if (reason === 'cancel') {
          return transferErrors(async () => {
            await patchRun(deps.db, runId, { status: 'cancelled', updatedAt: Date.now() });
            return false;
          });
        }
        return Promise.resolve(false);
      }
      stopReasons.set(runId, reason);
      jobs.cancel(`${RUN_JOB}${runId}`);
      return Promise.resolve(true);
    },
  };
}

export function createRunsApi(ctx: WorkerContext, control: RunControl): RunsApi {
  const { db, runDeps } = ctx;
  return {
    createRun(settings, name) {
      return transferErrors(() => createRun(runDeps, settings, name));
    },
    rescoreRun(parentRunId, options, name) {
      return transferErrors(() => createRescoreRun(runDeps, parentRunId, options, name));
    },
    startRun(runId, keys) {
      return transferErrors(() => control.runOne(runId, keys));
    },
    stopRun: (runId, reason) => control.stopRun(runId, reason),
    activeRuns() {
      return Promise.resolve(ctx.jobs.running(RUN_JOB));
    },
    retryFailed(runId) {
      return transferErrors(() => retryFailedRollouts(db, runId, Date.now()));
    },
    deleteRun(runId) {
      return transferErrors(() => softDeleteRun(db, runId, Date.now()));
    },
    undoDeleteRun(runId) {
      return transferErrors(() => undoDeleteRun(db, runId));
    },
    purgeDeletedRuns() {
      return transferErrors(() => purgeDeletedRuns(db, Date.now()));
    },
    renameRun(runId, name) {
      return transferErrors(() => renameRun(db, runId, name, Date.now()));
    },
    duplicateRun(runId, name) {
      return transferErrors(() => duplicateRun(runDeps, runId, name));
    },
    annotateRollout(runId, key, annotation) {
      return transferErrors(() => annotateRollout(db, runId, key, annotation, Date.now()));
    },
  };
}
