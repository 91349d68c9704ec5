import { useState } from 'react';
import { keyStore } from '../keys/keyStore';
import {
  resolveRunKeys,
  type RunEndpoints,
  type RunKeys,
  type SlotEndpoint,
} from '../keys/resolveRunKeys';

export interface RunKeyPrompt {
  /** Endpoints whose key must be typed before the pending action can go on; null when none. */
  missing: SlotEndpoint[] | null;
  /** Runs `action` with the keys, or asks for the missing ones (and retries on `resolve`). */
  withKeys: (endpoints: RunEndpoints, action: (keys: RunKeys) => void) => void;
  resolve: () => void;
  dismiss: () => void;
}

/** Starting or resuming needs keys; when one is missing, the page asks for it inline instead. */
export function useRunKeyPrompt(): RunKeyPrompt {
  const [pending, setPending] = useState<{
    missing: SlotEndpoint[];
    retry: () => void;
  } | null>(null);

  const withKeys = (endpoints: RunEndpoints, action: (keys: RunKeys) => void) => {
    const resolved = resolveRunKeys(endpoints, keyStore.getSnapshot().keys);
    if (resolved.missing.length > 0) {
      setPending({ missing: resolved.missing, retry: () => withKeys(endpoints, action) });
      return;
    }
    setPending(null);
    action(resolved.keys);
  };

  return {
    missing: pending?.missing ?? null,
    withKeys,
    resolve: () => pending?.retry(),
    dismiss: () => setPending(null),
  };
}
