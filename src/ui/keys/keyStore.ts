// Owns API keys on the main thread, each bound to the origin (scheme://host:port) it was typed for
// (issue 10). A request takes the key of the origin it goes to, so a link, an import, a preset or a
// typed URL that changes an endpoint's base URL never carries a key to another host. Keys live in this
// tab's memory; an origin whose "remember" box is ticked also keeps its key in localStorage (plain
// text, this browser only). Keys reach the worker only as call arguments: never run records, URLs or
// logs. Any token is a key like any other: a Hugging Face token is the key of https://huggingface.co.
import { originOf } from '../../core/endpointOrigin';
import { z } from '../../core/zod';

export const KEYS_STORAGE_KEY = 'medeval.keys.v2';
/**
 * Version 1 kept remembered keys per form slot ("model", "judge:0") and never noted the host they
 * were typed for — the flaw that let a link redirect them. Such a key cannot be proven to belong to
 * any origin, so it is never sent anywhere until the user says which host it is for.
 */
export const LEGACY_KEYS_STORAGE_KEY = 'medeval.keys.v1';

/** A key remembered by version 1: the form field it was typed in, and no host. */
export interface UnboundKey {
  slot: string;
  key: string;
}

export interface KeySnapshot {
  /** Keys by origin, as typed. */
  keys: Readonly<Record<string, string>>;
  /** Origins whose key is also kept in localStorage. */
  remembered: ReadonlySet<string>;
  /** Keys from version 1 waiting for the user to bind them to a host (or forget them). */
  unbound: readonly UnboundKey[];
}

const StoredKeysSchema = z.object({ v: z.literal(2), keys: z.record(z.string(), z.string()) });
const LegacyKeysSchema = z.record(z.string(), z.string());

type KeyStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface KeyStore {
  getSnapshot: () => KeySnapshot;
  subscribe: (listener: () => void) => () => void;
  /** Ignored unless `origin` is an http(s) origin exactly (what `originOf` returns). */
  setKey: (origin: string, key: string) => void;
  setRemembered: (origin: string, remember: boolean) => void;
  /** The user said which host an old key is for: it becomes that origin's remembered key. */
  bindUnbound: (slot: string, origin: string) => void;
  forgetUnbound: (slot: string) => void;
  forgetAll: () => void;
}

/** The key for requests to `baseUrl`: its origin's key, trimmed; '' when none (or no valid URL). */
export function keyForUrl(snapshot: KeySnapshot, baseUrl: string): string {
  const origin = originOf(baseUrl);
  return origin === null ? '' : (snapshot.keys[origin] ?? '').trim();
}

function isOrigin(value: string): boolean {
  return originOf(value) === value;
}

function readJson(storage: KeyStorage | null, name: string): unknown {
  const raw = storage?.getItem(name);
  if (raw === null || raw === undefined) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    // A corrupt entry holds nothing usable; the next write replaces it.
    return undefined;
  }
}

function readStored(storage: KeyStorage | null): Record<string, string> {
  const parsed = StoredKeysSchema.safeParse(readJson(storage, KEYS_STORAGE_KEY));
  if (!parsed.success) return {};
  // Only exact origins: an entry under any other name could not have been written by this store.
  return Object.fromEntries(
    Object.entries(parsed.data.keys).filter(([origin, key]) => isOrigin(origin) && key !== ''),
  );
}

function readLegacy(storage: KeyStorage | null): UnboundKey[] {
  const parsed = LegacyKeysSchema.safeParse(readJson(storage, LEGACY_KEYS_STORAGE_KEY));
  if (!parsed.success) return [];
  return Object.entries(parsed.data)
    .filter(([, key]) => key.trim() !== '')
    .map(([slot, key]) => ({ slot, key }));
}

function persist(storage: KeyStorage | null, snapshot: KeySnapshot): void {
  const toStore = Object.fromEntries(
    Object.entries(snapshot.keys).filter(
      ([origin, key]) => snapshot.remembered.has(origin) && key !== '',
    ),
  );
  if (Object.keys(toStore).length === 0) storage?.removeItem(KEYS_STORAGE_KEY);
  else storage?.setItem(KEYS_STORAGE_KEY, JSON.stringify({ v: 2, keys: toStore }));
  // Old keys stay where version 1 put them (the user asked to remember them) until bound or forgotten.
  if (snapshot.unbound.length === 0) storage?.removeItem(LEGACY_KEYS_STORAGE_KEY);
  else
    storage?.setItem(
      LEGACY_KEYS_STORAGE_KEY,
      JSON.stringify(Object.fromEntries(snapshot.unbound.map(({ slot, key }) => [slot, key]))),
    );
}

export function createKeyStore(storage: KeyStorage | null): KeyStore {
  const stored = readStored(storage);
  let snapshot: KeySnapshot = {
    keys: stored,
    remembered: new Set(Object.keys(stored)),
    unbound: readLegacy(storage),
  };
  const listeners = new Set<() => void>();

  const commit = (next: KeySnapshot) => {
    snapshot = next;
    persist(storage, next);
    for (const listener of listeners) listener();
  };

  return {
    getSnapshot: () => snapshot,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setKey: (origin, key) => {
      if (!isOrigin(origin)) return;
      commit({ ...snapshot, keys: { ...snapshot.keys, [origin]: key } });
    },
    setRemembered: (origin, remember) => {
      if (!isOrigin(origin)) return;
      const remembered = new Set(snapshot.remembered);
      if (remember) remembered.add(origin);
      else remembered.delete(origin);
      commit({ ...snapshot, remembered });
    },
    bindUnbound: (slot, origin) => {
      const found = snapshot.unbound.find((entry) => entry.slot === slot);
      if (found === undefined || !isOrigin(origin)) return;
      commit({
        keys: { ...snapshot.keys, [origin]: found.key },
        remembered: new Set([...snapshot.remembered, origin]),
        unbound: snapshot.unbound.filter((entry) => entry.slot !== slot),
      });
    },
    forgetUnbound: (slot) => {
      commit({ ...snapshot, unbound: snapshot.unbound.filter((entry) => entry.slot !== slot) });
    },
    forgetAll: () => {
      commit({ keys: {}, remembered: new Set(), unbound: [] });
    },
  };
}

export function browserStorage(): KeyStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Storage can be disabled (privacy settings); keys then stay in memory only.
    return null;
  }
}

/** The app's one key store. */
export const keyStore = createKeyStore(browserStorage());
