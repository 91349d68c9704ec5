// Owns the Python values the MedARC reward preset reads: `json.loads` through the one JSON reader
// (multipleChoice/python/pythonJson) into plain numbers, strings and Maps (integers of any size kept),
// and `float(str)` (Unicode digits and whitespace, underscores between digits, inf/nan). Pure.
import { pyJsonRead, type PyJson } from '../multipleChoice/python/pythonJson';

/** A Python dict as `json.loads` builds it (a Map, so no key can reach a prototype). */
export type PyDict = Map<string, PyValue>;
/** An integer too large for a double: Python keeps it, and `float()` of it raises OverflowError. */
interface PyHugeInt {
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

/**
 * Python's `json.loads(text)` (multipleChoice/python/pythonJson's reader): throws a PyError where it
 * raises — JSONDecodeError, or ValueError past CPython's int digit limit.
 */
export function pyJsonLoads(text: string): PyValue {
  const result = pyJsonRead(text);
  if ('value' in result) return toValue(result.value);
  if ('decodeError' in result) throw new PyError('JSONDecodeError', result.decodeError);
  throw new PyError('ValueError', result.raises.replace(/^ValueError: /, ''));
}

/** Numbers as `float()` would read them; an int past a double's range stays huge (see PyHugeInt). */
function toValue(value: PyJson): PyValue {
  switch (value.kind) {
    case 'null':
      return null;
    case 'int': {
      const number = Number(value.value);
      return Number.isFinite(number) ? number : { hugeInt: value.value.toString() };
    }
    case 'list':
      return value.items.map(toValue);
    case 'dict':
      return new Map([...value.entries].map(([key, item]) => [key, toValue(item)]));
    default:
      return value.value;
  }
}

export function isPyDict(value: PyValue | undefined): value is PyDict {
  return value instanceof Map;
}

// ---------------------------------------------------------------------------------------------------
// str.strip() and float(str)

/** The characters `str.isspace()` accepts (CPython's Py_UNICODE_ISSPACE). */
const PY_SPACE =
  '\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

function isPySpace(ch: string): boolean {
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
