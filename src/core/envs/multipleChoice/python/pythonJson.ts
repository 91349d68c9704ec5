// Owns reading JSON the way CPython's `json.loads` does (strict mode, its defaults), for every port
// of reference code that reads JSON with Python: out of a model's or a judge's reply — MedARC's
// JSONParser (head_qa_v2 and the other choice envs, printed back by pythonJsonStr), Med-HALT's scorer
// (pythonRepr's values), MTSamples' judge reward (mtsamples/pythonJson) — and the data files a
// reference reads with json.load (LongHealth's benchmark, PubMedQA's test-subset list, HealthBench's
// JSONL lines: `pyJsonDigitLimitError`). One reader: the grammar of JSON.parse plus Python's NaN,
// Infinity and -Infinity; ints kept exact (bigint) and apart from floats (`3` vs `3.0`); objects in
// key order with the last duplicate's value at the first one's place (a dict); a UTF-8 BOM refused;
// CPython's (3.11+, which MedARC requires) limit of 4,300 digits on an int literal, past which
// json.loads raises ValueError where it reads that int (sys.int_info.default_max_str_digits). Pure.
import type { PyDict, PyValue } from './pythonRepr';

/** What `json.loads` returns, tagged by Python type. */
export type PyJson =
  | { kind: 'null' }
  | { kind: 'bool'; value: boolean }
  | { kind: 'int'; value: bigint }
  | { kind: 'float'; value: number }
  | { kind: 'str'; value: string }
  | { kind: 'list'; items: PyJson[] }
  | { kind: 'dict'; entries: Map<string, PyJson> };

export type JsonLoadsResult<V = PyJson> =
  | { value: V }
  /** JSONDecodeError, with CPython's message. */
  | { decodeError: string }
  /** Another exception (ValueError), which callers that only catch JSONDecodeError let through. */
  | { raises: string };

/** sys.int_info.default_max_str_digits. */
const INT_DIGIT_LIMIT = 4300;

class JsonError extends Error {}
class DigitLimitError extends Error {}

/** What json.loads raises past the int digit limit: a ValueError, not a JSONDecodeError. */
export class PyJsonValueError extends Error {}

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
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

// Python's decoder tries these words where a value starts (JSON's three plus its extensions).
const WORDS: readonly (readonly [string, () => PyJson])[] = [
  ['null', () => ({ kind: 'null' })],
  ['true', () => ({ kind: 'bool', value: true })],
  ['false', () => ({ kind: 'bool', value: false })],
  ['NaN', () => ({ kind: 'float', value: Number.NaN })],
  ['Infinity', () => ({ kind: 'float', value: Number.POSITIVE_INFINITY })],
  ['-Infinity', () => ({ kind: 'float', value: Number.NEGATIVE_INFINITY })],
];

/** `json.loads(text)`: its value, or the exception it raises. */
export function pyJsonRead(text: string): JsonLoadsResult {
  try {
    if (text.startsWith('\ufeff')) throw new JsonError('Unexpected UTF-8 BOM');
    const reader = new Reader(text, INT_DIGIT_LIMIT);
    reader.skipWs();
    const value = reader.value();
    reader.skipWs();
    if (reader.at !== text.length) throw new JsonError('Extra data');
    return { value };
  } catch (error) {
    if (error instanceof JsonError) return { decodeError: error.message };
    if (error instanceof DigitLimitError) return { raises: error.message };
    throw error;
  }
}

/**
 * `json.loads(text)` inside `except json.JSONDecodeError` (MedARC's JSONParser): null where it raises
 * JSONDecodeError; the ValueError of the int digit limit, which that clause lets through, is thrown
 * (PyJsonValueError).
 */
export function pyJsonLoads(text: string): PyJson | null {
  const result = pyJsonRead(text);
  if ('raises' in result) throw new PyJsonValueError(result.raises);
  return 'value' in result ? result.value : null;
}

/** `json.loads(text)` as pythonRepr's values (Med-HALT). */
export function pyJsonLoadsRepr(text: string): JsonLoadsResult<PyValue> {
  const result = pyJsonRead(text);
  return 'value' in result ? { value: toRepr(result.value) } : result;
}

/**
 * For a data file the reference reads with json.load and we read with JSON.parse (after it parsed):
 * the ValueError json.loads raises on an int literal past the digit limit, or null. Only a text with a
 * run of more than 4,300 digits is read again, with Python's reader (digits in a string do not count).
 */
