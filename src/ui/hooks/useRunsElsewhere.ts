import { useEffect, useState } from 'react';
import { runIdsOfLocks } from '../../core/runLock';
import type { RunRecord } from '../../core/schema/run';

/** How often to ask again: Web Locks have no change event, and a tab may close at any moment. */
const POLL_MS = 1000;
const NONE: ReadonlySet<string> = new Set();

function sameIds(a: ReadonlySet<string> | null, b: ReadonlySet<string>): boolean {
  return a !== null && a.size === b.size && [...b].every((id) => a.has(id));
}

/**
 * The runs whose Web Lock is held, asked while some run is stored as running but this tab's worker is
 * not running it: held means another tab (or window) runs it live; not held means it was interrupted
 * (#10). Null until the first answer. Without Web Locks (an old browser), no run is held: the worker
 * takes no lock there either.
 */
export function useRunsElsewhere(
  runs: readonly Pick<RunRecord, 'id' | 'status'>[] | undefined,
  activeRuns: ReadonlySet<string> | null,
): ReadonlySet<string> | null {
  const hasLocks = typeof navigator !== 'undefined' && 'locks' in navigator;
  const candidates = (runs ?? [])
    .filter((run) => run.status === 'running' && activeRuns !== null && !activeRuns.has(run.id))
    .map((run) => run.id)
    .join(',');
  const [held, setHeld] = useState<ReadonlySet<string> | null>(null);

  useEffect(() => {
    if (!hasLocks || candidates === '') return;
    let isCurrent = true;
    const check = () => {
      navigator.locks.query().then(
        (snapshot) => {
          const ids = runIdsOfLocks((snapshot.held ?? []).map((lock) => lock.name));
          if (isCurrent) setHeld((current) => (sameIds(current, ids) ? current : ids));
        },
        // A failed query says nothing about the other tab: show the run as interrupted (Resume then
        // tells the user if it is in fact running elsewhere).
        () => {
          if (isCurrent) setHeld(NONE);
        },
      );
    };
    check();
    const timer = setInterval(check, POLL_MS);
    return () => {
      isCurrent = false;
      clearInterval(timer);
    };
  }, [hasLocks, candidates]);

  return hasLocks ? held : NONE;
}
