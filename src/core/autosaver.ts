// Owns saving a value as it is typed: changes are coalesced for `delayMs`, saves run one at a time in
// order (a slow save can never land after a newer one), and a failure is reported, then retried with
// the newest value on the next change. Framework-free: timers and the save are injected.

export type AutosaveStatus =
  | { state: 'idle' }
  /** A change is waiting for the debounce. */
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'failed'; reason: string };

export interface AutosaverOptions<T> {
  save: (value: T) => Promise<void>;
  delayMs: number;
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  onStatus?: (status: AutosaveStatus) => void;
}

export interface Autosaver<T> {
  /** Records the newest value and (re)starts the debounce. */
  update: (value: T) => void;
  /** Saves the waiting value now; resolves when everything asked for so far has been tried. */
  flush: () => Promise<void>;
  /** Saves the last value that failed again (no-op unless the last save failed). */
  retry: () => Promise<void>;
  /** Stops: a waiting value is dropped and later calls do nothing. A save already started finishes. */
  dispose: () => void;
  status: () => AutosaveStatus;
}

export function createAutosaver<T>(options: AutosaverOptions<T>): Autosaver<T> {
  const { save, delayMs } = options;
  let timer: unknown = undefined;
  let waiting: { value: T } | null = null;
  let failed: { value: T } | null = null;
  let queue: Promise<void> = Promise.resolve();
  let inFlight = 0;
  let isDisposed = false;
  let status: AutosaveStatus = { state: 'idle' };

  const setStatus = (next: AutosaveStatus) => {
    status = next;
    if (!isDisposed) options.onStatus?.(next);
  };
  const cancelTimer = () => {
    if (timer !== undefined) options.clearTimeout(timer);
    timer = undefined;
  };

  const attempt = async (value: T) => {
    try {
      await save(value);
      if (failed?.value === value) failed = null;
      // A newer change (waiting or queued) keeps the status it set.
      if (waiting === null && inFlight === 1) setStatus({ state: 'saved' });
    } catch (error) {
      failed = { value };
      setStatus({
        state: 'failed',
        reason: error instanceof Error ? error.message : String(error),
      });
    } finally {
      inFlight--;
    }
  };

  /** Queues a save of `value` behind any save in flight; the value is taken now, so dispose cannot drop it. */
  const enqueue = (value: T): Promise<void> => {
    inFlight++;
    setStatus({ state: 'saving' });
    queue = queue.then(() => attempt(value));
    return queue;
  };

  const flush = (): Promise<void> => {
    cancelTimer();
    if (isDisposed || waiting === null) return queue;
    const { value } = waiting;
    waiting = null;
    return enqueue(value);
  };

  return {
    update(value) {
      if (isDisposed) return;
      waiting = { value };
      // The newest value supersedes one that failed: it carries the same edits and more.
      failed = null;
      cancelTimer();
      timer = options.setTimeout(() => {
        timer = undefined;
        void flush();
      }, delayMs);
      setStatus({ state: 'pending' });
    },
    flush,
    retry() {
      if (isDisposed || failed === null || waiting !== null) return flush();
      const { value } = failed;
      failed = null;
      return enqueue(value);
    },
    dispose() {
      cancelTimer();
      waiting = null;
      isDisposed = true;
    },
    status: () => status,
  };
}
