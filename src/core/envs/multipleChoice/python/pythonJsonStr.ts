// Owns reading JSON the way CPython's `json.loads` does (strict mode, its defaults) and printing a
// value back as `str()` and `json.dumps(value, ensure_ascii=False)` print it, for ports of reference
// parsers whose answer is the printed value (MedARC's JSONParser). pythonJson.ts (Med-HALT's) reads
// the same grammar into pythonRepr's values; merging the two readers is a follow-up. Numbers keep Python's types (an integer stays an exact
// integer, `1.0` stays a float and prints `1.0`), objects keep key order with the last duplicate's
// value at the first one's place (a dict), and `NaN` / `Infinity` / `-Infinity` are accepted. Pure.

export type PyJson =
  | { kind: 'null' }
  | { kind: 'bool'; value: boolean }
  | { kind: 'int'; value: bigint }
  | { kind: 'float'; value: number }
  | { kind: 'str'; value: string }
  | { kind: 'list'; items: PyJson[] }
  | { kind: 'dict'; entries: Map<string, PyJson> };

class JsonError extends Error {}

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

/** `json.loads(text)`, or null where it raises (JSONDecodeError). */
export function pyJsonLoads(text: string): PyJson | null {
  try {
    const reader = new Reader(text);
    reader.skipWs();
    const value = reader.value();
    reader.skipWs();
    if (reader.at !== text.length) throw new JsonError('Extra data');
    return value;
  } catch (error) {
    if (error instanceof JsonError) return null;
    throw error;
  }
}

class Reader {
  at = 0;
  constructor(private readonly text: string) {}

  skipWs(): void {
    while (this.at < this.text.length && WS.has(this.text.charAt(this.at))) this.at += 1;
  }

  private literal(word: string): boolean {
    if (!this.text.startsWith(word, this.at)) return false;
    this.at += word.length;
    return true;
  }

  value(): PyJson {
    const c = this.text.charAt(this.at);
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return { kind: 'str', value: this.string() };
    if (this.literal('null')) return { kind: 'null' };
    if (this.literal('true')) return { kind: 'bool', value: true };
    if (this.literal('false')) return { kind: 'bool', value: false };
    if (this.literal('NaN')) return { kind: 'float', value: Number.NaN };
    if (this.literal('Infinity')) return { kind: 'float', value: Number.POSITIVE_INFINITY };
    if (this.literal('-Infinity')) return { kind: 'float', value: Number.NEGATIVE_INFINITY };
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (match === null) throw new JsonError('Expecting value');
    this.at += match[0].length;
    if (match[1] === undefined && match[2] === undefined) {
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
      if (this.text.charAt(this.at) !== '"') throw new JsonError('Expecting property name');
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
      const code = c.charCodeAt(0);
      this.at += 1;
      if (c === '"') return out;
      if (code < 0x20) throw new JsonError('Invalid control character');
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
      out += String.fromCharCode(this.hex4());
      // A high surrogate followed by an escaped low one is one code point, as CPython joins them.
    }
  }

  private hex4(): number {
    const hex = this.text.slice(this.at, this.at + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonError('Invalid \\uXXXX escape');
    this.at += 4;
    return Number.parseInt(hex, 16);
  }
}

/** `repr(float)`: the shortest digits that round-trip, fixed for 1e-4 ≤ |x| < 1e16, else exponent. */
export function pyFloatRepr(value: number): string {
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
