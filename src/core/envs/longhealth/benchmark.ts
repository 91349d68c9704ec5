// Owns reading LongHealth's `benchmark_v5.json` as MedARC's `load_environment` reads it with
// `json.load`: an object of patients in file order, each with its letters (`texts`, in file order)
// and its questions (No, question, answer_a … answer_e, correct, answer_location). Only what the
// reference uses is kept. A file that is not in this shape is refused with a clear error (where the
// reference would raise a KeyError); so are keys that look like array indices, whose order a
// JavaScript object would not keep as Python's dict does. Pure.
import { AppError } from '../../errors';
import { pyJsonDigitLimitError } from '../multipleChoice/python/pythonJson';

export interface LongHealthQuestion {
  /** `question.get("No")`: the JSON value, or undefined when absent. */
  no: unknown;
  question: string;
  /** answer_a … answer_e. */
  options: readonly string[];
  correct: string;
  /** The keys of `answer_location`, in file order. */
  answerLocation: readonly string[];
}

export interface LongHealthPatient {
  id: string;
  /** [text id, letter] in file order. */
  texts: readonly (readonly [string, string])[];
  questions: readonly LongHealthQuestion[];
}

const ANSWER_KEYS = ['answer_a', 'answer_b', 'answer_c', 'answer_d', 'answer_e'] as const;
const INDEX_LIKE = /^(?:0|[1-9]\d*)$/;

function malformed(what: string): AppError {
  return new AppError('dataset_format', `benchmark_v5.json: ${what}`, {
    nextStep: 'Check the repository and commit: this is not the file LongHealth reads.',
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function orderedKeys(record: Record<string, unknown>, where: string): string[] {
  const keys = Object.keys(record);
  const numeric = keys.find((key) => INDEX_LIKE.test(key));
  if (numeric !== undefined) {
    throw malformed(`${where} has the key "${numeric}", whose file order cannot be kept here.`);
  }
  return keys;
}

function readQuestion(raw: unknown, where: string): LongHealthQuestion {
  if (!isRecord(raw)) throw malformed(`${where} is not an object.`);
  const text = (key: string): string => {
    const value = raw[key];
    if (typeof value !== 'string') throw malformed(`${where} has no text "${key}".`);
    return value;
  };
  const location = raw['answer_location'] ?? {};
  if (!isRecord(location)) throw malformed(`${where}'s answer_location is not an object.`);
  return {
    no: raw['No'],
    question: text('question'),
    options: ANSWER_KEYS.map(text),
    correct: text('correct'),
    answerLocation: orderedKeys(location, `${where}'s answer_location`),
  };
}

export function readBenchmark(fileText: string): LongHealthPatient[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fileText);
  } catch (error) {
    throw malformed(`not JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  // The reference reads it with json.load, which refuses an int literal past CPython's digit limit.
  const pythonRaises = pyJsonDigitLimitError(fileText);
  if (pythonRaises !== null) throw malformed(`not JSON as Python reads it (${pythonRaises}).`);
  if (!isRecord(parsed)) throw malformed('the top level is not an object of patients.');
  return orderedKeys(parsed, 'the top level').map((id) => {
    const patient = parsed[id];
    if (!isRecord(patient)) throw malformed(`${id} is not an object.`);
    const texts = patient['texts'];
    const questions = patient['questions'];
    if (!isRecord(texts)) throw malformed(`${id} has no "texts" object.`);
    if (!Array.isArray(questions)) throw malformed(`${id} has no "questions" list.`);
    return {
      id,
      texts: orderedKeys(texts, `${id}'s texts`).map((key) => {
        const letter = texts[key];
        if (typeof letter !== 'string') throw malformed(`${id}'s ${key} is not a text.`);
        return [key, letter] as const;
      }),
      questions: questions.map((q, i) => readQuestion(q, `${id}'s question ${i + 1}`)),
    };
  });
}
