// Run housekeeping the results workspace needs: rename, duplicate as a new run, soft delete with
// undo (deleted runs are hidden, then purged after a grace period), and the reviewer's annotations.
import { AppError } from '../../core/errors';
import { AnnotationSchema, type Annotation } from '../../core/schema/run';
import type { MedevalDb } from '../../data/db';
import {
  deleteRun,
  getRun,
  patchRun,
  removeOrphanedRunRecords,
  updateRollout,
} from '../../data/runStore';
import { createRun, type CreateRunDeps } from './createRun';

/** How long a deleted run can be brought back. */
const UNDO_GRACE_MS = 10 * 60_000;

export async function renameRun(
  db: MedevalDb,
  runId: string,
  name: string,
  now: number,
): Promise<void> {
  const trimmed = name.trim();
  if (trimmed === '') throw new AppError('bad_request', 'A run needs a name.');
  await patchRun(db, runId, { name: trimmed, updatedAt: now });
}

/** A new, unstarted run with the same settings (imported runs cannot be re-run: no endpoints). */
export async function duplicateRun(
  deps: CreateRunDeps,
  runId: string,
  name: string,
): Promise<string> {
  const run = await getRun(deps.db, runId);
  if (run === undefined) throw new AppError('not_found', 'That run no longer exists.');
  return createRun(deps, run.settings, name);
}

export async function softDeleteRun(db: MedevalDb, runId: string, now: number): Promise<void> {
  await patchRun(db, runId, { deletedAt: now });
}

export async function undoDeleteRun(db: MedevalDb, runId: string): Promise<void> {
  await db.runs
    .where('id')
    .equals(runId)
    .modify((run) => {
      delete run.deletedAt;
    });
}

/**
 * Removes runs deleted more than UNDO_GRACE_MS ago with everything stored for them (data/runStore
 * `deleteRun`), then what versions before that left behind of runs they deleted.
 */
export async function purgeDeletedRuns(db: MedevalDb, now: number): Promise<number> {
  const expired = (await db.runs.toArray()).filter(
    (run) => run.deletedAt !== undefined && now - run.deletedAt > UNDO_GRACE_MS,
  );
  for (const run of expired) await deleteRun(db, run.id);
  await removeOrphanedRunRecords(db);
  return expired.length;
}

/** Saves a reviewer's note and/or ratings on one rollout (validated: ratings are 1–5 or null). */
export async function annotateRollout(
  db: MedevalDb,
  runId: string,
  key: string,
  annotation: Annotation,
  now: number,
): Promise<void> {
  const parsed = AnnotationSchema.safeParse(annotation);
  if (!parsed.success)
    throw new AppError('bad_request', `Invalid note or rating: ${parsed.error.message}`);
  const updated = await updateRollout(db, runId, key, (rollout) => ({
    ...rollout,
    ...(parsed.data.notes === undefined ? {} : { notes: parsed.data.notes }),
    ...(parsed.data.ratings === undefined
      ? {}
      : { ratings: { ...rollout.ratings, ...parsed.data.ratings } }),
    updatedAt: now,
  }));
  if (updated === undefined) throw new AppError('not_found', 'That rollout no longer exists.');
}
