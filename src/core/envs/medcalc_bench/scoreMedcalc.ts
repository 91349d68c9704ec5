// MedCalc-Bench's reward exactly as MedARC computes it (`extract_answer` and `check_correctness` in
// med-lm-envs environments/medcalc_bench/medcalc_bench/medcalc_bench.py @ 285bb4c): the LAST
// <answer>…</answer> of the reply (medarc's XMLParser), then by calculator:
// - dates (13, 68): a leading M/D/YYYY, compared with the ground truth as dates (strptime);
// - gestational age (69): "(weeks, days)" read loosely, compared as a tuple of ints;
// - scores (4, 15, 16, …): "N out of", the COUNT of a comma list, else the last number, compared with
//   Python's == after eval;
// - decimals (2, 3, 5, …): a `str(...)` expression evaluated as Python (a safe subset), "x mL/min/1.73",
//   the last "x%" over 100, else the last number; correct inside [Lower Limit, Upper Limit] inclusive;
// - any other calculator raises in the reference, which scores 0.
// Python's regexes are followed (\d is any Unicode digit, . stops at a newline only), and so is where
// the reference raises: any exception scores 0. Pure.
import {
  MEDCALC_NAMES,
  pyEquals,
  pyEval,
  pyFloatOf,
  pyStrOf,
  PythonError,
  UnsupportedPython,
  type PyNum,
} from '../multipleChoice/python/pythonExpr';
import { SPACE } from '../multipleChoice/python/pythonRegex';
import type { RewardScore } from '../types';
import type { MedcalcPayload } from './payload';

const D = '\\p{Nd}';
const S = SPACE;
const DATE_IDS = [13, 68];
const AGE_IDS = [69];
const INTEGER_IDS = [4, 15, 16, 17, 18, 20, 21, 25, 27, 28, 29, 32, 33, 36, 43, 45, 48, 51];
const DECIMAL_IDS = [
  2, 3, 5, 6, 7, 8, 9, 10, 11, 19, 22, 23, 24, 26, 30, 31, 38, 39, 40, 44, 46, 49, 56, 57, 58, 59,
  60, 61, 62, 63, 64, 65, 66, 67,
];

export type MedcalcKind = 'date' | 'age' | 'integer' | 'decimal' | 'unknown';

export function medcalcKind(calcId: number): MedcalcKind {
  if (DATE_IDS.includes(calcId)) return 'date';
  if (AGE_IDS.includes(calcId)) return 'age';
  if (INTEGER_IDS.includes(calcId)) return 'integer';
  if (DECIMAL_IDS.includes(calcId)) return 'decimal';
  return 'unknown';
}

/** medarc XMLParser.parse_answer(text): the last <answer>, stripped; "" when none. */
function lastAnswerTag(reply: string): string {
  const pattern = new RegExp(`<answer>${S}*([\\s\\S]*?)${S}*</answer>`, 'gu');
  let last: string | null = null;
  for (const match of reply.matchAll(pattern)) last = match[1] ?? '';
  return last === null ? '' : last.replace(new RegExp(`^${S}+|${S}+$`, 'gu'), '');
}

/** Python's int() of a run of Unicode digits. */
function digitsValue(text: string): number {
  let value = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    let start = code;
    while (start > 0 && /\p{Nd}/u.test(String.fromCodePoint(start - 1))) start -= 1;
    value = value * 10 + ((code - start) % 10);
  }
  return value;
}

/** What the reference's own extraction raised or left unreadable. */
class Raised extends Error {}

function evalOrRaise(source: string, names?: ReadonlySet<string>): PyNum {
  try {
    return pyEval(source, names);
  } catch (error) {
    if (error instanceof PythonError) throw new Raised(error.message);
    throw error;
  }
}

const NUMBER = `(-?${D}+(\\.${D}+)?)`;
const AGE_RE = new RegExp(
  `\\(?["']?(${D}+)${S}*(weeks?)?["']?,?${S}*["']?(${D}+)${S}*(days?)?["']?${S}*\\)?`,
  'u',
);

function lastNumber(text: string): string | null {
  const all = [...text.matchAll(new RegExp(NUMBER, 'gu'))];
  return all.at(-1)?.[1] ?? null;
}

