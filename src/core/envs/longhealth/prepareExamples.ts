// Owns building LongHealth's examples exactly as MedARC's `_prepare_task1_data` and
// `_prepare_task2_data` do (med-lm-envs environments/longhealth/longhealth.py @ 154710b): per patient,
// in file order, Python's global `random` is seeded with the string "{seed}::{patient_id}" and its
// state carries over from question to question. Task 1 puts the answer letters first, then the
// patient's other letters shuffled, within a 64,000-character budget (`_simple_truncate_documents`:
// characters are code points; an answer letter cut to fit is not counted in the total, so other
// letters may still follow it), and shuffles the selection. Task 2 asks every question twice: with
// four letters of other patients only (gold: F, "cannot be answered") and with the answer letters plus
// ten sampled letters of other patients (`random.sample`), both with the option F. Questions whose
// `correct` is none of the five options are skipped, as the reference skips them. Pure.
import { PythonRandom, pythonStrSeed } from '../multipleChoice/python/pythonRandom';
import { pyFloatRepr } from '../multipleChoice/python/pythonRepr';
import type { LongHealthPatient, LongHealthQuestion } from './benchmark';

export const CANNOT_ANSWER = 'Question cannot be answered with provided documents';
const MAX_CONTEXT_TOKENS = 16000;
const LETTERS = ['A', 'B', 'C', 'D', 'E'] as const;

type LongHealthKind = 'task1' | 'task2_negation' | 'task2_identification';

export interface LongHealthOption {
  letter: string;
  text: string;
}

/** One example as the reference builds it, before any answer shuffle. */
export interface LongHealthItem {
  kind: LongHealthKind;
  patientId: string;
  /** `question.get("No")` as the file has it (null when absent). */
  questionNo: string | number | boolean | null;
  question: string;
  /** A–E (task 1) or A–F (task 2), in the reference's order. */
  options: LongHealthOption[];
  gold: string;
  /** `info["correct_answer_text"]`: the text the matcher also accepts. */
  correctText: string;
  /** The letters shown, in order. */
  docs: string[];
  hasAnswerDocs: boolean;
  /** The row id handed to randomize_multiple_choice. */
  rowId: string;
}

export interface PrepareOptions {
  task: 'task1' | 'task2';
  /** `doc_shuffle_seed` (≥ 0: seeds Python's global random per patient). */
  docSeed: number;
  shuffleDocs: boolean;
  maxContextTokens?: number;
}

/** Python's len() of a str: code points. */
function codePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    count += 1;
  }
  return count;
}

/** Python's `text[:n]` for n ≥ 0: the first n code points. */
function firstCodePoints(text: string, n: number): string {
  let i = 0;
  for (let taken = 0; taken < n && i < text.length; taken += 1) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    i += unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  return text.slice(0, i);
}

/** `_simple_truncate_documents(answer_docs, non_answer_docs, max_tokens)`. */
export function truncateDocuments(
  answerDocs: readonly string[],
  nonAnswerDocs: readonly string[],
  maxTokens: number,
): string[] {
  const maxChars = Math.trunc(maxTokens / 0.25);
  const selected: string[] = [];
  let total = 0;
  for (const doc of answerDocs) {
    const chars = codePoints(doc);
    if (total + chars <= maxChars) {
      selected.push(doc);
      total += chars;
    } else {
      const remaining = maxChars - total;
      if (remaining > 500) selected.push(firstCodePoints(doc, remaining));
      break;
    }
  }
  for (const doc of nonAnswerDocs) {
    const chars = codePoints(doc);
    if (total + chars > maxChars) break;
    selected.push(doc);
    total += chars;
  }
  return selected;
}

/** Python's truthiness of a JSON value. */
function truthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') {
    return false;
  }
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** `f"{value}"` for a JSON scalar (a JSON integer is a Python int; other numbers floats). */
function pyFormat(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : pyFloatRepr(value);
  return JSON.stringify(value);
}

function questionNo(value: unknown): LongHealthItem['questionNo'] {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? value
    : null;
}

/** `f"{patient_id}::{question.get('No') or question_text}"`. */
function baseRowId(patientId: string, question: LongHealthQuestion): string {
  return `${patientId}::${truthy(question.no) ? pyFormat(question.no) : question.question}`;
}

function goldLetter(question: LongHealthQuestion): string | null {
  const index = question.options.indexOf(question.correct);
  return index === -1 ? null : (LETTERS[index] ?? null);
}

