// Which hosts the user chose for model and judge requests (issue 10). A request goes only to an origin
// that is one of the app's provider presets, that the user typed into a base URL field, or that the
// user confirmed by name; a link, an import or a stored run never adds one. Per origin it also notes
// whether requests there carry a key, so a resumed run asks for a key this tab no longer holds
// (issue 13) instead of sending requests without one. Origins and flags only, never a secret: kept in
// localStorage so a host confirmed once is not asked about again.
import { originOf, PRESET_ORIGINS } from '../../core/endpointOrigin';
import { z } from '../../core/zod';
import { browserStorage } from './keyStore';

export const HOSTS_STORAGE_KEY = 'medeval.hosts.v1';

const HostFactsSchema = z.object({
  /** The user chose this host: confirmed it by name, or sent a request to it after typing it. */
  confirmed: z.boolean().optional(),
  /** Requests there carried a key (true) or were sent without one on purpose (false). */
  usesKey: z.boolean().optional(),
});
type HostFacts = z.infer<typeof HostFactsSchema>;

const StoredHostsSchema = z.object({
  v: z.literal(1),
  hosts: z.record(z.string(), HostFactsSchema),
});

export interface HostSnapshot {
  hosts: Readonly<Record<string, HostFacts>>;
  /** Origins the user's own keystrokes produced in a base URL field in this tab (memory only). */
  typed: ReadonlySet<string>;
}

type HostStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface HostStore {
  getSnapshot: () => HostSnapshot;
  subscribe: (listener: () => void) => () => void;
  noteTyped: (origin: string) => void;
  confirm: (origins: readonly string[]) => void;
  noteKeyUse: (uses: readonly { origin: string; usesKey: boolean }[]) => void;
  forgetAll: () => void;
}

/** Whether requests may go to `origin` without asking: a preset's, typed here, or confirmed. */
export function isHostApproved(snapshot: HostSnapshot, origin: string | null): boolean {
  if (origin === null) return false;
  return (
    PRESET_ORIGINS.has(origin) ||
    snapshot.typed.has(origin) ||
    snapshot.hosts[origin]?.confirmed === true
  );
}

/** Whether requests to `origin` carried a key before (undefined: never recorded). */
export function hostUsesKey(snapshot: HostSnapshot, origin: string | null): boolean | undefined {
  return origin === null ? undefined : snapshot.hosts[origin]?.usesKey;
}

function readStored(storage: HostStorage | null): Record<string, HostFacts> {
  const raw = storage?.getItem(HOSTS_STORAGE_KEY);
  if (raw === null || raw === undefined) return {};
  let json: unknown;
  try {
    json = JSON.parse(raw) as unknown;
  } catch {
    // Corrupt: nothing is approved until the user confirms again (the safe side).
    return {};
  }
  const parsed = StoredHostsSchema.safeParse(json);
  if (!parsed.success) return {};
  return Object.fromEntries(
    Object.entries(parsed.data.hosts).filter(([origin]) => originOf(origin) === origin),
  );
}

export function createHostStore(storage: HostStorage | null): HostStore {
  let snapshot: HostSnapshot = { hosts: readStored(storage), typed: new Set() };
  const listeners = new Set<() => void>();

  const commit = (next: HostSnapshot) => {
    if (next.hosts !== snapshot.hosts) {
      if (Object.keys(next.hosts).length === 0) storage?.removeItem(HOSTS_STORAGE_KEY);
      else storage?.setItem(HOSTS_STORAGE_KEY, JSON.stringify({ v: 1, hosts: next.hosts }));
    }
    snapshot = next;
    for (const listener of listeners) listener();
  };
  const update = (origin: string, facts: HostFacts, hosts: Record<string, HostFacts>) => {
    if (originOf(origin) !== origin) return;
    hosts[origin] = { ...hosts[origin], ...facts };
  };

  return {
    getSnapshot: () => snapshot,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    noteTyped: (origin) => {
      if (originOf(origin) !== origin || snapshot.typed.has(origin)) return;
      commit({ ...snapshot, typed: new Set([...snapshot.typed, origin]) });
    },
    confirm: (origins) => {
      const hosts = { ...snapshot.hosts };
      for (const origin of origins) update(origin, { confirmed: true }, hosts);
      commit({ ...snapshot, hosts });
    },
    noteKeyUse: (uses) => {
      const hosts = { ...snapshot.hosts };
      for (const { origin, usesKey } of uses) update(origin, { usesKey }, hosts);
      commit({ ...snapshot, hosts });
    },
    forgetAll: () => {
      commit({ hosts: {}, typed: new Set() });
    },
  };
}

/** The app's one host store. */
export const hostStore = createHostStore(browserStorage());
