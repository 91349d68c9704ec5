// Owns Python's `eval` for the arithmetic MedCalc-Bench's reference evaluates from model replies
// (`str(...)` answers) and from extracted numbers: int and float literals (Python's rules: `07` is a
// SyntaxError, `007.5` is not; ASCII digits only), True/False/None, string literals, + - * / // % **
// (ints exact, true division to float, floor division and modulo with Python's signs), unary + -,
// comparisons, parentheses, and calls to the names the reference provides (min, pow, round, abs, int,
// float, math.*). Anything else raises as Python would — NameError, TypeError, ZeroDivisionError,
// ValueError, OverflowError, SyntaxError — and what this subset cannot follow (numpy, complex
// numbers, other builtins' behaviour) raises `UnsupportedPython`, so a caller can say it did not
// reproduce the reference there. Pure.
import { pyFormatFixed } from './pythonFormat';
import { pyStrip } from './pythonRegex';
import { pyFloatRepr } from './pythonRepr';

/** A Python value of the subset: int (bigint), float, bool, str, None, or a function. */
export type PyNum = bigint | { f: number } | boolean | string | null | PyFunction;
interface PyFunction {
  fn: string;
}

export class PythonError extends Error {}
export class UnsupportedPython extends Error {}

const raise = (kind: string, message: string): never => {
  throw new PythonError(`${kind}: ${message}`);
};

type Token = { kind: 'num' | 'name' | 'str' | 'op'; text: string };

const OPS = [
  '**',
  '//',
  '==',
  '!=',
  '<=',
  '>=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '(',
  ')',
  ',',
  '.',
  '<',
  '>',
];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] ?? '';
    if (ch === ' ' || ch === '\t' || ch === '\f') {
      i += 1;
      continue;
    }
    const rest = source.slice(i);
    const number =
      /^(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][-+]?\d(?:_?\d)*)?/.exec(rest);
    if (number !== null && number[0] !== '' && /^[\d.]/.test(rest)) {
      const text = number[0];
      if (/^[A-Za-z0-9_\p{L}]/u.test(rest.slice(text.length)))
        raise('SyntaxError', 'invalid decimal literal');
      tokens.push({ kind: 'num', text });
      i += text.length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (name !== null) {
      tokens.push({ kind: 'name', text: name[0] });
      i += name[0].length;
      continue;
    }
    if (ch === "'" || ch === '"') {
      const end = source.indexOf(ch, i + 1);
      const body = end === -1 ? null : source.slice(i + 1, end);
      if (body === null || body.includes('\\')) {
        if (body === null) raise('SyntaxError', 'unterminated string literal');
        throw new UnsupportedPython('string escapes');
      }
      tokens.push({ kind: 'str', text: body });
      i = end + 1;
      continue;
    }
    const op = OPS.find((candidate) => source.startsWith(candidate, i));
    if (op === undefined) {
      if (/\p{Nd}/u.test(ch)) raise('SyntaxError', `invalid character "${ch}"`);
      if (/[\p{L}\p{N}_]/u.test(ch)) throw new UnsupportedPython(`the non-ASCII name "${ch}"`);
      raise('SyntaxError', `invalid character "${ch}"`);
    }
    tokens.push({ kind: 'op', text: op ?? '' });
    i += (op ?? '').length;
  }
  return tokens;
}

function literal(text: string): PyNum {
  const plain = text.replaceAll('_', '');
  if (/^\d+$/.test(plain)) {
    if (/^0+[1-9]/.test(plain)) raise('SyntaxError', 'leading zeros in decimal integer literals');
    return BigInt(plain);
  }
  return { f: Number(plain) };
}

const isFloat = (v: PyNum): v is { f: number } => typeof v === 'object' && v !== null && 'f' in v;
const isFn = (v: PyNum): v is PyFunction => typeof v === 'object' && v !== null && 'fn' in v;

function typeName(v: PyNum): string {
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'str';
  if (v === null) return 'NoneType';
  return isFloat(v) ? 'float' : 'builtin_function_or_method';
}

