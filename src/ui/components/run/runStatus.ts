import type { RunRecord } from '../../../core/schema/run';

/** What the page shows for a run: its stored status, or "interrupted" when no worker is running it. */
export type DisplayStatus = RunRecord['status'] | 'interrupted';

export function displayStatus(
  run: Pick<RunRecord, 'id' | 'status'>,
  activeRuns: ReadonlySet<string> | null,
): DisplayStatus {
  // Stored as running, but this tab's worker is not running it: the page was closed or reloaded.
  if (run.status === 'running' && activeRuns !== null && !activeRuns.has(run.id)) {
    return 'interrupted';
  }
  return run.status;
}

export const STATUS_LABELS: Record<DisplayStatus, string> = {
  running: 'Running',
  paused: 'Paused',
  done: 'Done',
  cancelled: 'Cancelled',
  stopped: 'Stopped',
  interrupted: 'Interrupted',
};
