import type { RolloutRow } from '../../../../core/results/rolloutRow';
import type { RolloutRecord, RunRecord } from '../../../../core/schema/run';
import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../../appContext';
import { useThrottledLiveQuery } from '../../../hooks/useThrottledLiveQuery';

export interface CompareData {
  /** In the order asked for; null where a run does not exist (a stale link) or was deleted. */
  runs: (RunRecord | null)[];
  rows: RolloutRow[][];
}

/** The runs being compared and their compact rows (one query for all of them). */
export function useCompareData(runIds: readonly string[]): CompareData | undefined {
  const { db } = useServices();
  return useThrottledLiveQuery(
    async () => {
      const runs = await db.runs.bulkGet([...runIds]);
      const all = await db.rolloutRows
        .where('runId')
        .anyOf([...runIds])
        .toArray();
      return {
        runs: runs.map((run) => (run === undefined || run.deletedAt !== undefined ? null : run)),
        rows: runIds.map((id) => all.filter((row) => row.runId === id)),
      };
    },
    [db, runIds.join(',')],
    1000,
  );
}

/** The full rollouts (with responses) of the given [runId, key] pairs; null where one is missing. */
export function useRollouts(
  keys: readonly [string, string][],
): (RolloutRecord | null)[] | undefined {
  const { db } = useServices();
  return useLiveQuery(
    async () => (await db.rollouts.bulkGet([...keys])).map((rollout) => rollout ?? null),
    [db, keys.map((key) => key.join(':')).join('|')],
  );
}
