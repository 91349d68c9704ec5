// Reads and writes of runs and rollouts. Each rollout step is one transaction (the journal a resumed
// run continues from); a run and all its pending rollouts are created together or not at all.
import type { CachedResponse, RolloutRecord, RolloutStatus, RunRecord } from '../core/schema/run';
import { toRolloutRow } from '../core/results/rolloutRow';
import Dexie from 'dexie';
import { AppError } from '../core/errors';
import type { MedevalDb } from './db';

// Every write of a rollout also writes its compact row (core/results/rolloutRow), in the same
// transaction, so the results table never disagrees with the rollouts it summarises.

export async function createRunWithRollouts(
  db: MedevalDb,
  run: RunRecord,
  rollouts: readonly RolloutRecord[],
): Promise<void> {
  await db.transaction('rw', db.runs, db.rollouts, db.rolloutRows, async () => {
    await db.runs.add(run);
    await db.rollouts.bulkAdd([...rollouts]);
    await db.rolloutRows.bulkAdd(rollouts.map(toRolloutRow));
  });
}

/**
 * Stores the next chunk of a run's rollouts (worker/run/runCreation) with its new count of created
 * rollouts (`creation` undefined once every rollout exists), in one transaction. It fails, storing
 * nothing, when the run is gone or its count is no longer `from` (another creator got there first).
 */
