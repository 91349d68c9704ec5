// The response cache: keyed on endpoint, model, messages and sampling (the exact request body) plus a
// sample index, so repeating or resuming a run never pays for the same answer twice, while several
// rollouts of one example still get independent samples. The key never contains the API key.
import type { CachedResponse } from '../../core/schema/run';
import type { MedevalDb } from '../../data/db';
import { getCachedResponse, putCachedResponses } from '../../data/runStore';

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Canonical JSON: object keys sorted, so equal bodies give equal keys whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function responseCacheKey(
  baseUrl: string,
  requestBody: Record<string, unknown>,
  sample: number,
): Promise<string> {
  return sha256Hex(canonical({ baseUrl, requestBody, sample }));
}

export interface ResponseCache {
  get(key: string): Promise<CachedResponse | undefined>;
  /** Starts storing an entry without holding up the caller; `flush` waits for every one. */
  put(entry: CachedResponse): void;
  /** Resolves when every started write has settled. */
  flush(): Promise<void>;
  /** Loads many entries in one read, so later `get`s of them cost no database round trip. */
  prefetch(keys: readonly string[]): Promise<void>;
}

/**
 * Cache writes stay off the lane's critical path, and are grouped: entries that arrive while one
 * write is in progress go together in the next (one transaction per batch, not per response). A
 * failed write is not an error of the run: the response is already stored on its rollout, and the
 * cost of a lost entry is one repeated request in some later run.
 */
export function dexieResponseCache(db: MedevalDb): ResponseCache {
  const prefetched = new Map<string, CachedResponse | undefined>();
  let queue: CachedResponse[] = [];
  let writing: Promise<void> | null = null;
  const drain = async () => {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      await putCachedResponses(db, batch).catch(() => undefined);
    }
    writing = null;
  };
  return {
    get: (key) =>
      prefetched.has(key) ? Promise.resolve(prefetched.get(key)) : getCachedResponse(db, key),
    async prefetch(keys) {
      const rows = await db.responseCache.bulkGet([...keys]);
      keys.forEach((key, index) => prefetched.set(key, rows[index]));
    },
    put(entry) {
      queue.push(entry);
      writing ??= drain();
    },
    async flush() {
      while (writing !== null) await writing;
    },
  };
}