/** The reference's `str(...)` rewrite before eval. */
function rewriteExpression(inner: string): string {
  let expression = inner
    .replaceAll('^', '**')
    .replaceAll('is odd', '% 2 == 1')
    .replaceAll('is even', '% 2 == 0')
    .replaceAll('sqrt', 'math.sqrt')
    .replaceAll('.math', '')
    .replaceAll('weight', '')
    .replaceAll('height', '')
    .replaceAll('mg/dl', '')
    .replaceAll('g/dl', '')
    .replaceAll('mmol/L', '')
    .replaceAll('kg', '')
    .replaceAll('g', '')
    .replaceAll('mEq/L', '');
  expression = expression.split('#')[0] ?? '';
  const open = expression.split('(').length - 1;
  const close = expression.split(')').length - 1;
  if (open > close) expression += ')'.repeat(open - close);
  else if (close > open) expression = '('.repeat(close - open) + expression;
  return expression;
}

interface Extracted {
  answer: string;
  /** Set when a `str(...)` expression used Python this port does not follow. */
  unsupported?: string;
}

/** `extract_answer` for the score and decimal kinds (dates and ages are read in `scoreMedcalc`). */
function extractNumber(text: string, kind: 'integer' | 'decimal'): Extracted {
  if (kind === 'integer') {
    const outOf = new RegExp(`(${D}+) out of`, 'u').exec(text);
    if (outOf !== null) return { answer: outOf[1] ?? '' };
    const list = new RegExp(`-?${D}+(, ?-?${D}+)+`, 'u').exec(text);
    if (list !== null) return { answer: String(list[0].split(',').length) };
    return { answer: lastNumber(text) ?? 'N/A' };
  }
  const str = /str\(([^\n]*)\)/.exec(text);
  if (str !== null) {
    try {
      return { answer: pyStrOf(pyEval(rewriteExpression(str[1] ?? ''), MEDCALC_NAMES)) };
    } catch (error) {
      if (error instanceof PythonError) return { answer: 'N/A' };
      if (error instanceof UnsupportedPython) return { answer: 'N/A', unsupported: error.message };
      throw error;
    }
  }
  const egfr = new RegExp(`${NUMBER}${S}*mL/min/1[^\\n]73`, 'u').exec(text);
  if (egfr !== null) return { answer: pyStrOf(evalOrRaise(egfr[1] ?? '')) };
  const percents = [...text.matchAll(new RegExp(`${NUMBER}%`, 'gu'))];
  const percent = percents.at(-1)?.[1];
  if (percent !== undefined) {
    const value = evalOrRaise(percent);
    return { answer: pyStrOf(pyEval(`${pyStrOf(value)} / 100`)) };
  }
  const last = lastNumber(text);
  if (last === null) return { answer: 'N/A' };
  return { answer: pyStrOf(evalOrRaise(last)) };
}

/** `datetime.strptime(text, "%m/%d/%Y")` as (month, day, year), or null where it raises. */
function strptime(text: string): [number, number, number] | null {
  const match = new RegExp(
    `^(1[0-2]|0[1-9]|[1-9])/(3[01]|[12]${D}|0[1-9]|[1-9]| [1-9])/(${D}${D}${D}${D})$`,
    'iu',
  ).exec(text);
  if (match === null) return null;
  const month = digitsValue(match[1] ?? '');
  const day = digitsValue((match[2] ?? '').trim());
  const year = digitsValue(match[3] ?? '');
  if (year < 1) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day >= 1 && day <= days ? [month, day, year] : null;
}

function dateVerdict(extracted: string, groundTruth: string): { answer: string; right: boolean } {
  const match = new RegExp(`^(0?[1-9]|1[0-2])/(0?[1-9]|[12][0-9]|3[01])/(${D}{4})`, 'u').exec(
    extracted,
  );
  if (match === null) return { answer: 'N/A', right: false };
  const answer = `${String(digitsValue(match[1] ?? '')).padStart(2, '0')}/${String(digitsValue(match[2] ?? '')).padStart(2, '0')}/${match[3] ?? ''}`;
  const a = strptime(answer);
  const b = strptime(groundTruth);
  return { answer, right: a !== null && b !== null && a.join('/') === b.join('/') };
}

/** eval("(W, D)") → the two ints, raising as Python does on a leading zero or a non-ASCII digit. */
function tupleOf(weeks: string, days: string): [PyNum, PyNum] {
  return [evalOrRaise(weeks), evalOrRaise(days)];
}

