// Owns Python's `json.loads` for reference ports that read JSON out of a model's reply: the same
// grammar as JSON.parse plus Python's NaN, Infinity and -Infinity, ints kept exact (bigint) and apart
// from floats (`3` vs `3.0`), objects kept in insertion order with the last duplicate key winning.
// A text json.loads rejects yields null. Pure.
import type { PyDict, PyValue } from './pythonRepr';

class JsonError extends Error {}
/** What json.loads raises besides JSONDecodeError: an int over CPython's 4,300-digit limit. */
class DigitLimitError extends Error {}

const INT_DIGIT_LIMIT = 4300;

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
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
const NUMBER = /^-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/;

class Reader {
  private at = 0;
  constructor(private readonly text: string) {}

  document(): PyValue {
    const value = this.value();
    this.space();
    if (this.at !== this.text.length) throw new JsonError('Extra data');
    return value;
  }

  private space(): void {
    while (WHITESPACE.has(this.text[this.at] ?? '')) this.at += 1;
  }

  private value(): PyValue {
    this.space();
    const ch = this.text[this.at] ?? '';
    if (ch === '{') return this.object();
    if (ch === '[') return this.array();
    if (ch === '"') return this.string();
    for (const [word, value] of WORDS) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return value;
      }
    }
    const match = NUMBER.exec(this.text.slice(this.at));
    if (match === null) throw new JsonError('Expecting value');
    this.at += match[0].length;
    if (match[1] === undefined && match[2] === undefined) {
      if (match[0].replace('-', '').length > INT_DIGIT_LIMIT) throw new DigitLimitError();
      return BigInt(match[0]);
    }
    return { pyFloat: Number(match[0]) };
  }

  private object(): PyDict {
    this.at += 1;
    const entries: [PyValue, PyValue][] = [];
    this.space();
    if (this.text[this.at] === '}') {
      this.at += 1;
      return { pyDict: entries };
    }
    for (;;) {
      this.space();
      if (this.text[this.at] !== '"') throw new JsonError('Expecting property name');
      const key = this.string();
      this.space();
      if (this.text[this.at] !== ':') throw new JsonError("Expecting ':'");
      this.at += 1;
      const item = this.value();
      const same = entries.findIndex(([other]) => other === key);
      if (same === -1) entries.push([key, item]);
      else entries[same] = [key, item];
      this.space();
      const next = this.text[this.at];
      this.at += 1;
      if (next === '}') return { pyDict: entries };
      if (next !== ',') throw new JsonError("Expecting ',' delimiter");
    }
  }

  private array(): PyValue[] {
    this.at += 1;
    const items: PyValue[] = [];
    this.space();
    if (this.text[this.at] === ']') {
      this.at += 1;
      return items;
    }
    for (;;) {
      items.push(this.value());
      this.space();
      const next = this.text[this.at];
      this.at += 1;
      if (next === ']') return items;
      if (next !== ',') throw new JsonError("Expecting ',' delimiter");
    }
  }

  private string(): string {
    this.at += 1;
    let out = '';
    for (;;) {
      const ch = this.text[this.at];
      if (ch === undefined) throw new JsonError('Unterminated string');
      this.at += 1;
      if (ch === '"') return out;
      // strict=True: control characters must be escaped.
      if (ch < ' ') throw new JsonError('Invalid control character');
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const next = this.text[this.at] ?? '';
      this.at += 1;
      const simple = ESCAPES[next];
      if (simple !== undefined) {
        out += simple;
        continue;
      }
      if (next !== 'u') throw new JsonError('Invalid \\escape');
      out += String.fromCharCode(this.hex4());
    }
  }

  private hex4(): number {
    const digits = this.text.slice(this.at, this.at + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(digits)) throw new JsonError('Invalid \\uXXXX escape');
    this.at += 4;
    return parseInt(digits, 16);
  }
}

// Python's decoder tries these words where a value starts (JSON's three plus its extensions).
const WORDS: readonly (readonly [string, PyValue])[] = [
  ['null', null],
  ['true', true],
  ['false', false],
  ['NaN', { pyFloat: NaN }],
  ['Infinity', { pyFloat: Infinity }],
  ['-Infinity', { pyFloat: -Infinity }],
];

export type JsonLoadsResult =
  | { value: PyValue }
  /** JSONDecodeError. */
  | { decodeError: string }
  /** Another exception (ValueError), which callers that only catch JSONDecodeError let through. */
  | { raises: string };

/** `json.loads(text)`. */
export function pyJsonLoads(text: string): JsonLoadsResult {
  try {
    return { value: new Reader(text).document() };
  } catch (error) {
    if (error instanceof JsonError) return { decodeError: error.message };
    if (error instanceof DigitLimitError) {
      return { raises: 'ValueError: an int literal over 4,300 digits' };
    }
    throw error;
  }
}

/** The value of `key` in a dict (`d.get(key)`), or undefined when absent. */
export function pyDictGet(dict: PyDict, key: string): PyValue | undefined {
  return dict.pyDict.find(([other]) => other === key)?.[1];
}
