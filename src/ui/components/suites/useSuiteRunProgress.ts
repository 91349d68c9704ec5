import { rolloutsNotCreated, type RunRecord } from '../../../core/schema/run';
import type { SuiteRunRecord } from '../../../core/suites/suiteRun';
import { useServices } from '../../appContext';
import { useThrottledLiveQuery } from '../../hooks/useThrottledLiveQuery';

export interface RunProgress {
  run: RunRecord;
  total: number;
  done: number;
  failed: number;
  unscored: number;
}

/** Each run of a suite run with its rollout counts, read through the status index (no rollout is read). */
export function useSuiteRunProgress(record: SuiteRunRecord): RunProgress[] | undefined {
  const { db } = useServices();
  const ids = record.entries.flatMap((entry) => (entry.runId === undefined ? [] : [entry.runId]));
  return useThrottledLiveQuery(
    async () => {
      const runs = await db.runs.bulkGet(ids);
      const count = (runId: string, status: string) =>
        db.rollouts.where('[runId+status]').equals([runId, status]).count();
      return Promise.all(
        runs.flatMap((run) =>
          // A deleted run (hidden until purged) is no longer part of the suite run's progress.
          run === undefined || run.deletedAt !== undefined
            ? []
            : [
                (async () => ({
                  run,
                  total:
                    (await db.rollouts.where('runId').equals(run.id).count()) +
                    rolloutsNotCreated(run),
                  done: await count(run.id, 'done'),
                  failed: await count(run.id, 'error'),
                  unscored: await count(run.id, 'unscored'),
                }))(),
              ],
        ),
      );
    },
    [db, ids.join(',')],
    750,
  );
}