function ageVerdict(extracted: string, groundTruth: string): { answer: string; right: boolean } {
  const cleaned = extracted
    .replaceAll('[', '(')
    .replaceAll(']', ')')
    .replaceAll("'", '')
    .replaceAll('"', '');
  const first = AGE_RE.exec(cleaned);
  const answer = first === null ? 'N/A' : `(${first[1] ?? ''}, ${first[3] ?? ''})`;
  const gold = AGE_RE.exec(groundTruth);
  const second = AGE_RE.exec(answer);
  if (second === null) return { answer, right: false };
  const mine = tupleOf(second[1] ?? '', second[3] ?? '');
  if (gold === null) throw new UnsupportedPython('a ground truth that is not (weeks, days)');
  const theirs = tupleOf(gold[1] ?? '', gold[3] ?? '');
  return { answer, right: pyEquals(mine[0], theirs[0]) && pyEquals(mine[1], theirs[1]) };
}

function reward(
  payload: MedcalcPayload,
  extractedText: string,
  right: boolean,
  answer: string,
  why: string,
): RewardScore {
  return {
    kind: 'reward',
    reward: right ? 1 : 0,
    correct: right,
    parsed: answer,
    gold: gold(payload),
    why,
    extracted: extractedText.slice(0, 2000),
  };
}

function gold(payload: MedcalcPayload): string {
  return payload.lower === payload.upper
    ? payload.groundTruth
    : `${payload.groundTruth} (accepted ${payload.lower} to ${payload.upper})`;
}

export function scoreMedcalc(reply: string, payload: MedcalcPayload): RewardScore {
  const extracted = lastAnswerTag(reply);
  const kind = medcalcKind(payload.calcId);
  const zero = (why: string, answer: string | null = null): RewardScore => ({
    kind: 'reward',
    reward: 0,
    correct: false,
    parsed: answer,
    gold: gold(payload),
    why,
    extracted: extracted.slice(0, 2000),
  });
  if (kind === 'unknown') {
    return zero(
      `MedARC’s scorer does not know calculator ${payload.calcId} and raises, which scores 0.`,
    );
  }
  try {
    if (kind === 'date') {
      const { answer, right } = dateVerdict(extracted, payload.groundTruth);
      return reward(
        payload,
        extracted,
        right,
        answer,
        right
          ? 'The same date.'
          : answer === 'N/A'
            ? 'No M/D/YYYY date at the start of the answer.'
            : 'Not the same date (or not a valid date).',
      );
    }
    if (kind === 'age') {
      const { answer, right } = ageVerdict(extracted, payload.groundTruth);
      return reward(
        payload,
        extracted,
        right,
        answer,
        right ? 'The same weeks and days.' : 'Not the same (weeks, days).',
      );
    }
    const { answer, unsupported } = extractNumber(extracted, kind);
    if (unsupported !== undefined) {
      return zero(
        `The answer’s str(...) expression uses ${unsupported}, which this app does not evaluate; scored 0 (the reference may differ).`,
        answer,
      );
    }
    if (kind === 'integer') {
      let right = false;
      try {
        right = pyEquals(pyEval(answer), pyEval(payload.groundTruth));
      } catch (error) {
        if (!(error instanceof PythonError)) throw error;
      }
      return reward(
        payload,
        extracted,
        right,
        answer,
        right ? `Read ${answer}: the score.` : `Read ${answer}: not ${payload.groundTruth}.`,
      );
    }
    let right = false;
    try {
      const value = pyFloatOf(pyEval(answer));
      const lo = pyFloatOf(pyEval(payload.lower));
      const hi = pyFloatOf(pyEval(payload.upper));
      right = lo <= value && value <= hi;
    } catch (error) {
      if (!(error instanceof PythonError)) throw error;
    }
    return reward(
      payload,
      extracted,
      right,
      answer,
      right
        ? `Read ${answer}: within the accepted range.`
        : `Read ${answer}: outside ${payload.lower} to ${payload.upper}.`,
    );
  } catch (error) {
    if (error instanceof Raised)
      return zero(`The reference raises reading this answer (${error.message}), which scores 0.`);
    if (error instanceof UnsupportedPython)
      return zero(`This answer needs ${error.message}, which this app does not follow; scored 0.`);
    throw error;
  }
}
