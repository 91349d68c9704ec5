import { useSyncExternalStore } from 'react';

// A clock for live run figures (throughput decays and ETA moves while nothing finishes). Reading
// Date.now() during render would make renders impure; this ticks only while a run is live.

const TICK_MS = 2000;
let now = Date.now();

function subscribeTicking(onTick: () => void): () => void {
  now = Date.now();
  const timer = setInterval(() => {
    now = Date.now();
    onTick();
  }, TICK_MS);
  return () => clearInterval(timer);
}

function subscribeIdle(): () => void {
  return () => undefined;
}

export function useRunClock(isLive: boolean): number {
  return useSyncExternalStore(isLive ? subscribeTicking : subscribeIdle, () => now);
}
