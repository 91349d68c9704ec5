import { useEffect, useMemo } from 'react';
import { buildLeaderboard, type Leaderboard } from '../../../core/suites/leaderboard';
import type { Suite } from '../../../core/suites/suite';
import { resolveSuite } from '../../../core/suites/suitePlan';
import { useServices } from '../../appContext';
import { useThrottledLiveQuery } from '../../hooks/useThrottledLiveQuery';

/**
 * The leaderboard of a suite from run records and their digests (small records: never a rollout).
 * Runs whose digest is missing or older than the run are digested by the worker, off this thread;
 * the live query then picks the new digests up.
 */
export function useLeaderboard(suite: Suite | undefined): Leaderboard | undefined {
  const { db, worker } = useServices();
  const data = useThrottledLiveQuery(
    async () => {
      const [runs, digests, suiteRuns] = await Promise.all([
        db.runs.toArray(),
        db.runDigests.toArray(),
        db.suiteRuns.toArray(),
      ]);
      return { runs: runs.filter((run) => run.deletedAt === undefined), digests, suiteRuns };
    },
    [db],
    500,
  );
  const entries = useMemo(() => (suite === undefined ? [] : resolveSuite(suite)), [suite]);
  const board = useMemo(() => {
    if (data === undefined || suite === undefined) return undefined;
    const digestOf = new Map(data.digests.map((digest) => [digest.runId, digest]));
    const entryOf = new Map(
      data.suiteRuns
        .filter((record) => record.suite.id === suite.id)
        .flatMap((record) => record.entries.map((entry) => [entry.runId, entry.key] as const)),
    );
    return buildLeaderboard(
      entries,
      data.runs.map((run) => {
        const key = entryOf.get(run.id);
        return {
          run,
          digest: digestOf.get(run.id),
          ...(key === undefined ? {} : { suiteEntryKey: key }),
        };
      }),
    );
  }, [data, entries, suite]);
  const stale = useMemo(() => {
    if (data === undefined || board === undefined) return [];
    const updatedAt = new Map(data.runs.map((run) => [run.id, run.updatedAt]));
    return board.rows.flatMap((row) =>
      [...row.cells.values()]
        .filter((cell) => cell.digest?.runUpdatedAt !== updatedAt.get(cell.runId))
        .map((cell) => cell.runId),
    );
  }, [board, data]);
  const staleKey = stale.join(',');
  useEffect(() => {
    if (staleKey === '') return;
    worker.call('refreshRunDigests', staleKey.split(',')).catch((error: unknown) => {
      console.warn('Could not update the leaderboard’s run summaries:', error);
    });
  }, [staleKey, worker]);
  return board;
}
