import { useSyncExternalStore } from 'react';
import { hostStore, type HostSnapshot } from '../keys/hostStore';
import { keyStore, type KeySnapshot } from '../keys/keyStore';

/** The current keys (re-renders when any changes); act on them through `keyStore`. */
export function useKeys(): KeySnapshot {
  return useSyncExternalStore(keyStore.subscribe, keyStore.getSnapshot);
}

/** The hosts the user chose (re-renders when one is added); act through `hostStore`. */
export function useHosts(): HostSnapshot {
  return useSyncExternalStore(hostStore.subscribe, hostStore.getSnapshot);
}
