// The records a leaderboard is built from (runs, their digests, suite runs), read in one go; and, when
// the app starts on `#/leaderboard`, that read started at startup, while the page's chunk loads.
import type { RunRecord } from '../../../core/schema/run';
import type { StoredRunDigest } from '../../../core/suites/runDigest';
import type { SuiteRunRecord } from '../../../core/suites/suiteRun';
import type { MedevalDb } from '../../../data/db';
import { parseHash } from '../../hooks/useHashRoute';

export interface LeaderboardRecords {
  runs: RunRecord[];
  digests: StoredRunDigest[];
  suiteRuns: SuiteRunRecord[];
}

export async function readLeaderboardRecords(db: MedevalDb): Promise<LeaderboardRecords> {
  const [runs, digests, suiteRuns] = await Promise.all([
    db.runs.toArray(),
    db.runDigests.toArray(),
    db.suiteRuns.toArray(),
  ]);
  return { runs: runs.filter((run) => run.deletedAt === undefined), digests, suiteRuns };
}

let prefetched: Promise<LeaderboardRecords> | undefined;

export function prefetchLeaderboardForLocation(db: MedevalDb, hash: string): void {
  if (parseHash(hash).page !== 'leaderboard') return;
  prefetched = readLeaderboardRecords(db);
  // If the page never asks for it, a failed read is simply not used (the page reads again).
  prefetched.catch(() => undefined);
}

/** The prefetched read, once; later reads go to the database. */
export function takePrefetchedLeaderboard(): Promise<LeaderboardRecords> | undefined {
  const records = prefetched;
  prefetched = undefined;
  return records;
}