export async function addCreatedRollouts(
  db: MedevalDb,
  runId: string,
  from: number,
  rollouts: readonly RolloutRecord[],
  creation: RunRecord['creation'],
): Promise<void> {
  await db.transaction('rw', db.runs, db.rollouts, db.rolloutRows, async () => {
    const stored = await db.runs.get(runId);
    if (stored === undefined) throw new AppError('not_found', 'This run no longer exists.');
    if (stored.creation?.created !== from) {
      throw new AppError('bad_request', 'This run’s rollouts are being created elsewhere.', {
        nextStep: 'Reload the page.',
      });
    }
    await db.rollouts.bulkAdd([...rollouts]);
    await db.rolloutRows.bulkAdd(rollouts.map(toRolloutRow));
    await db.runs.update(runId, { creation });
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

export async function countRollouts(db: MedevalDb, runId: string): Promise<number> {
  return db.rollouts.where('runId').equals(runId).count();
}

/** Up to `limit` rollouts of a run whose keys sort after `afterKey` ('' for the first), in key order. */
export async function listRolloutsAfter(
  db: MedevalDb,
  runId: string,
  afterKey: string,
  limit: number,
): Promise<RolloutRecord[]> {
  return db.rollouts
    .where('[runId+key]')
    .between([runId, afterKey], [runId, Dexie.maxKey], false, true)
    .limit(limit)
    .toArray();
}

export async function putRollout(db: MedevalDb, rollout: RolloutRecord): Promise<void> {
  await db.transaction('rw', db.rollouts, db.rolloutRows, async () => {
    await db.rollouts.put(rollout);
    await db.rolloutRows.put(toRolloutRow(rollout));
  });
}

/** Read-modify-write of one rollout in a single transaction (judges of one rollout finish concurrently). */
export async function updateRollout(
  db: MedevalDb,
  runId: string,
  key: string,
  change: (rollout: RolloutRecord) => RolloutRecord,
): Promise<RolloutRecord | undefined> {
  return db.transaction('rw', db.rollouts, db.rolloutRows, async () => {
    const current = await db.rollouts.get([runId, key]);
    if (current === undefined) return undefined;
    const next = change(current);
    await db.rollouts.put(next);
    await db.rolloutRows.put(toRolloutRow(next));
    return next;
  });
}

export interface RolloutChange {
  key: string;
  change: (rollout: RolloutRecord) => RolloutRecord;
}

/**
 * Read-modify-write of many rollouts of one run in a single transaction: the run engine's group
 * commit (worker/run/rolloutJournal). Changes apply in order, so two changes of one rollout in a
 * batch compose. Returns each change's result (undefined when its rollout no longer exists).
 */
export async function updateRollouts(
  db: MedevalDb,
  runId: string,
  changes: readonly RolloutChange[],
): Promise<(RolloutRecord | undefined)[]> {
  return db.transaction('rw', db.rollouts, db.rolloutRows, async () => {
    const keys = [...new Set(changes.map((c) => c.key))];
    const stored = await db.rollouts.bulkGet(keys.map((key) => [runId, key] as [string, string]));
    const current = new Map(keys.map((key, index) => [key, stored[index]]));
    const results = changes.map(({ key, change }) => {
      const rollout = current.get(key);
      if (rollout === undefined) return undefined;
      const next = change(rollout);
      current.set(key, next);
      return next;
    });
    const written = [...current.values()].filter((r): r is RolloutRecord => r !== undefined);
    await db.rollouts.bulkPut(written);
    await db.rolloutRows.bulkPut(written.map(toRolloutRow));
    return results;
  });
}

/** Moves every rollout of a run from one status to another (e.g. in-flight ones back to pending). */
export async function moveRolloutStatus(
  db: MedevalDb,
  runId: string,
  from: RolloutStatus,
  change: (rollout: RolloutRecord) => void,
): Promise<number> {
  return db.transaction('rw', db.rollouts, db.rolloutRows, async () => {
    const moving = await db.rollouts.where('[runId+status]').equals([runId, from]).toArray();
    if (moving.length === 0) return 0; // writes nothing, so it cannot fail on a full disk
    for (const rollout of moving) change(rollout);
    await db.rollouts.bulkPut(moving);
    await db.rolloutRows.bulkPut(moving.map(toRolloutRow));
    return moving.length;
  });
}

export async function getCachedResponse(
  db: MedevalDb,
  key: string,
): Promise<CachedResponse | undefined> {
  return db.responseCache.get(key);
}

export async function putCachedResponses(
  db: MedevalDb,
  entries: readonly CachedResponse[],
): Promise<void> {
  await db.responseCache.bulkPut([...entries]);
}

/** What a suite run's entry says once the run it made is deleted (the entry stays, without a link). */
const DELETED_RUN_REASON = 'Its run was deleted.';

/**
 * Removes a run and everything stored for it alone — rollouts, compact rows, its leaderboard digest
 * and rewards — in one transaction, and turns a suite run's entry for it into an entry without a run
 * (the suite run keeps its other runs). Cached responses are keyed by request, not run: other runs
 * reuse them, so they stay.
 */
export async function deleteRun(db: MedevalDb, runId: string): Promise<void> {
  await db.transaction(
    'rw',
    [db.runs, db.rollouts, db.rolloutRows, db.runDigests, db.runRewards, db.suiteRuns],
    async () => {
      await db.rollouts.where('runId').equals(runId).delete();
      await db.rolloutRows.where('runId').equals(runId).delete();
      await db.runDigests.delete(runId);
      await db.runRewards.delete(runId);
      await detachFromSuiteRuns(db, new Set([runId]));
      await db.runs.delete(runId);
    },
  );
}

/** Entries of suite runs that name one of `runIds` lose the run id and say why. */
async function detachFromSuiteRuns(db: MedevalDb, runIds: ReadonlySet<string>): Promise<number> {
  const names = (entry: { runId?: string }) => entry.runId !== undefined && runIds.has(entry.runId);
  return db.suiteRuns
    .filter((record) => record.entries.some(names))
    .modify((record) => {
      record.entries = record.entries.map((entry) =>
        names(entry) ? { key: entry.key, reason: DELETED_RUN_REASON } : entry,
      );
    });
}

/**
 * Removes what earlier versions left behind when they deleted a run (they kept its digest, rewards
 * and suite-run entries): records of run ids no longer stored. One transaction over the runs, so a
 * run created meanwhile is never mistaken for a deleted one. Reads primary keys only.
 */
export async function removeOrphanedRunRecords(db: MedevalDb): Promise<number> {
  return db.transaction('rw', [db.runs, db.runDigests, db.runRewards, db.suiteRuns], async () => {
    const runIds = new Set(await db.runs.toCollection().primaryKeys());
    const orphaned = async (keys: Promise<string[]>) =>
      (await keys).filter((runId) => !runIds.has(runId));
    const digests = await orphaned(db.runDigests.toCollection().primaryKeys());
    const rewards = await orphaned(db.runRewards.toCollection().primaryKeys());
    await db.runDigests.bulkDelete(digests);
    await db.runRewards.bulkDelete(rewards);
    const listed = (await db.suiteRuns.toArray()).flatMap((record) =>
      record.entries.flatMap((entry) => (entry.runId === undefined ? [] : [entry.runId])),
    );
    const gone = new Set(listed.filter((runId) => !runIds.has(runId)));
    const entries = gone.size === 0 ? 0 : await detachFromSuiteRuns(db, gone);
    return digests.length + rewards.length + entries;
  });
}
