// Owns Python's `int(x)` for values read from JSON or literals: ints as they are, floats truncated
// toward zero (inf and nan raise), bools as 0 and 1, and strings in base 10 — surrounding whitespace,
// a sign, any Unicode decimal digits, single underscores between digits — everything else raises.
// Pure.
import { pyStrip } from './pythonRegex';
import { isPyDict, isPyFloat, type PyValue } from './pythonRepr';

export type IntResult = { ok: true; value: bigint } | { ok: false; raises: string };

/** A Unicode decimal digit's value (`unicodedata.decimal`): digits come in runs of ten from 0. */
function decimalValue(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  let start = code;
  while (start > 0 && /\p{Nd}/u.test(String.fromCodePoint(start - 1))) start -= 1;
  return (code - start) % 10;
}

function intOfString(text: string): IntResult {
  const body = pyStrip(text);
  const match = /^([-+]?)(\p{Nd}+(?:_\p{Nd}+)*)$/u.exec(body);
  if (match === null) {
    return { ok: false, raises: `ValueError: invalid literal for int() with base 10` };
  }
  const digits = Array.from(match[2] ?? '')
    .filter((ch) => ch !== '_')
    .map(decimalValue)
    .join('');
  const value = BigInt(digits);
  return { ok: true, value: match[1] === '-' ? -value : value };
}

/** `int(value)`. */
export function pyInt(value: PyValue | undefined): IntResult {
  if (typeof value === 'bigint') return { ok: true, value };
  if (typeof value === 'boolean') return { ok: true, value: value ? 1n : 0n };
  if (typeof value === 'string') return intOfString(value);
  if (typeof value === 'number' || isPyFloat(value)) {
    const number = typeof value === 'number' ? value : value.pyFloat;
    if (Number.isNaN(number)) return { ok: false, raises: 'ValueError: cannot convert float NaN' };
    if (!Number.isFinite(number)) {
      return { ok: false, raises: 'OverflowError: cannot convert float infinity' };
    }
    return { ok: true, value: BigInt(Math.trunc(number)) };
  }
  const kind =
    value === undefined || value === null ? 'NoneType' : isPyDict(value) ? 'dict' : 'list';
  return { ok: false, raises: `TypeError: int() argument must not be ${kind}` };
}
