// Reads and writes of runs and rollouts. Each rollout step is one transaction (the journal a resumed
// run continues from); a run and all its pending rollouts are created together or not at all.
import type { CachedResponse, RolloutRecord, RolloutStatus, RunRecord } from '../core/schema/run';
import type { MedevalDb } from './db';

export async function createRunWithRollouts(
  db: MedevalDb,
  run: RunRecord,
  rollouts: readonly RolloutRecord[],
): Promise<void> {
  await db.transaction('rw', db.runs, db.rollouts, async () => {
    await db.runs.add(run);
    await db.rollouts.bulkAdd([...rollouts]);
  });
}

export async function getRun(db: MedevalDb, runId: string): Promise<RunRecord | undefined> {
  return db.runs.get(runId);
}

export async function patchRun(
  db: MedevalDb,
  runId: string,
  patch: Partial<RunRecord>,
): Promise<void> {
  await db.runs.update(runId, patch);
}

export async function listRollouts(db: MedevalDb, runId: string): Promise<RolloutRecord[]> {
  return db.rollouts.where('runId').equals(runId).toArray();
}

export async function putRollout(db: MedevalDb, rollout: RolloutRecord): Promise<void> {
  await db.rollouts.put(rollout);
}

/** Read-modify-write of one rollout in a single transaction (judges of one rollout finish concurrently). */
export async function updateRollout(
  db: MedevalDb,
  runId: string,
  key: string,
  change: (rollout: RolloutRecord) => RolloutRecord,
): Promise<RolloutRecord | undefined> {
  return db.transaction('rw', db.rollouts, async () => {
    const current = await db.rollouts.get([runId, key]);
    if (current === undefined) return undefined;
    const next = change(current);
    await db.rollouts.put(next);
    return next;
  });
}

/** Moves every rollout of a run from one status to another (e.g. in-flight ones back to pending). */
export async function moveRolloutStatus(
  db: MedevalDb,
  runId: string,
  from: RolloutStatus,
  change: (rollout: RolloutRecord) => void,
): Promise<number> {
  return db.rollouts.where('[runId+status]').equals([runId, from]).modify(change);
}

export async function getCachedResponse(
  db: MedevalDb,
  key: string,
): Promise<CachedResponse | undefined> {
  return db.responseCache.get(key);
}

export async function putCachedResponse(db: MedevalDb, entry: CachedResponse): Promise<void> {
  await db.responseCache.put(entry);
}

export async function deleteRun(db: MedevalDb, runId: string): Promise<void> {
  await db.transaction('rw', db.runs, db.rollouts, async () => {
    await db.rollouts.where('runId').equals(runId).delete();
    await db.runs.delete(runId);
  });
}
