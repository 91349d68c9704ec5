// Parquet INT64 columns decode to BigInt, which JSON.stringify refuses and which would surprise every
// consumer of a row. Rows leave the reader with plain numbers where that is exact, strings otherwise.

/** `value` with every BigInt (also inside structs and lists) made a number, or a string when unsafe. */
function cloneableValue(value: unknown): unknown {
  if (typeof value === 'bigint') {
    const asNumber = Number(value);
    return Number.isSafeInteger(asNumber) ? asNumber : value.toString();
  }
  if (Array.isArray(value)) return value.map(cloneableValue);
  if (isPlainObject(value)) return cloneableRow(value);
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function cloneableRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, cell] of Object.entries(row)) out[key] = cloneableValue(cell);
  return out;
}
