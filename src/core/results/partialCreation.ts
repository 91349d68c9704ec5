// Owns what an export says of a run whose rollouts were not all created (issue 14: a large run
// creates them in chunks behind its lanes, and can be paused or closed before the last): its
// metadata.json (the `medeval` object, which other readers ignore) and the export menu say how many
// of the plan's rollouts the files hold. Pure, and small: the Results page imports it.
import type { RunRecord } from '../schema/run';

type Planned = Pick<RunRecord, 'creation' | 'settings'>;

/** How many of the plan's rollouts exist (meaningful while `run.creation` is set). */
export function creationOf(run: Planned): { created: number; planned: number } {
  return {
    created: run.creation?.created ?? 0,
    planned: (run.creation?.exampleIds.length ?? 0) * run.settings.rolloutsPerExample,
  };
}

const STOPPED_BEFORE: Record<RunRecord['status'], string> = {
  paused: 'the run was paused before creating the rest',
  cancelled: 'the run was cancelled before creating the rest',
  stopped: 'the run stopped before creating the rest',
  running: 'the rest were not created yet',
  done: 'the rest were not created',
};

/** The sentence an export of the run carries, or null when every rollout exists. */
export function partialCreationNote(run: Planned & Pick<RunRecord, 'status'>): string | null {
  if (run.creation === undefined) return null;
  const { created, planned } = creationOf(run);
  if (created >= planned) return null;
  const count = (n: number) => n.toLocaleString('en-US');
  return `${count(created)} of ${count(planned)} planned rollouts exist; ${STOPPED_BEFORE[run.status]}, so this export holds only those ${count(created)}.`;
}
