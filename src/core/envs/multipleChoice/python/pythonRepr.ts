// Owns Python's `repr()` / `str()` of the values reference code formats into prompts or parses back
// from text: str (CPython's unicode_repr: the quote choice, backslash escapes, non-printable
// characters as \x, \u or \U escapes), int, float (the shortest round-trip digits in Python's
// layout: `5.0`, `1e-05`, `1e+16`, `inf`, `nan`), bool, None, and lists and dicts of them. SCT's
// parser reads the repr of the message list; MedHallu formats its knowledge list; Med-HALT prints
// option values. Pure.

/** A Python value as reference code holds it; `PyFloat` marks a float that looks like an int. */
export type PyValue =
  string | number | bigint | boolean | null | PyFloat | readonly PyValue[] | PyDict;

/** A float: JSON numbers and Parquet doubles are floats even when integral (`3.0`). */
export interface PyFloat {
  readonly pyFloat: number;
}

/** A dict in insertion order. */
export interface PyDict {
  readonly pyDict: readonly (readonly [PyValue, PyValue])[];
}

// str.isprintable() is false for these general categories (and true for ASCII 0x20–0x7e).
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}

/** `repr(text)` for a str. */
export function pyStrRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\x${hex(code, 2)}`;
    else if (code < 0x7f) out += ch;
    else if (!NOT_PRINTABLE.test(ch)) out += ch;
    else if (code < 0x100) out += `\\x${hex(code, 2)}`;
    else if (code < 0x10000) out += `\\u${hex(code, 4)}`;
    else out += `\\U${hex(code, 8)}`;
  }
  return out + quote;
}

/** `repr(x)` of a float: shortest round-trip digits, laid out as Python's `float_repr_style` short. */
export function pyFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  const exponent = Number(exponentText);
  // Python prints fixed notation for -4 <= exponent < 16, scientific otherwise.
  if (exponent < -4 || exponent >= 16) {
    const body = digits.length === 1 ? digits : `${digits[0] ?? ''}.${digits.slice(1)}`;
    const expSign = exponent < 0 ? '-' : '+';
    return `${sign}${body}e${expSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return `${sign}${whole}.${fraction === '' ? '0' : fraction}`;
}

export function isPyFloat(value: unknown): value is PyFloat {
  return typeof value === 'object' && value !== null && 'pyFloat' in value;
}

export function isPyDict(value: unknown): value is PyDict {
  return typeof value === 'object' && value !== null && 'pyDict' in value;
}

/** `repr(value)`. A JS number is an int when integral (a Parquet int64 or a JSON integer), else a float. */
export function pyRepr(value: PyValue): string {
  if (typeof value === 'string') return pyStrRepr(value);
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : pyFloatRepr(value);
  if (isPyFloat(value)) return pyFloatRepr(value.pyFloat);
  if (isPyDict(value)) {
    return `{${value.pyDict.map(([key, item]) => `${pyRepr(key)}: ${pyRepr(item)}`).join(', ')}}`;
  }
  return `[${value.map(pyRepr).join(', ')}]`;
}

/** `str(value)`: a str is itself, anything else its repr. */
export function pyStr(value: PyValue): string {
  return typeof value === 'string' ? value : pyRepr(value);
}
