// Keeps run digests (core/suites/runDigest) fresh: a run's digest is recomputed in the worker from its
// compact rows when the run changed since (its updatedAt or its row count), so the leaderboard on the
// main thread reads only small records and never a rollout's text.
import { digestRun, type RunDigest } from '../../core/suites/runDigest';
import type { MedevalDb } from '../../data/db';

/** Recomputes the digests of `runIds` that are missing or stale; returns how many were written. */
export async function refreshRunDigests(db: MedevalDb, runIds: readonly string[]): Promise<number> {
  const runs = await db.runs.bulkGet([...runIds]);
  const digests = await db.runDigests.bulkGet([...runIds]);
  let written = 0;
  for (const [i, run] of runs.entries()) {
    if (run === undefined) continue;
    const current = digests[i];
    const rows = await db.rolloutRows.where('runId').equals(run.id).count();
    if (current !== undefined && current.runUpdatedAt === run.updatedAt && current.rows === rows) {
      continue;
    }
    const digest: RunDigest = digestRun(
      run.id,
      run.updatedAt,
      await db.rolloutRows.where('runId').equals(run.id).toArray(),
    );
    await db.runDigests.put(digest);
    written++;
  }
  return written;
}
