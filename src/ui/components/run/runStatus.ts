import type { RunRecord } from '../../../core/schema/run';

/**
 * What the page shows for a run: its stored status; "elsewhere" when another tab's worker is running
 * it; "interrupted" when it is stored as running but no worker runs it (the page was closed).
 */
export type DisplayStatus = RunRecord['status'] | 'interrupted' | 'elsewhere';

/**
 * `activeRuns`: the runs this tab's worker runs; `elsewhere`: runs whose lock another tab holds
 * (useRunsElsewhere). Either null while not yet known, when the stored status is shown.
 * `failedHere`: this tab's worker ran it and failed. A run stored as running that failed here was
 * stopped, not interrupted: a full disk refuses the write of its stop too.
 */
export function displayStatus(
  run: Pick<RunRecord, 'id' | 'status'>,
  activeRuns: ReadonlySet<string> | null,
  elsewhere: ReadonlySet<string> | null,
  failedHere = false,
): DisplayStatus {
  if (run.status !== 'running' || activeRuns === null || activeRuns.has(run.id)) return run.status;
  if (failedHere) return 'stopped';
  if (elsewhere === null) return run.status;
  return elsewhere.has(run.id) ? 'elsewhere' : 'interrupted';
}

export const STATUS_LABELS: Record<DisplayStatus, string> = {
  running: 'Running',
  elsewhere: 'Running in another tab',
  paused: 'Paused',
  done: 'Done',
  cancelled: 'Cancelled',
  stopped: 'Stopped',
  interrupted: 'Interrupted',
};
