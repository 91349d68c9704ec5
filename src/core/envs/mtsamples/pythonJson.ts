// Owns reading JSON and numbers the way CPython does, for the MedARC reward preset: `json.loads`
// (NaN/Infinity literals, integers of any size, "Extra data" after the value, objects as dicts) and
// `float(str)` (Unicode digits and whitespace, underscores between digits, inf/nan). Pure.

/** A Python dict as `json.loads` builds it (a Map, so no key can reach a prototype). */
export type PyDict = Map<string, PyValue>;
/** An integer too large for a double: Python keeps it, and `float()` of it raises OverflowError. */
export interface PyHugeInt {
  hugeInt: string;
}
export type PyValue = null | boolean | number | string | PyHugeInt | PyValue[] | PyDict;

/** Thrown where Python would raise; `pyType` names the exception. */
export class PyError extends Error {
  constructor(
    readonly pyType: string,
    message: string,
  ) {
    super(message);
  }
}

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
const JSON_WS = /[ \t\n\r]*/y;

class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  fail(what: string): never {
    throw new PyError('JSONDecodeError', `${what} at ${this.pos}`);
  }

  skipWs(): void {
    JSON_WS.lastIndex = this.pos;
    JSON_WS.exec(this.text);
    this.pos = JSON_WS.lastIndex;
  }

  value(): PyValue {
    this.skipWs();
    const ch = this.text[this.pos];
    if (ch === '{') return this.object();
    if (ch === '[') return this.array();
    if (ch === '"') return this.string();
    for (const [word, value] of LITERALS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    JSON_NUMBER.lastIndex = this.pos;
    const match = JSON_NUMBER.exec(this.text);
    if (match === null) return this.fail('Expecting value');
    this.pos = JSON_NUMBER.lastIndex;
    const literal = match[0];
    const number = Number(literal);
    const isInt = match[1] === undefined && match[2] === undefined;
    return isInt && !Number.isFinite(number) ? { hugeInt: literal } : number;
  }

  object(): PyDict {
    const dict: PyDict = new Map();
    this.pos += 1;
    this.skipWs();
    if (this.text[this.pos] === '}') {
      this.pos += 1;
      return dict;
    }
    for (;;) {
      this.skipWs();
      if (this.text[this.pos] !== '"')
        this.fail('Expecting property name enclosed in double quotes');
      const key = this.string();
      this.skipWs();
      if (this.text[this.pos] !== ':') this.fail("Expecting ':' delimiter");
      this.pos += 1;
      dict.set(key, this.value());
      this.skipWs();
      const next = this.text[this.pos];
      this.pos += 1;
      if (next === '}') return dict;
      if (next !== ',') this.fail("Expecting ',' delimiter");
    }
  }

  array(): PyValue[] {
    const list: PyValue[] = [];
    this.pos += 1;
    this.skipWs();
    if (this.text[this.pos] === ']') {
      this.pos += 1;
      return list;
    }
    for (;;) {
      list.push(this.value());
      this.skipWs();
      const next = this.text[this.pos];
      this.pos += 1;
      if (next === ']') return list;
      if (next !== ',') this.fail("Expecting ',' delimiter");
    }
  }

  string(): string {
    let out = '';
    this.pos += 1;
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === undefined) this.fail('Unterminated string');
      this.pos += 1;
      if (ch === '"') return out;
      if (ch === '\\') {
        out += this.escape();
      } else if (ch.charCodeAt(0) < 0x20) {
        this.fail('Invalid control character');
      } else {
        out += ch;
      }
    }
  }

  escape(): string {
    const ch = this.text[this.pos];
    this.pos += 1;
    const simple = ch === undefined ? undefined : ESCAPES[ch];
    if (simple !== undefined) return simple;
    if (ch !== 'u') return this.fail('Invalid \\escape');
    const hex = this.text.slice(this.pos, this.pos + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('Invalid \\uXXXX escape');
    this.pos += 4;
    return String.fromCharCode(parseInt(hex, 16));
  }
}

const LITERALS: readonly (readonly [string, PyValue])[] = [
  ['null', null],
  ['true', true],
  ['false', false],
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
];

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** Python's `json.loads(text)`: throws a PyError where it raises. */
export function pyJsonLoads(text: string): PyValue {
  if (text.startsWith('\ufeff')) throw new PyError('JSONDecodeError', 'Unexpected UTF-8 BOM');
  const reader = new Reader(text);
  const value = reader.value();
  reader.skipWs();
  if (reader.pos !== text.length) reader.fail('Extra data');
  return value;
}

export function isPyDict(value: PyValue | undefined): value is PyDict {
  return value instanceof Map;
}

// ---------------------------------------------------------------------------------------------------
// str.strip() and float(str)

/** The characters `str.isspace()` accepts (CPython's Py_UNICODE_ISSPACE). */
const PY_SPACE =
  '\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

export function isPySpace(ch: string): boolean {
  return PY_SPACE.includes(ch);
}

/** Python's `str.strip()` with no argument. */
export function pyStrip(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isPySpace(text.charAt(start))) start += 1;
  while (end > start && isPySpace(text.charAt(end - 1))) end -= 1;
  return text.slice(start, end);
}

const DECIMAL_DIGIT = /^\p{Nd}$/u;

/** A Unicode decimal digit's value: Nd characters come in contiguous runs of whole 0–9 blocks. */
function decimalValue(ch: string): number {
  let start = ch.codePointAt(0) ?? 0;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
  return ((ch.codePointAt(0) ?? 0) - start) % 10;
}

const DIGITS = String.raw`\d(?:_?\d)*`;
const PY_FLOAT = new RegExp(
  String.raw`^[+-]?(?:(?:${DIGITS}(?:\.(?:${DIGITS})?)?|\.${DIGITS})(?:[eE][+-]?${DIGITS})?)$`,
);
const PY_SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

/**
 * Python's `float(text)`: non-ASCII digits and spaces are first mapped to ASCII
 * (_PyUnicode_TransformDecimalAndSpaceToASCII), ASCII whitespace around the number is ignored.
 * Throws a PyError (ValueError) where Python raises.
 */
export function pyFloatOfString(text: string): number {
  let ascii = '';
  for (const ch of text) {
    if (ch.charCodeAt(0) < 127) ascii += ch;
    else if (isPySpace(ch)) ascii += ' ';
    else if (DECIMAL_DIGIT.test(ch)) ascii += String(decimalValue(ch));
    else ascii += '?';
  }
  const trimmed = ascii.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');
  const special = PY_SPECIAL.exec(trimmed);
  if (special !== null) {
    const sign = special[1] === '-' ? -1 : 1;
    return special[2]?.toLowerCase() === 'nan' ? NaN : sign * Infinity;
  }
  if (!PY_FLOAT.test(trimmed)) {
    throw new PyError('ValueError', `could not convert string to float: '${text}'`);
  }
  return Number(trimmed.replace(/_/g, ''));
}

/** Python's `min(a, b)` and `max(a, b)`: the first argument wins unless the second compares past it. */
export function pyMin(a: number, b: number): number {
  return b < a ? b : a;
}

export function pyMax(a: number, b: number): number {
  return b > a ? b : a;
}
