import Dexie from 'dexie';
import { useEffect, useState } from 'react';

/**
 * Like dexie-react-hooks' useLiveQuery, but re-reads at most once per `intervalMs`. A running
 * evaluation commits several transactions per rollout; re-reading (and structured-cloning on the main
 * thread) every rollout after each one made the UI janky and competed with the worker's writes.
 * Changes from any context arrive through Dexie's `storagemutated` event (BroadcastChannel across
 * the worker boundary); the last change is always picked up.
 */
export function useThrottledLiveQuery<T>(
  querier: () => Promise<T>,
  deps: readonly unknown[],
  intervalMs = 250,
  /** While true, changes are not read: the last result stays (a live run reports itself instead). */
  isPaused = false,
): T | undefined {
  const [result, setResult] = useState<{ deps: readonly unknown[]; value: T } | undefined>();
  useEffect(() => {
    if (isPaused) return;
    // Flags live on one object: they are changed by other closures between awaits.
    const state = { isDisposed: false, isRunning: false, isDirty: false, lastRun: 0 };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      state.isRunning = true;
      state.lastRun = performance.now();
      try {
        const value = await querier();
        if (!state.isDisposed) setResult({ deps, value });
      } finally {
        state.isRunning = false;
        if (state.isDirty && !state.isDisposed) schedule();
      }
    };
    const schedule = () => {
      if (state.isRunning) {
        state.isDirty = true;
        return;
      }
      if (timer !== undefined) return;
      const wait = Math.max(0, state.lastRun + intervalMs - performance.now());
      timer = setTimeout(() => {
        timer = undefined;
        state.isDirty = false;
        void run();
      }, wait);
    };
    const onMutation = () => {
      schedule();
    };
    Dexie.on('storagemutated', onMutation);
    void run();
    return () => {
      state.isDisposed = true;
      clearTimeout(timer);
      Dexie.on('storagemutated').unsubscribe(onMutation);
    };
    // The querier is re-created every render; `deps` says when it really changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, intervalMs, isPaused]);
  // A result computed for other deps (e.g. the previous run) is not shown for the new ones.
  return result !== undefined && result.deps.every((dep, i) => Object.is(dep, deps[i]))
    ? result.value
    : undefined;
}
