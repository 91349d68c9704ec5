// The response cache: keyed on endpoint, model, messages and sampling (the exact request body) plus a
// sample index, so repeating or resuming a run never pays for the same answer twice, while several
// rollouts of one example still get independent samples. The key never contains the API key.
import type { CachedResponse } from '../../core/schema/run';
import type { MedevalDb } from '../../data/db';
import { getCachedResponse, putCachedResponse } from '../../data/runStore';

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
  put(entry: CachedResponse): Promise<void>;
}

export function dexieResponseCache(db: MedevalDb): ResponseCache {
  return { get: (key) => getCachedResponse(db, key), put: (entry) => putCachedResponse(db, entry) };
}
