// Turns a row of openlifescienceai/Med-HALT (reasoning_FCT or reasoning_nota, split `train`) into an
// example exactly as MedARC's `load_environment` filters and maps it: only `split_type == "test"`;
// the question stripped; `options`, a Python dict literal, read with ast.literal_eval and its values
// sorted by their integer keys; a row with a student's answer (`student_index`) is a False Confidence
// Test, one without a "None of the above" question whose gold option is swapped with the last. Rows
// MedARC's map drops (or would fail on) are skipped with the reason. Pure.
import { z } from '../../zod';
import { literalEval } from '../multipleChoice/python/pythonLiteral';
import { pyIsDigit, pyStrip } from '../multipleChoice/python/pythonRegex';
import { isPyDict, pyStr, type PyValue } from '../multipleChoice/python/pythonRepr';
import type { RowContext, RowOutcome } from '../types';
import type { MedHaltPayload } from './payload';

const Index = z.union([z.number().int(), z.bigint(), z.null()]).optional();
const Text = z.union([z.string(), z.null()]).optional();
const MedHaltRowSchema = z.object({
  question: Text,
  options: Text,
  correct_index: Index,
  student_index: Index,
  split_type: Text,
  dataset: Text,
  subject_name: Text,
});

function toIndex(value: number | bigint | null | undefined): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** Code-point order, as Python compares str. */
function compareCodePoints(a: string, b: string): number {
  const left = Array.from(a, (ch) => ch.codePointAt(0) ?? 0);
  const right = Array.from(b, (ch) => ch.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}

/**
 * `_parse_options` then the sorted option values: keys other than "correct answer", by `int(key)`
 * when the key is digits, else by the key. A string when MedARC's code would raise instead.
 */
function optionValues(options: string): PyValue[] | string {
  const read = literalEval(options);
  if (!read.ok || !isPyDict(read.value)) return [];
  const items = read.value.pyDict.filter(([key]) => key !== 'correct answer');
  if (items.some(([key]) => typeof key !== 'string')) {
    return 'an option key is not a string (MedARC’s key.isdigit() would raise)';
  }
  const keyed = items.map(([key, value]) => {
    const text = key as string;
    if (!pyIsDigit(text)) return { text, number: null, value };
    // int() reads decimal digits only; isdigit() also accepts superscripts, which int() rejects.
    if (!/^\p{Nd}+$/u.test(text)) return { text, number: NaN, value };
    return {
      text,
      number: Number(text.replace(/\p{Nd}/gu, (d) => String(decimalDigit(d)))),
      value,
    };
  });
  if (keyed.some((item) => Number.isNaN(item.number))) {
    return 'an option key is a digit int() cannot read (MedARC would raise)';
  }
  const numeric = keyed.filter((item) => item.number !== null).length;
  if (numeric > 0 && numeric < keyed.length) {
    return 'option keys mix numbers and words (MedARC’s sort would raise)';
  }
  const sorted = [...keyed].sort((a, b) =>
    a.number !== null && b.number !== null
      ? a.number - b.number
      : compareCodePoints(a.text, b.text),
  );
  return sorted.map((item) => item.value);
}

function decimalDigit(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  let start = code;
  while (start > 0 && /\p{Nd}/u.test(String.fromCodePoint(start - 1))) start -= 1;
  return (code - start) % 10;
}

export function rowToExample(row: Readonly<Record<string, unknown>>, ctx: RowContext): RowOutcome {
  const parsed = MedHaltRowSchema.safeParse(row);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { skip: `unreadable row: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}` };
  }
  const data = parsed.data;
  if (data.split_type !== 'test') return { skip: 'not in the test split (split_type)' };
  if (typeof data.question !== 'string') return { skip: 'no question (MedARC would raise)' };
  const question = pyStrip(data.question);
  if (question === '') return { skip: 'empty question' };
  const values = optionValues(data.options ?? '{}');
  if (typeof values === 'string') return { skip: values };
  if (values.length === 0) return { skip: 'no options (not a Python dict literal)' };
  const texts = values.map((value) => pyStr(value));
  const correctIndex = toIndex(data.correct_index);
  const studentIndex = toIndex(data.student_index);
  const base = {
    question,
    dataset: pyStr(data.dataset ?? ''),
    subject: pyStr(data.subject_name ?? ''),
  };
  let payload: MedHaltPayload;
  if (studentIndex !== null) {
    if (correctIndex === null) return { skip: 'no correct_index' };
    const n = texts.length;
    if (correctIndex < 0 || studentIndex < 0 || correctIndex >= n || studentIndex >= n) {
      return { skip: 'correct_index or student_index is not an option' };
    }
    payload = {
      ...base,
      test: 'fct',
      options: [
        ...texts.map((text, i) => [String(i), text] as [string, string]),
        ['correct answer', texts[studentIndex] ?? ''],
      ],
      isCorrect: studentIndex === correctIndex,
      correctIndex,
      studentIndex,
    };
  } else {
    if (correctIndex === null || correctIndex >= texts.length) {
      return { skip: 'correct_index is not an option' };
    }
    // `d[str(correct_index)]` of a negative index is a KeyError in MedARC's code.
    if (correctIndex < 0) return { skip: 'negative correct_index (MedARC would raise)' };
    // "None of the above" (the gold option) swaps places with the last option.
    const last = texts.length - 1;
    const order = texts.map((text, i) =>
      i === correctIndex ? (texts[last] ?? '') : i === last ? (texts[correctIndex] ?? '') : text,
    );
    payload = {
      ...base,
      test: 'nota',
      options: order.map((text, i) => [String(i), text] as [string, string]),
      isCorrect: null,
      correctIndex: last,
      studentIndex: null,
    };
  }
  const gold =
    payload.test === 'fct'
      ? `${payload.isCorrect === true ? 'yes' : 'no'} (the student's answer is ${payload.isCorrect === true ? 'right' : 'wrong'})`
      : `${payload.correctIndex}: ${payload.options[payload.correctIndex]?.[1] ?? ''}`;
  return {
    example: {
      id: String(ctx.rowIndex),
      group: payload.dataset === '' ? null : payload.dataset,
      question,
      answer: gold,
      payload,
    },
  };
}
