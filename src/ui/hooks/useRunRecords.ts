import { useLiveQuery } from 'dexie-react-hooks';
import type { RolloutRecord, RunRecord } from '../../core/schema/run';
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
 * A run's rollouts. With `isPaused` (the run is live and reports itself) they are not re-read as
 * the worker writes them: reading thousands of rollouts several times a second kept the main
 * thread busy and slowed the run (issue 14).
 */
export function useRunRollouts(runId: string, isPaused = false): RolloutRecord[] | undefined {
  const { db } = useServices();
  return useThrottledLiveQuery(
    () => db.rollouts.where('runId').equals(runId).toArray(),
    [db, runId],
    250,
    isPaused,
  );
}
