import { useLiveQuery } from 'dexie-react-hooks';
import { BUILT_IN_SUITES, MEDMARKS_VERIFIED_ID } from '../../core/suites/medmarksVerified';
import type { Suite } from '../../core/suites/suite';
import type { SuiteRunRecord } from '../../core/suites/suiteRun';
import { useServices } from '../appContext';

// Suites the app ships, then those the user imported (stored), by id; and suite runs, newest first.

export function useSuites(): Suite[] | undefined {
  const { db } = useServices();
  const stored = useLiveQuery(() => db.suites.orderBy('updatedAt').reverse().toArray(), [db]);
  return stored === undefined ? undefined : [...BUILT_IN_SUITES, ...stored];
}

/** The suite with this id, or the built-in Medmarks verified when there is none. */
export function pickSuite(suites: readonly Suite[], id: string | null): Suite | undefined {
  return (
    suites.find((suite) => suite.id === id) ?? suites.find((s) => s.id === MEDMARKS_VERIFIED_ID)
  );
}

export function useSuiteRuns(): SuiteRunRecord[] | undefined {
  const { db } = useServices();
  return useLiveQuery(() => db.suiteRuns.orderBy('createdAt').reverse().toArray(), [db]);
}

export function useSuiteRun(id: string | null): SuiteRunRecord | null | undefined {
  const { db } = useServices();
  return useLiveQuery(
    async () => (id === null ? null : ((await db.suiteRuns.get(id)) ?? null)),
    [db, id],
  );
}
