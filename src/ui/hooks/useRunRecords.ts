import { useLiveQuery } from 'dexie-react-hooks';
import type { RunOverview } from '../../core/runOverview';
import { rolloutsNotCreated, type RolloutRecord, type RunRecord } from '../../core/schema/run';
import { useServices } from '../appContext';
import { useThrottledLiveQuery } from './useThrottledLiveQuery';

// Live views of runs: the worker writes every rollout step to IndexedDB and these re-render.

/** Every run, newest first. */
export function useRunRecords(): RunRecord[] | undefined {
  const { db } = useServices();
  // runs has no createdAt index (data/db.ts); the list is small, so sort in memory.
  return useLiveQuery(
    async () =>
      (await db.runs.toArray())
        .filter((run) => run.deletedAt === undefined)
        .sort((a, b) => b.createdAt - a.createdAt),
    [db],
  );
}

/** One run; null when it does not exist (e.g. a stale link). */
export function useRunRecord(runId: string | null): RunRecord | null | undefined {
  const { db } = useServices();
  return useLiveQuery(
    async () => (runId === null ? null : ((await db.runs.get(runId)) ?? null)),
    [db, runId],
  );
}

/**
 * A run's figures and compact table rows, built by the worker from its stored rollouts (reading
 * thousands of full rollouts and bootstrapping their rewards here cost the main thread tasks of
 * 60–180 ms, issue 14). With `isPaused` (the run is live and reports itself) nothing is re-read
 * while the worker writes.
 */
export function useRunOverview(
  run: Pick<RunRecord, 'id' | 'kind' | 'createdAt' | 'settings' | 'creation'>,
  isPaused = false,
): RunOverview | undefined {
  const { worker } = useServices();
  const modelId = run.settings.model.model;
  const paidSinceMs = run.kind === 'rescore' ? run.createdAt : undefined;
  const notCreated = rolloutsNotCreated(run);
  return useThrottledLiveQuery(
    () =>
      worker.runOverview(run.id, {
        modelId,
        notCreated,
        ...(paidSinceMs === undefined ? {} : { paidSinceMs }),
      }),
    [worker, run.id, modelId, paidSinceMs, notCreated],
    250,
    isPaused,
  );
}

/** One stored rollout (the full record: prompt, reply, judges' answers), read when it is opened. */
export function useRollout(runId: string, key: string | null): RolloutRecord | null | undefined {
  const { db } = useServices();
  return useLiveQuery(
    async () => (key === null ? null : ((await db.rollouts.get([runId, key])) ?? null)),
    [db, runId, key],
  );
}