/** int, bool (as int) or float; null when not a number. */
function numeric(v: PyNum): bigint | { f: number } | null {
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'bigint' || isFloat(v)) return v;
  return null;
}

function toFloat(v: bigint | { f: number }): number {
  if (typeof v !== 'bigint') return v.f;
  const n = Number(v);
  if (!Number.isFinite(n)) raise('OverflowError', 'int too large to convert to float');
  return n;
}

function checkFloat(n: number): { f: number } {
  if (!Number.isFinite(n)) raise('OverflowError', 'numerical result out of range');
  return { f: n };
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function arithmetic(op: string, left: PyNum, right: PyNum): PyNum {
  const a = numeric(left);
  const b = numeric(right);
  if (a === null || b === null) {
    if (typeof left === 'string' && typeof right === 'string' && op === '+') return left + right;
    return raise(
      'TypeError',
      `unsupported operand type(s) for ${op}: '${typeName(left)}' and '${typeName(right)}'`,
    );
  }
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        if (b === 0n) raise('ZeroDivisionError', 'division by zero');
        return checkFloat(toFloat(a) / toFloat(b));
      case '//':
        if (b === 0n) raise('ZeroDivisionError', 'integer division or modulo by zero');
        return floorDiv(a, b);
      case '%':
        if (b === 0n) raise('ZeroDivisionError', 'integer modulo by zero');
        return a - floorDiv(a, b) * b;
      case '**':
        if (b < 0n) {
          if (a === 0n) raise('ZeroDivisionError', '0.0 cannot be raised to a negative power');
          return checkFloat(toFloat(a) ** toFloat(b));
        }
        if (b > 10000n) throw new UnsupportedPython('huge integer power');
        return a ** b;
    }
  }
  const x = toFloat(a);
  const y = toFloat(b);
  switch (op) {
    case '+':
      return checkFloat(x + y);
    case '-':
      return checkFloat(x - y);
    case '*':
      return checkFloat(x * y);
    case '/':
      if (y === 0) raise('ZeroDivisionError', 'float division by zero');
      return checkFloat(x / y);
    case '//':
      if (y === 0) raise('ZeroDivisionError', 'float floor division by zero');
      return { f: Math.floor(x / y) };
    case '%': {
      if (y === 0) raise('ZeroDivisionError', 'float modulo');
      let r = x % y;
      if (r !== 0 && r < 0 !== y < 0) r += y;
      return { f: r };
    }
    case '**':
      if (x === 0 && y < 0) raise('ZeroDivisionError', '0.0 cannot be raised to a negative power');
      if (x < 0 && !Number.isInteger(y)) throw new UnsupportedPython('a complex result');
      return checkFloat(x ** y);
  }
  return raise('SyntaxError', `operator ${op}`);
}

function compare(op: string, left: PyNum, right: PyNum): boolean {
  const a = numeric(left);
  const b = numeric(right);
  if (a === null || b === null) {
    if (op === '==') return left === right;
    if (op === '!=') return left !== right;
    if (typeof left === 'string' && typeof right === 'string') {
      return op === '<'
        ? left < right
        : op === '>'
          ? left > right
          : op === '<='
            ? left <= right
            : left >= right;
    }
    return raise(
      'TypeError',
      `'${op}' not supported between '${typeName(left)}' and '${typeName(right)}'`,
    );
  }
  const cmp = compareNumbers(a, b);
  switch (op) {
    case '==':
      return cmp === 0;
    case '!=':
      return cmp !== 0;
    case '<':
      return cmp < 0;
    case '>':
      return cmp > 0;
    case '<=':
      return cmp <= 0;
    default:
      return cmp >= 0;
  }
}

/** Python's exact comparison of ints and floats; NaN compares unequal (returns NaN). */
function compareNumbers(a: bigint | { f: number }, b: bigint | { f: number }): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a !== 'bigint' && typeof b !== 'bigint')
    return a.f < b.f ? -1 : a.f > b.f ? 1 : a.f === b.f ? 0 : NaN;
  const [int, float, sign] =
    typeof a === 'bigint' ? [a, (b as { f: number }).f, 1] : [b as bigint, a.f, -1];
  if (Number.isNaN(float)) return NaN;
  if (!Number.isFinite(float)) return float > 0 ? -sign : sign;
  const floor = BigInt(Math.floor(float));
  if (int < floor) return -sign;
  if (int > floor) return sign;
  return float === Math.floor(float) ? 0 : -sign;
}