function baseOptions(question: LongHealthQuestion): LongHealthOption[] {
  return LETTERS.map((letter, i) => ({ letter, text: question.options[i] ?? '' }));
}

function answerDocsOf(patient: LongHealthPatient, question: LongHealthQuestion): string[] {
  const texts = new Map(patient.texts);
  return question.answerLocation.flatMap((id) => {
    const text = texts.get(id);
    return text === undefined ? [] : [text];
  });
}

export function prepareExamples(
  patients: readonly LongHealthPatient[],
  options: PrepareOptions,
): LongHealthItem[] {
  if (!Number.isInteger(options.docSeed) || options.docSeed < 0) {
    throw new RangeError('LongHealth here needs a document shuffle seed ≥ 0.');
  }
  const maxTokens = options.maxContextTokens ?? MAX_CONTEXT_TOKENS;
  const items: LongHealthItem[] = [];
  for (const patient of patients) {
    const random = new PythonRandom(pythonStrSeed(`${options.docSeed}::${patient.id}`));
    const prepare = options.task === 'task1' ? task1Items : task2Items;
    items.push(...prepare(patient, patients, random, options.shuffleDocs, maxTokens));
  }
  return items;
}

function task1Items(
  patient: LongHealthPatient,
  _patients: readonly LongHealthPatient[],
  random: PythonRandom,
  shuffleDocs: boolean,
  maxTokens: number,
): LongHealthItem[] {
  const items: LongHealthItem[] = [];
  for (const question of patient.questions) {
    const gold = goldLetter(question);
    if (gold === null) continue;
    const answerDocs = answerDocsOf(patient, question);
    const located = new Set(question.answerLocation);
    const nonAnswerDocs = patient.texts.filter(([id]) => !located.has(id)).map(([, text]) => text);
    if (shuffleDocs && nonAnswerDocs.length > 1) random.shuffle(nonAnswerDocs);
    const docs = truncateDocuments(answerDocs, nonAnswerDocs, maxTokens);
    if (docs.length === 0) continue;
    if (shuffleDocs && docs.length > 1) random.shuffle(docs);
    items.push({
      kind: 'task1',
      patientId: patient.id,
      questionNo: questionNo(question.no),
      question: question.question,
      options: baseOptions(question),
      gold,
      correctText: question.correct,
      docs,
      hasAnswerDocs: answerDocs.length > 0,
      rowId: baseRowId(patient.id, question),
    });
  }
  return items;
}

/** `_sample_distraction_docs`: up to ten letters of the other patients, sampled. */
function distractionDocs(
  patientId: string,
  patients: readonly LongHealthPatient[],
  random: PythonRandom,
): string[] {
  const others = patients
    .filter((p) => p.id !== patientId)
    .flatMap((p) => p.texts.map(([, text]) => text));
  return random.sample(others, Math.min(10, others.length));
}

function task2Items(
  patient: LongHealthPatient,
  patients: readonly LongHealthPatient[],
  random: PythonRandom,
  shuffleDocs: boolean,
  maxTokens: number,
): LongHealthItem[] {
  const items: LongHealthItem[] = [];
  for (const question of patient.questions) {
    const gold = goldLetter(question);
    if (gold === null) continue;
    const answerDocs = answerDocsOf(patient, question);
    const withF = [...baseOptions(question), { letter: 'F', text: CANNOT_ANSWER }];
    const common = {
      patientId: patient.id,
      questionNo: questionNo(question.no),
      question: question.question,
      options: withF,
    };
    const rowId = baseRowId(patient.id, question);

    const distraction = distractionDocs(patient.id, patients, random);
    if (shuffleDocs && distraction.length > 1) random.shuffle(distraction);
    const count = Math.max(1, Math.min(distraction.length, Math.trunc((maxTokens * 0.25) / 1000)));
    const negationDocs = distraction.slice(0, count);
    if (negationDocs.length === 0) continue;
    items.push({
      ...common,
      kind: 'task2_negation',
      gold: 'F',
      correctText: CANNOT_ANSWER,
      docs: negationDocs,
      hasAnswerDocs: false,
      rowId: `${rowId}::negation`,
    });

    const docs = truncateDocuments(
      answerDocs,
      distractionDocs(patient.id, patients, random),
      maxTokens,
    );
    if (docs.length === 0) continue;
    if (shuffleDocs && docs.length > 1) random.shuffle(docs);
    items.push({
      ...common,
      kind: 'task2_identification',
      gold,
      correctText: question.correct,
      docs,
      hasAnswerDocs: true,
      rowId: `${rowId}::identification`,
    });
  }
  return items;
}
