// Owns printing what `json.loads` returns (pythonJson's PyJson) back as `str()` and
// `json.dumps(value, ensure_ascii=False)` print it, for ports of reference parsers whose answer is
// the printed value (MedARC's JSONParser): an int prints exact, `1.0` stays `1.0`, dicts keep their
// key order. Pure.
import type { PyJson } from './pythonJson';

/** `repr(float)`: the shortest digits that round-trip, fixed for 1e-4 ≤ |x| < 1e16, else exponent. */
function pyFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  if (exponent >= -4 && exponent < 16) {
    if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
    const whole = digits.padEnd(exponent + 1, '0');
    const int = whole.slice(0, exponent + 1);
    const frac = whole.slice(exponent + 1);
    return `${sign}${int}.${frac === '' ? '0' : frac}`;
  }
  const head = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const expSign = exponent < 0 ? '-' : '+';
  return `${sign}${head}e${expSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

/** `str(value)` for what `json.loads` returns (containers as `json.dumps` would not: see below). */
export function pyStr(value: PyJson): string {
  switch (value.kind) {
    case 'null':
      return 'None';
    case 'bool':
      return value.value ? 'True' : 'False';
    case 'int':
      return value.value.toString();
    case 'float':
      return pyFloatRepr(value.value);
    case 'str':
      return value.value;
    default:
      return pyJsonDumps(value);
  }
}

function dumpString(text: string): string {
  let out = '"';
  for (const c of text) {
    const code = c.charCodeAt(0);
    if (c === '"') out += '\\"';
    else if (c === '\\') out += '\\\\';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (c === '\b') out += '\\b';
    else if (c === '\f') out += '\\f';
    else if (code < 0x20) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += c;
  }
  return `${out}"`;
}

/** `json.dumps(value, ensure_ascii=False)` with its default separators. */
export function pyJsonDumps(value: PyJson): string {
  switch (value.kind) {
    case 'null':
      return 'null';
    case 'bool':
      return value.value ? 'true' : 'false';
    case 'int':
      return value.value.toString();
    case 'float':
      if (Number.isNaN(value.value)) return 'NaN';
      if (!Number.isFinite(value.value)) return value.value > 0 ? 'Infinity' : '-Infinity';
      return pyFloatRepr(value.value);
    case 'str':
      return dumpString(value.value);
    case 'list':
      return `[${value.items.map(pyJsonDumps).join(', ')}]`;
    case 'dict':
      return `{${[...value.entries].map(([k, v]) => `${dumpString(k)}: ${pyJsonDumps(v)}`).join(', ')}}`;
  }
}
