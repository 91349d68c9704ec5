import { useSyncExternalStore } from 'react';
import { keyStore, type KeySnapshot } from '../keys/keyStore';

/** The current keys (re-renders when any changes); act on them through `keyStore`. */
export function useKeys(): KeySnapshot {
  return useSyncExternalStore(keyStore.subscribe, keyStore.getSnapshot);
}
