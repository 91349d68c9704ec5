// Owns `ast.literal_eval` for the Python literals datasets store as text (Med-HALT's `options` column
// holds `str(dict)` output such as `{'0': 'Vitamin A', 'correct answer': "Crohn's"}`): dicts, lists,
// tuples, str (single or double quotes, u/r prefixes, adjacent literals joined, every escape
// Python's tokenizer reads except \N{…}), decimal int and float (with a sign), True, False, None,
// whitespace and comments. Anything else is reported as not readable, as literal_eval raises.
// Pure.
import type { PyValue } from './pythonRepr';

export type LiteralResult = { ok: true; value: PyValue } | { ok: false; problem: string };

class LiteralError extends Error {}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

class Reader {
  private at = 0;
  constructor(private readonly text: string) {}

  parse(): PyValue {
    const value = this.value();
    this.space();
    if (this.at < this.text.length) this.fail('unexpected text after the value');
    return value;
  }

  private fail(problem: string): never {
    throw new LiteralError(`${problem} at offset ${this.at}`);
  }

  private peek(): string {
    return this.text[this.at] ?? '';
  }

  /** Whitespace, line continuations and comments between tokens. */
  private space(): void {
    for (;;) {
      const ch = this.peek();
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v') {
        this.at += 1;
      } else if (ch === '\\' && this.text[this.at + 1] === '\n') {
        this.at += 2;
      } else if (ch === '#') {
        while (this.at < this.text.length && this.peek() !== '\n') this.at += 1;
      } else return;
    }
  }

  private value(): PyValue {
    this.space();
    const ch = this.peek();
    if (ch === '{') return this.dict();
    if (ch === '[') return this.sequence('[', ']');
    if (ch === '(') return this.sequence('(', ')');
    if (ch === '-' || ch === '+') return this.signed();
    if (/[0-9.]/.test(ch)) return this.number();
    if (/[A-Za-z_]/.test(ch)) return this.nameOrString();
    if (ch === "'" || ch === '"') return this.strings('');
    return this.fail(ch === '' ? 'unexpected end' : `unexpected "${ch}"`);
  }

  private dict(): PyValue {
    this.at += 1;
    const entries: [PyValue, PyValue][] = [];
    for (;;) {
      this.space();
      if (this.peek() === '}') break;
      const key = this.value();
      if (typeof key === 'object' && key !== null && !('pyFloat' in key)) {
        this.fail('a dict key must be hashable');
      }
      this.space();
      if (this.peek() !== ':') this.fail('expected ":"');
      this.at += 1;
      const item = this.value();
      const same = entries.findIndex(([other]) => sameKey(other, key));
      if (same === -1) entries.push([key, item]);
      else entries[same] = [entries[same]?.[0] ?? key, item];
      this.space();
      if (this.peek() === ',') this.at += 1;
      else if (this.peek() !== '}') this.fail('expected "," or "}"');
    }
    this.at += 1;
    return { pyDict: entries };
  }

  private sequence(open: string, close: string): PyValue {
    this.at += 1;
    const items: PyValue[] = [];
    let commas = 0;
    for (;;) {
      this.space();
      if (this.peek() === close) break;
      items.push(this.value());
      this.space();
      if (this.peek() === ',') {
        this.at += 1;
        commas += 1;
      } else if (this.peek() !== close) this.fail(`expected "," or "${close}"`);
    }
    this.at += 1;
    // `(x)` is x itself; `(x,)` and `()` are tuples (kept as lists: only their items matter here).
    if (open === '(' && items.length === 1 && commas === 0) return items[0] ?? null;
    return items;
  }

  private signed(): PyValue {
    const sign = this.peek();
    this.at += 1;
    const operand = this.value();
    if (typeof operand === 'bigint') return sign === '-' ? -operand : operand;
    if (typeof operand === 'object' && operand !== null && 'pyFloat' in operand) {
      return { pyFloat: sign === '-' ? -operand.pyFloat : operand.pyFloat };
    }
    return this.fail('a sign must precede a number');
  }

  private number(): PyValue {
    const match = /^(?:\d(?:_?\d)*)?(?:\.(?:\d(?:_?\d)*)?)?(?:[eE][-+]?\d(?:_?\d)*)?/.exec(
      this.text.slice(this.at),
    );
    const token = match?.[0] ?? '';
    const next = this.text[this.at + token.length] ?? '';
    if (token === '' || token === '.' || /[A-Za-z0-9_]/.test(next)) {
      this.fail('unsupported number');
    }
    this.at += token.length;
    const plain = token.replaceAll('_', '');
    if (/^\d+$/.test(plain)) {
      // A decimal int literal may not start with 0 unless it is all zeros (`07` is a SyntaxError).
      if (/^0+[1-9]/.test(plain)) this.fail('leading zeros in an int literal');
      return BigInt(plain);
    }
    return { pyFloat: Number(plain) };
  }

  private nameOrString(): PyValue {
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.at));
    const name = match?.[0] ?? '';
    const quote = this.text[this.at + name.length];
    if ((quote === "'" || quote === '"') && /^(?:[uU]|[rR])$/.test(name)) {
      this.at += name.length;
      return this.strings(name.toLowerCase());
    }
    this.at += name.length;
    if (name === 'True') return true;
    if (name === 'False') return false;
    if (name === 'None') return null;
    return this.fail(`"${name}" is not a literal`);
  }

  /** One or more adjacent string literals, joined. */
  private strings(firstPrefix: string): string {
    let out = this.string(firstPrefix);
    for (;;) {
      const save = this.at;
      this.space();
      const ch = this.peek();
      if (ch === "'" || ch === '"') out += this.string('');
      else if (/[uUrR]/.test(ch) && /['"]/.test(this.text[this.at + 1] ?? '')) {
        this.at += 1;
        out += this.string(ch.toLowerCase());
      } else {
        this.at = save;
        return out;
      }
    }
  }

  private string(prefix: string): string {
    const quote = this.peek();
    if (this.text.startsWith(quote.repeat(3), this.at)) this.fail('triple-quoted strings');
    this.at += 1;
    const isRaw = prefix === 'r';
    let out = '';
    for (;;) {
      const ch = this.text[this.at];
      if (ch === undefined || ch === '\n') this.fail('unterminated string');
      this.at += 1;
      if (ch === quote) return out;
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const next = this.text[this.at] ?? '';
      if (isRaw) {
        out += `\\${next}`;
        this.at += 1;
        continue;
      }
      out += this.escape(next);
    }
  }

  private escape(next: string): string {
    this.at += 1;
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) return simple;
    if (next === '\n') return '';
    if (/[0-7]/.test(next)) {
      const octal = /^[0-7]{1,3}/.exec(this.text.slice(this.at - 1))?.[0] ?? next;
      this.at += octal.length - 1;
      return String.fromCodePoint(parseInt(octal, 8));
    }
    const width = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
    if (width > 0) {
      const digits = this.text.slice(this.at, this.at + width);
      if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(digits)) this.fail(`bad \\${next} escape`);
      this.at += width;
      const code = parseInt(digits, 16);
      if (code > 0x10ffff) this.fail('escape out of range');
      return String.fromCodePoint(code);
    }
    if (next === 'N') this.fail('\\N{…} escapes are not read here');
    // Python keeps an unknown escape as written.
    return `\\${next}`;
  }
}

function sameKey(a: PyValue, b: PyValue): boolean {
  if (typeof a === 'object' && a !== null && 'pyFloat' in a) {
    return typeof b === 'object' && b !== null && 'pyFloat' in b ? a.pyFloat === b.pyFloat : false;
  }
  return a === b;
}

/** `ast.literal_eval(text)` for the subset above. */
export function literalEval(text: string): LiteralResult {
  try {
    return { ok: true, value: new Reader(text).parse() };
  } catch (error) {
    if (error instanceof LiteralError) return { ok: false, problem: error.message };
    throw error;
  }
}
