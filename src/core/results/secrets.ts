// Owns the last guard of every export: no key named like a credential leaves the app, wherever it sits
// (a provider's `extra` body field, a header, an imported row). Records never hold keys by design
// (schema/endpoint refuses credential headers); this catches what a free-form field could carry. Pure.

const SECRET_KEY_NAMES =
  /^(api[-_]?key|authorization|proxy-authorization|x-api-key|x-goog-api-key|(set-)?cookie|password|(client[-_]?)?secret|access[-_]?token|bearer)$/i;

function isSecretKeyName(name: string): boolean {
  return SECRET_KEY_NAMES.test(name);
}

/** A deep copy of JSON-like `value` without credential-named keys. Depth is bounded by the importer. */
export function withoutSecrets<T>(value: T): T {
  return strip(value) as T;
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    // `__proto__` never survives an import; skipping it here keeps `out[key] =` a plain data write.
    if (!isSecretKeyName(key) && key !== '__proto__') out[key] = strip(inner);
  }
  return out;
}
