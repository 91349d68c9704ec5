import { useCallback, useEffect, useState } from 'react';
import { isAborted, toAppError, type AppError } from '../../core/errors';
import type { RunSettings } from '../../core/schema/run';
import type { WorkerApi } from '../../worker/workerApi';
import { useServices } from '../appContext';
import type { RunKeys } from '../keys/resolveRunKeys';

type RescoreOptions = Parameters<WorkerApi['rescoreRun']>[1];

/** Errors of run-wide actions, by run id (`new` for a run that could not be created). */
type RunErrors = Readonly<Record<string, AppError>>;

export interface RunActions {
  /** Runs the worker of this tab is executing; null until first asked. */
  activeRuns: ReadonlySet<string> | null;
  errors: RunErrors;
  /**
   * Runs this tab's worker ran until a failure ended them. Their stored status may still say
   * running (a full disk refuses the write of the stop too): they were stopped, not interrupted.
   */
  failedRuns: ReadonlySet<string>;
  clearError: (runId: string) => void;
  /** Creates the run, reports its id (to navigate to it), then runs it. */
  start: (
    settings: RunSettings,
    name: string,
    keys: RunKeys,
    onCreated: (id: string) => void,
  ) => Promise<void>;
  resume: (runId: string, keys: RunKeys) => Promise<void>;
  retryFailed: (runId: string, keys: RunKeys) => Promise<void>;
  rescore: (
    parentId: string,
    options: RescoreOptions,
    name: string,
    keys: RunKeys,
    onCreated: (id: string) => void,
  ) => Promise<void>;
  stop: (runId: string, reason: 'pause' | 'cancel') => Promise<void>;
  remove: (runId: string) => Promise<void>;
}

/**
 * Everything the Run page can ask the worker to do with runs. Progress is not here: it is read live
 * from IndexedDB. `startRun` resolves only when the run ends or pauses; cancelling is not an error.
 */
export function useRunActions(): RunActions {
  const { worker } = useServices();
  const [activeRuns, setActiveRuns] = useState<ReadonlySet<string> | null>(null);
  const [errors, setErrors] = useState<RunErrors>({});
  const [failedRuns, setFailedRuns] = useState<ReadonlySet<string>>(new Set());

  const setError = useCallback((runId: string, error: AppError | null) => {
    setErrors((current) => {
      const { [runId]: _old, ...rest } = current;
      return error === null ? rest : { ...rest, [runId]: error };
    });
  }, []);

  const refresh = useCallback(async () => {
    try {
      setActiveRuns(new Set(await worker.activeRuns()));
    } catch (error) {
      setError('worker', toAppError(error));
    }
  }, [worker, setError]);

  // Poll once on mount: a run stored as running that no worker here runs was interrupted.
  useEffect(() => {
    let isCurrent = true;
    worker.activeRuns().then(
      (ids) => {
        if (isCurrent) setActiveRuns(new Set(ids));
      },
      (error: unknown) => {
        if (isCurrent) setError('worker', toAppError(error));
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [worker, setError]);

  /** Runs `work`, recording a failure (not a cancellation) against `runId`, then re-polls. */
  const guarded = useCallback(
    async (runId: string, work: () => Promise<unknown>) => {
      setError(runId, null);
      try {
        await work();
      } catch (error) {
        const appError = toAppError(error);
        if (appError.kind !== 'aborted') setError(runId, appError);
      } finally {
        await refresh();
      }
    },
    [refresh, setError],
  );

  const execute = useCallback(
    async (runId: string, keys: RunKeys) => {
      // The worker registers the run synchronously; mark it active without waiting for a poll.
      setActiveRuns((current) => new Set([...(current ?? []), runId]));
      setFailedRuns((current) => new Set([...current].filter((id) => id !== runId)));
      await guarded(runId, async () => {
        try {
          await worker.startRun(runId, keys);
        } catch (error) {
          if (!isAborted(error)) setFailedRuns((current) => new Set([...current, runId]));
          throw error;
        }
      });
    },
    [guarded, worker],
  );

  const created = useCallback(
    async (create: () => Promise<string>, keys: RunKeys, onCreated: (id: string) => void) => {
      let id: string;
      setError('new', null);
      try {
        id = await create();
      } catch (error) {
        setError('new', toAppError(error));
        return;
      }
      onCreated(id);
      await execute(id, keys);
    },
    [execute, setError],
  );

  return {
    activeRuns,
    errors,
    failedRuns,
    clearError: (runId) => setError(runId, null),
    start: (settings, name, keys, onCreated) =>
      created(() => worker.createRun(settings, name), keys, onCreated),
    resume: execute,
    retryFailed: async (runId, keys) => {
      let reset = 0;
      await guarded(runId, async () => {
        reset = await worker.retryFailed(runId);
      });
      if (reset > 0) await execute(runId, keys);
    },
    rescore: (parentId, options, name, keys, onCreated) =>
      created(() => worker.rescoreRun(parentId, options, name), keys, onCreated),
    stop: (runId, reason) => guarded(runId, () => worker.stopRun(runId, reason)),
    remove: (runId) => guarded(runId, () => worker.deleteRun(runId)),
  };
}
