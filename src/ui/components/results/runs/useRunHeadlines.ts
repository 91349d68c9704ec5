import { computeRunHeadline, type RunHeadline } from '../../../../core/results/runStats';
import { useServices } from '../../../appContext';
import { useThrottledLiveQuery } from '../../../hooks/useThrottledLiveQuery';

/**
 * Headline numbers per run, computed inside the query so only a few numbers per run stay in memory
 * (not every row). Re-read at most every 2 s: a running run writes several rows a second, and ~20
 * runs × ~1,000 compact rows is a read worth not repeating on each write.
 */
export function useRunHeadlines(runIds: readonly string[]): Map<string, RunHeadline> | undefined {
  const { db } = useServices();
  const key = runIds.join(',');
  return useThrottledLiveQuery(
    async () => {
      const headlines = new Map<string, RunHeadline>();
      for (const id of runIds) {
        const rows = await db.rolloutRows.where('runId').equals(id).toArray();
        headlines.set(id, computeRunHeadline(rows));
      }
      return headlines;
    },
    [db, key],
    2000,
  );
}
