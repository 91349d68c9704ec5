import { useEffect, useMemo, useState } from 'react';
import {
  buildLeaderboard,
  winRateRequest,
  winRateRequestKey,
  withWinRates,
  type Leaderboard,
  type LeaderboardWinRates,
} from '../../../core/suites/leaderboard';
import { isCurrentDigest, isFreshDigest } from '../../../core/suites/runDigest';
import type { Suite } from '../../../core/suites/suite';
import { resolveSuite } from '../../../core/suites/suitePlan';
import { useServices } from '../../appContext';
import { useThrottledLiveQuery } from '../../hooks/useThrottledLiveQuery';
import { readLeaderboardRecords, takePrefetchedLeaderboard } from './leaderboardRecords';

/**
 * The leaderboard of a suite from run records and their digests (small records: never a rollout nor
 * a per-example reward). Runs whose digest is missing or older than the run are digested by the
 * worker, off this thread; the live query then picks the new digests up. The win rates, which need
 * every cell's per-example rewards, are computed by the worker and joined when they arrive.
 */
export function useLeaderboard(suite: Suite | undefined): Leaderboard | undefined {
  const { db, worker } = useServices();
  const data = useThrottledLiveQuery(
    () => takePrefetchedLeaderboard() ?? readLeaderboardRecords(db),
    [db],
    500,
  );
  const entries = useMemo(() => (suite === undefined ? [] : resolveSuite(suite)), [suite]);
  const board = useMemo(() => {
    if (data === undefined || suite === undefined) return undefined;
    // A digest of an older shape waits, like a missing one, for the worker to recompute it.
    const digestOf = new Map(
      data.digests.flatMap((digest) =>
        isCurrentDigest(digest) ? [[digest.runId, digest] as const] : [],
      ),
    );
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
    const runOf = new Map(data.runs.map((run) => [run.id, run]));
    return board.rows.flatMap((row) =>
      [...row.cells.values()]
        .filter((cell) => {
          const run = runOf.get(cell.runId);
          return run !== undefined && !isFreshDigest(cell.digest, run);
        })
        .map((cell) => cell.runId),
    );
  }, [board, data]);
  const staleKey = stale.join(',');
  useEffect(() => {
    if (staleKey === '') return;
    worker.refreshRunDigests(staleKey.split(',')).catch((error: unknown) => {
      console.warn('Could not update the leaderboard’s run summaries:', error);
    });
  }, [staleKey, worker]);

  const requestKey = board === undefined ? undefined : winRateRequestKey(board);
  const [winRates, setWinRates] = useState<{ key: string; rates: LeaderboardWinRates }>();
  useEffect(() => {
    if (board === undefined || requestKey === undefined) return;
    let current = true;
    worker
      .leaderboardWinRates(winRateRequest(board))
      .then((rates) => {
        if (current) setWinRates({ key: requestKey, rates });
      })
      .catch((error: unknown) => {
        console.warn('Could not compute the leaderboard’s win rates:', error);
      });
    return () => {
      current = false;
    };
    // The request changes only when its key does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestKey, worker]);
  return useMemo(
    () =>
      board === undefined
        ? undefined
        : withWinRates(board, winRates?.key === requestKey ? winRates?.rates : undefined),
    [board, winRates, requestKey],
  );
}
