// Keeps run digests (core/suites/runDigest) fresh: a run's digest and rewards are recomputed in the
// worker from its compact rows when the run changed since (its updatedAt or its row count) or an older
// version of the code wrote them, so the leaderboard on the main thread reads only small records,
// never a rollout; and computes MedARC's win rates from the rewards, here rather than on the page.
import type { LeaderboardWinRates, WinRateRequest } from '../../core/suites/leaderboard';
import { leaderboardWinRates } from '../../core/suites/leaderboard';
import { digestRun, isFreshDigest, type RunRewards } from '../../core/suites/runDigest';
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
    if (isFreshDigest(current, run) && current.rows === rows) continue;
    const { digest, rewards } = digestRun(
      run.id,
      run.updatedAt,
      await db.rolloutRows.where('runId').equals(run.id).toArray(),
    );
    // A run deleted while its rows were read leaves no digest behind.
    const isStored = await db.transaction('rw', db.runs, db.runDigests, db.runRewards, async () => {
      if ((await db.runs.where('id').equals(run.id).count()) === 0) return false;
      await db.runDigests.put(digest);
      await db.runRewards.put(rewards);
      return true;
    });
    if (isStored) written++;
  }
  return written;
}

/** Win rates for the page's request, reading the runs' rewards (a run without any counts as absent). */
export async function computeLeaderboardWinRates(
  db: MedevalDb,
  request: readonly WinRateRequest[],
): Promise<LeaderboardWinRates> {
  const runIds = [...new Set(request.flatMap((dataset) => dataset.runs.map(([, id]) => id)))];
  const found = await db.runRewards.bulkGet(runIds);
  const byRun = new Map<string, RunRewards>();
  for (const rewards of found) if (rewards !== undefined) byRun.set(rewards.runId, rewards);
  return leaderboardWinRates(request, (runId) => byRun.get(runId));
}
