import { useSyncExternalStore } from 'react';
import { RUN_LIVE_CHANNEL, type RunLiveState } from '../../core/runLive';

// The figures of running runs, as the worker (of this tab or another) reports them a few times a
// second on a BroadcastChannel (issue 14). Live views show these instead of re-reading every rollout
// from IndexedDB while the run writes them.

const latest = new Map<string, RunLiveState>();
const listeners = new Set<() => void>();
let channel: BroadcastChannel | null = null;

function subscribe(listener: () => void): () => void {
  if (channel === null && typeof BroadcastChannel === 'function') {
    channel = new BroadcastChannel(RUN_LIVE_CHANNEL);
    channel.onmessage = (event: MessageEvent<RunLiveState>) => {
      latest.set(event.data.runId, event.data);
      for (const notify of listeners) notify();
    };
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The last report of this run's execution, or null when none arrived in this page. */
export function useRunLive(runId: string): RunLiveState | null {
  return useSyncExternalStore(subscribe, () => latest.get(runId) ?? null);
}