function roundHalfEven(x: number): bigint {
  const floor = Math.floor(x);
  const diff = x - floor;
  const even = floor % 2 === 0 ? floor : floor + 1;
  const rounded = diff > 0.5 ? floor + 1 : diff < 0.5 ? floor : even;
  return BigInt(rounded);
}

function pyRound(args: PyNum[]): PyNum {
  const x = numeric(args[0] ?? null);
  if (x === null)
    return raise('TypeError', `type ${typeName(args[0] ?? null)} doesn't define __round__`);
  const digits = args[1];
  if (digits === undefined || digits === null) {
    if (typeof x === 'bigint') return x;
    if (!Number.isFinite(x.f))
      raise(Number.isNaN(x.f) ? 'ValueError' : 'OverflowError', 'cannot convert float to integer');
    return roundHalfEven(x.f);
  }
  const n = numeric(digits);
  if (typeof n !== 'bigint')
    return raise('TypeError', "'float' object cannot be interpreted as an integer");
  if (typeof x === 'bigint') {
    if (n >= 0n) return x;
    throw new UnsupportedPython('round(int, negative digits)');
  }
  if (n < 0n || n > 300n) throw new UnsupportedPython('round(float, digits out of 0…300)');
  if (!Number.isFinite(x.f)) return x;
  return { f: Number(pyFormatFixed(x.f, Number(n))) };
}

function pyIntOf(v: PyNum): PyNum {
  const n = numeric(v);
  if (n !== null) {
    if (typeof n === 'bigint') return n;
    if (!Number.isFinite(n.f))
      raise(Number.isNaN(n.f) ? 'ValueError' : 'OverflowError', 'cannot convert float');
    return BigInt(Math.trunc(n.f));
  }
  if (typeof v === 'string') {
    const body = pyStrip(v).replaceAll(/(?<=\d)_(?=\d)/g, '');
    if (/^[-+]?\d+$/.test(body)) return BigInt(body);
    return raise('ValueError', 'invalid literal for int() with base 10');
  }
  return raise('TypeError', `int() argument must be a string or a number, not '${typeName(v)}'`);
}

export function pyFloatOf(v: PyNum): number {
  const n = numeric(v);
  if (n !== null) return toFloat(n);
  if (typeof v === 'string') {
    const body = pyStrip(v).replaceAll(/(?<=\d)_(?=\d)/g, '');
    if (/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(body)) return Number(body);
    const special = /^([-+]?)(inf|infinity|nan)$/i.exec(body);
    if (special !== null) {
      const sign = special[1] === '-' ? -1 : 1;
      return special[2]?.toLowerCase() === 'nan' ? NaN : sign * Infinity;
    }
    return raise('ValueError', 'could not convert string to float');
  }
  return raise(
    'TypeError',
    `float() argument must be a string or a real number, not '${typeName(v)}'`,
  );
}

const MATH_CONSTANTS: Readonly<Record<string, number>> = {
  pi: Math.PI,
  e: Math.E,
  tau: 2 * Math.PI,
  inf: Infinity,
};
const MATH_FUNCTIONS = new Set([
  'sqrt',
  'log',
  'log10',
  'log2',
  'exp',
  'floor',
  'ceil',
  'pow',
  'fabs',
]);

