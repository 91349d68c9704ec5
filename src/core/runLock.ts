// The Web Lock a tab holds while its worker runs a run: one name for the worker that takes it and
// the pages that ask whether another tab holds it (#10: a run live in another tab is not
// "interrupted"). Pure.

const PREFIX = 'medeval-run:';

export function runLockName(runId: string): string {
  return `${PREFIX}${runId}`;
}

/** The run ids among held lock names (other names are ignored). */
export function runIdsOfLocks(names: readonly (string | undefined)[]): Set<string> {
  const ids = new Set<string>();
  for (const name of names) {
    if (name?.startsWith(PREFIX) === true) ids.add(name.slice(PREFIX.length));
  }
  return ids;
}
