import { useState } from 'react';
import { PRESET_ORIGINS } from '../../core/endpointOrigin';
import { hostStore } from '../keys/hostStore';
import { keyStore } from '../keys/keyStore';
import {
  groupOrigin,
  resolveRunKeys,
  slotEndpoints,
  type HostGroup,
  type MissingKey,
  type RunEndpoints,
  type RunKeys,
} from '../keys/resolveRunKeys';

interface PendingGate {
  /** Hosts the user has not chosen: nothing is sent until each is confirmed by name. */
  unapproved: HostGroup[];
  /** Hosts whose key must be typed first. */
  missing: MissingKey[];
}

export interface RunKeyPrompt {
  /** What the pending action waits for; null when nothing is pending. */
  pending: PendingGate | null;
  /**
   * Runs `action` with the keys once every host it contacts is one the user chose and every key it
   * needs is held; otherwise asks (inline) and retries on `resolve`. No request is made before.
   */
  withKeys: (endpoints: RunEndpoints, action: (keys: RunKeys) => void) => void;
  confirmHosts: (origins: readonly string[]) => void;
  resolve: () => void;
  dismiss: () => void;
}

/** Records what an action that goes ahead tells about its hosts: chosen, and with or without a key. */
function noteContacted(endpoints: RunEndpoints, keys: RunKeys): void {
  const origins = slotEndpoints(endpoints)
    .filter((entry) => !(entry.slot === 'model' && endpoints.isModelKeyOptional === true))
    .map((entry) => groupOrigin(entry.endpoint.baseUrl));
  hostStore.confirm(origins.filter((origin) => !PRESET_ORIGINS.has(origin)));
  hostStore.noteKeyUse(origins.map((origin) => ({ origin, usesKey: Object.hasOwn(keys, origin) })));
}

/** Starting, resuming and re-scoring go through here: hosts confirmed, keys present, then the action. */
export function useRunKeyPrompt(): RunKeyPrompt {
  const [pending, setPending] = useState<(PendingGate & { retry: () => void }) | null>(null);

  const withKeys = (endpoints: RunEndpoints, action: (keys: RunKeys) => void) => {
    const resolved = resolveRunKeys(endpoints, keyStore.getSnapshot(), hostStore.getSnapshot());
    if (resolved.unapproved.length > 0 || resolved.missing.length > 0) {
      setPending({
        unapproved: resolved.unapproved,
        missing: resolved.missing,
        retry: () => withKeys(endpoints, action),
      });
      return;
    }
    setPending(null);
    noteContacted(endpoints, resolved.keys);
    action(resolved.keys);
  };

  return {
    pending: pending === null ? null : { unapproved: pending.unapproved, missing: pending.missing },
    withKeys,
    confirmHosts: (origins) => {
      hostStore.confirm(origins);
      pending?.retry();
    },
    resolve: () => pending?.retry(),
    dismiss: () => setPending(null),
  };
}