function mathCall(name: string, args: PyNum[]): PyNum {
  const nums = args.map((arg) => {
    const n = numeric(arg);
    if (n === null) return raise('TypeError', 'must be real number');
    return n;
  });
  const x = toFloat(nums[0] ?? raise('TypeError', `math.${name}() takes arguments`));
  switch (name) {
    case 'sqrt':
      if (x < 0) raise('ValueError', 'math domain error');
      return { f: Math.sqrt(x) };
    case 'log': {
      if (x <= 0) raise('ValueError', 'math domain error');
      if (nums.length === 1) return { f: Math.log(x) };
      const base = toFloat(nums[1] ?? 0n);
      if (base <= 0) raise('ValueError', 'math domain error');
      if (base === 1) raise('ZeroDivisionError', 'float division by zero');
      return { f: Math.log(x) / Math.log(base) };
    }
    case 'log10':
      if (x <= 0) raise('ValueError', 'math domain error');
      return { f: Math.log10(x) };
    case 'log2':
      if (x <= 0) raise('ValueError', 'math domain error');
      return { f: Math.log2(x) };
    case 'exp':
      return checkFloat(Math.exp(x));
    case 'floor':
      return typeof nums[0] === 'bigint' ? nums[0] : BigInt(Math.floor(x));
    case 'ceil':
      return typeof nums[0] === 'bigint' ? nums[0] : BigInt(Math.ceil(x));
    case 'fabs':
      return { f: Math.abs(x) };
    default: {
      const y = toFloat(nums[1] ?? raise('TypeError', 'pow expected 2 arguments'));
      if (x < 0 && !Number.isInteger(y)) raise('ValueError', 'math domain error');
      return checkFloat(x ** y);
    }
  }
}

function call(fn: PyFunction, args: PyNum[]): PyNum {
  if (fn.fn.startsWith('math.')) return mathCall(fn.fn.slice(5), args);
  switch (fn.fn) {
    case 'min': {
      if (args.length === 0) raise('TypeError', 'min expected at least 1 argument');
      if (args.length === 1) throw new UnsupportedPython('min() of an iterable');
      let best = args[0] ?? null;
      for (const arg of args.slice(1)) if (compare('<', arg, best)) best = arg;
      return best;
    }
    case 'pow':
      if (args.length !== 2) throw new UnsupportedPython('pow() with a modulus');
      return arithmetic('**', args[0] ?? null, args[1] ?? null);
    case 'round':
      return pyRound(args);
    case 'abs': {
      const n = numeric(args[0] ?? null);
      if (n === null) return raise('TypeError', 'bad operand type for abs()');
      return typeof n === 'bigint' ? (n < 0n ? -n : n) : { f: Math.abs(n.f) };
    }
    case 'int':
      return args.length === 0 ? 0n : pyIntOf(args[0] ?? null);
    case 'float':
      return { f: args.length === 0 ? 0 : pyFloatOf(args[0] ?? null) };
  }
  return raise('TypeError', `'${fn.fn}' is not callable`);
}