export function pyJsonDigitLimitError(text: string): string | null {
  if (!LONG_DIGIT_RUN.test(text)) return null;
  const result = pyJsonRead(text);
  return 'raises' in result ? result.raises : null;
}

const LONG_DIGIT_RUN = new RegExp(`[0-9]{${INT_DIGIT_LIMIT + 1}}`);

function toRepr(value: PyJson): PyValue {
  switch (value.kind) {
    case 'null':
      return null;
    case 'float':
      return { pyFloat: value.value };
    case 'list':
      return value.items.map(toRepr);
    case 'dict':
      return { pyDict: [...value.entries].map(([key, item]) => [key, toRepr(item)] as const) };
    default:
      return value.value;
  }
}

/** The value of `key` in a dict (`d.get(key)`), or undefined when absent. */
export function pyDictGet(dict: PyDict, key: string): PyValue | undefined {
  return dict.pyDict.find(([other]) => other === key)?.[1];
}

class Reader {
  at = 0;
  constructor(
    private readonly text: string,
    private readonly intDigitLimit: number,
  ) {}

  skipWs(): void {
    while (this.at < this.text.length && WS.has(this.text.charAt(this.at))) this.at += 1;
  }

  value(): PyJson {
    const c = this.text.charAt(this.at);
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return { kind: 'str', value: this.string() };
    for (const [word, make] of WORDS) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return make();
      }
    }
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (match === null) throw new JsonError('Expecting value');
    this.at += match[0].length;
    if (match[1] === undefined && match[2] === undefined) {
      const digits = match[0].replace('-', '').length;
      if (digits > this.intDigitLimit) {
        throw new DigitLimitError(
          `ValueError: Exceeds the limit (${this.intDigitLimit} digits) for integer string conversion: value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit`,
        );
      }
      return { kind: 'int', value: BigInt(match[0]) };
    }
    return { kind: 'float', value: Number(match[0]) };
  }

  private object(): PyJson {
    this.at += 1;
    const entries = new Map<string, PyJson>();
    this.skipWs();
    if (this.text.charAt(this.at) === '}') {
      this.at += 1;
      return { kind: 'dict', entries };
    }
    for (;;) {
      if (this.text.charAt(this.at) !== '"') {
        throw new JsonError('Expecting property name enclosed in double quotes');
      }
      const key = this.string();
      this.skipWs();
      if (this.text.charAt(this.at) !== ':') throw new JsonError("Expecting ':' delimiter");
      this.at += 1;
      this.skipWs();
      entries.set(key, this.value());
      this.skipWs();
      const c = this.text.charAt(this.at);
      this.at += 1;
      if (c === '}') return { kind: 'dict', entries };
      if (c !== ',') throw new JsonError("Expecting ',' delimiter");
      this.skipWs();
    }
  }

  private array(): PyJson {
    this.at += 1;
    const items: PyJson[] = [];
    this.skipWs();
    if (this.text.charAt(this.at) === ']') {
      this.at += 1;
      return { kind: 'list', items };
    }
    for (;;) {
      items.push(this.value());
      this.skipWs();
      const c = this.text.charAt(this.at);
      this.at += 1;
      if (c === ']') return { kind: 'list', items };
      if (c !== ',') throw new JsonError("Expecting ',' delimiter");
      this.skipWs();
    }
  }

  private string(): string {
    this.at += 1;
    let out = '';
    for (;;) {
      if (this.at >= this.text.length) throw new JsonError('Unterminated string');
      const c = this.text.charAt(this.at);
      this.at += 1;
      if (c === '"') return out;
      // strict=True: control characters must be escaped.
      if (c.charCodeAt(0) < 0x20) throw new JsonError('Invalid control character');
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.text.charAt(this.at);
      this.at += 1;
      const simple = ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        continue;
      }
      if (e !== 'u') throw new JsonError('Invalid \\escape');
      // Each \u escape is one UTF-16 unit; an escaped surrogate pair joins into one code point.
      out += String.fromCharCode(this.hex4());
    }
  }

  private hex4(): number {
    const hex = this.text.slice(this.at, this.at + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonError('Invalid \\uXXXX escape');
    this.at += 4;
    return Number.parseInt(hex, 16);
  }
}
