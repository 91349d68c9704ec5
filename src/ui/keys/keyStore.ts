// Owns API keys on the main thread. Keys live in this tab's memory; a slot whose "remember" box is
// ticked is also written to localStorage (plain text, this browser only). Keys go to the worker only as
// startRun/testConnection arguments: never into run records, URLs or logs.
import { z } from '../../core/zod';

/** Which endpoint a key belongs to: the model under test, or a judge by position. */
export type KeySlot = 'model' | `judge:${number}`;

export const KEYS_STORAGE_KEY = 'medeval.keys.v1';

export interface KeySnapshot {
  keys: Readonly<Record<string, string>>;
  /** Slots whose key is also kept in localStorage. */
  remembered: ReadonlySet<string>;
}

const StoredKeysSchema = z.record(z.string(), z.string());

export function judgeSlot(index: number): KeySlot {
  return `judge:${index}`;
}

type KeyStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface KeyStore {
  getSnapshot: () => KeySnapshot;
  subscribe: (listener: () => void) => () => void;
  setKey: (slot: KeySlot, key: string) => void;
  setRemembered: (slot: KeySlot, remember: boolean) => void;
  /** Removing judge `index` shifts later judges' keys down, so they stay with their endpoints. */
  removeJudge: (index: number) => void;
  forgetAll: () => void;
}

function readStored(storage: KeyStorage | null): Record<string, string> {
  const raw = storage?.getItem(KEYS_STORAGE_KEY);
  if (raw === null || raw === undefined) return {};
  try {
    const parsed = StoredKeysSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    // A corrupt entry holds nothing usable; it is overwritten by the next remembered key.
    return {};
  }
}

export function createKeyStore(storage: KeyStorage | null): KeyStore {
  const stored = readStored(storage);
  let snapshot: KeySnapshot = { keys: stored, remembered: new Set(Object.keys(stored)) };
  const listeners = new Set<() => void>();

  const commit = (next: KeySnapshot) => {
    snapshot = next;
    const toStore = Object.fromEntries(
      Object.entries(next.keys).filter(([slot, key]) => next.remembered.has(slot) && key !== ''),
    );
    if (Object.keys(toStore).length === 0) storage?.removeItem(KEYS_STORAGE_KEY);
    else storage?.setItem(KEYS_STORAGE_KEY, JSON.stringify(toStore));
    for (const listener of listeners) listener();
  };

  return {
    getSnapshot: () => snapshot,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setKey: (slot, key) => {
      commit({ ...snapshot, keys: { ...snapshot.keys, [slot]: key } });
    },
    setRemembered: (slot, remember) => {
      const remembered = new Set(snapshot.remembered);
      if (remember) remembered.add(slot);
      else remembered.delete(slot);
      commit({ ...snapshot, remembered });
    },
    removeJudge: (index) => {
      const shift = (slot: string): string | null => {
        const match = /^judge:(\d+)$/.exec(slot);
        if (match === null) return slot;
        const at = Number(match[1]);
        if (at === index) return null;
        return at > index ? judgeSlot(at - 1) : slot;
      };
      const keys: Record<string, string> = {};
      for (const [slot, key] of Object.entries(snapshot.keys)) {
        const moved = shift(slot);
        if (moved !== null) keys[moved] = key;
      }
      const remembered = new Set<string>();
      for (const slot of snapshot.remembered) {
        const moved = shift(slot);
        if (moved !== null) remembered.add(moved);
      }
      commit({ keys, remembered });
    },
    forgetAll: () => {
      commit({ keys: {}, remembered: new Set() });
    },
  };
}

function browserStorage(): KeyStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Storage can be disabled (privacy settings); keys then stay in memory only.
    return null;
  }
}

/** The app's one key store. */
export const keyStore = createKeyStore(browserStorage());