class Parser {
  private at = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly names: ReadonlySet<string>,
  ) {}

  parse(): PyNum {
    if (this.tokens.length === 0) raise('SyntaxError', 'invalid syntax');
    const value = this.comparison();
    if (this.at < this.tokens.length) raise('SyntaxError', 'invalid syntax');
    return value;
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private eat(text: string): boolean {
    const token = this.peek();
    if (token?.kind === 'op' && token.text === text) {
      this.at += 1;
      return true;
    }
    return false;
  }

  private comparison(): PyNum {
    let left = this.sum();
    let result: PyNum | undefined;
    for (;;) {
      const token = this.peek();
      if (token?.kind !== 'op' || !['==', '!=', '<', '>', '<=', '>='].includes(token.text)) break;
      this.at += 1;
      const right = this.sum();
      const holds = compare(token.text, left, right);
      result = result === false ? false : holds;
      left = right;
    }
    return result ?? left;
  }

  private sum(): PyNum {
    let value = this.term();
    for (;;) {
      const token = this.peek();
      if (token?.kind !== 'op' || (token.text !== '+' && token.text !== '-')) return value;
      this.at += 1;
      value = arithmetic(token.text, value, this.term());
    }
  }

  private term(): PyNum {
    let value = this.unary();
    for (;;) {
      const token = this.peek();
      if (token?.kind !== 'op' || !['*', '/', '//', '%'].includes(token.text)) return value;
      this.at += 1;
      value = arithmetic(token.text, value, this.unary());
    }
  }

  private unary(): PyNum {
    if (this.eat('-')) return negate(this.unary());
    if (this.eat('+')) {
      const value = this.unary();
      const n = numeric(value);
      if (n === null) return raise('TypeError', 'bad operand type for unary +');
      return n;
    }
    return this.power();
  }

  private power(): PyNum {
    const base = this.primary();
    if (this.eat('**')) return arithmetic('**', base, this.unary());
    return base;
  }

  private primary(): PyNum {
    let value = this.atom();
    for (;;) {
      if (this.eat('(')) {
        const args: PyNum[] = [];
        while (!this.eat(')')) {
          args.push(this.comparison());
          if (!this.eat(',')) {
            if (!this.eat(')')) raise('SyntaxError', 'invalid syntax');
            break;
          }
        }
        if (!isFn(value)) return raise('TypeError', `'${typeName(value)}' object is not callable`);
        value = call(value, args);
      } else if (this.eat('.')) {
        const name = this.peek();
        if (name?.kind !== 'name') return raise('SyntaxError', 'invalid syntax');
        this.at += 1;
        value = attribute(value, name.text);
      } else return value;
    }
  }

  private atom(): PyNum {
    const token = this.peek();
    if (token === undefined) return raise('SyntaxError', 'unexpected end');
    this.at += 1;
    if (token.kind === 'num') return literal(token.text);
    if (token.kind === 'str') {
      let text = token.text;
      while (this.peek()?.kind === 'str') text += this.tokens[this.at++]?.text ?? '';
      return text;
    }
    if (token.kind === 'name') {
      if (token.text === 'True') return true;
      if (token.text === 'False') return false;
      if (token.text === 'None') return null;
      if (['and', 'or', 'not', 'is', 'in', 'if', 'else', 'lambda'].includes(token.text)) {
        throw new UnsupportedPython(`the keyword "${token.text}"`);
      }
      if (!this.names.has(token.text))
        return raise('NameError', `name '${token.text}' is not defined`);
      if (token.text === 'np' || token.text === 'numpy') throw new UnsupportedPython('numpy');
      return { fn: token.text };
    }
    if (token.text === '(') {
      if (this.eat(')')) throw new UnsupportedPython('a tuple');
      const value = this.comparison();
      if (this.peek()?.text === ',') throw new UnsupportedPython('a tuple');
      if (!this.eat(')')) raise('SyntaxError', "'(' was never closed");
      return value;
    }
    return raise('SyntaxError', 'invalid syntax');
  }
}

function negate(value: PyNum): PyNum {
  const n = numeric(value);
  if (n === null) return raise('TypeError', `bad operand type for unary -: '${typeName(value)}'`);
  return typeof n === 'bigint' ? -n : { f: -n.f };
}

function attribute(value: PyNum, name: string): PyNum {
  if (isFn(value) && value.fn === 'math') {
    const constant = MATH_CONSTANTS[name];
    if (constant !== undefined) return { f: constant };
    if (MATH_FUNCTIONS.has(name)) return { fn: `math.${name}` };
    throw new UnsupportedPython(`math.${name}`);
  }
  return raise('AttributeError', `'${typeName(value)}' object has no attribute '${name}'`);
}

/** The names MedCalc's reference hands `eval` (builtins disabled). */
export const MEDCALC_NAMES: ReadonlySet<string> = new Set([
  'min',
  'pow',
  'round',
  'abs',
  'int',
  'float',
  'math',
  'np',
  'numpy',
]);

/** `eval(source, {"__builtins__": None}, names)` for the subset; throws PythonError or UnsupportedPython. */
export function pyEval(source: string, names: ReadonlySet<string> = new Set()): PyNum {
  // eval() ignores leading spaces and tabs.
  return new Parser(tokenize(source.replace(/^[ \t]+/, '')), names).parse();
}

/** `str(value)` of a result. */
export function pyStrOf(value: PyNum): string {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return value;
  if (value === null) return 'None';
  if (isFloat(value)) return pyFloatRepr(value.f);
  return `<built-in function ${value.fn}>`;
}

/** Python `==` between two results. */
export function pyEquals(a: PyNum, b: PyNum): boolean {
  return compare('==', a, b);
}
