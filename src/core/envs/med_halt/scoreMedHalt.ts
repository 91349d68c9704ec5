// Med-HALT's reward exactly as MedARC computes it (`accuracy` in med-lm-envs
// environments/med_halt/med_halt.py with medarc's JSONParser): the reply's JSON object is found from
// its LAST "}" back to the nearest "{" from which json.loads reads a dict (strings stripped); none
// scores 0. FCT: str(is_answer_correct).strip().lower() must be "yes" when the student's answer is
// right, "no" when wrong. NOTA: int(correct_index) must equal the gold index (so "3", " 3 " and 3.7
// all read as 3); anything int() rejects scores 0. Pure.
import { pyInt } from '../multipleChoice/python/pythonInt';
import { pyDictGet, pyJsonLoadsRepr } from '../multipleChoice/python/pythonJson';
import { pyStrip } from '../multipleChoice/python/pythonRegex';
import { isPyDict, pyStr, type PyDict, type PyValue } from '../multipleChoice/python/pythonRepr';
import type { RewardScore } from '../types';
import type { MedHaltPayload } from './payload';

const EXTRACT_LIMIT = 2000;

type Found = { dict: PyDict; text: string } | { raises: string } | null;

/** `JSONParser._extract_json_object`: the last "}", then each "{" before it from the right. */
function extractJsonObject(reply: string): Found {
  const lastClose = reply.lastIndexOf('}');
  if (lastClose === -1) return null;
  for (let open = reply.lastIndexOf('{', lastClose); open !== -1;) {
    const candidate = reply.slice(open, lastClose + 1);
    const loaded = pyJsonLoadsRepr(candidate);
    if ('raises' in loaded) return { raises: loaded.raises };
    if ('value' in loaded && isPyDict(loaded.value)) return { dict: loaded.value, text: candidate };
    open = open === 0 ? -1 : reply.lastIndexOf('{', open - 1);
  }
  return null;
}

/** `_strip_strings`: every str in the object stripped. */
function stripStrings(value: PyValue): PyValue {
  if (typeof value === 'string') return pyStrip(value);
  if (isPyDict(value))
    return { pyDict: value.pyDict.map(([k, v]) => [k, stripStrings(v)] as const) };
  if (Array.isArray(value)) return value.map(stripStrings);
  return value;
}

export function scoreMedHalt(reply: string, payload: MedHaltPayload): RewardScore {
  const gold =
    payload.test === 'fct'
      ? `is_answer_correct "${payload.isCorrect === true ? 'yes' : 'no'}"`
      : `correct_index ${payload.correctIndex}`;
  const zero = (why: string, extracted = '', parsed: string | null = null): RewardScore => ({
    kind: 'reward',
    reward: 0,
    correct: false,
    parsed,
    gold,
    why,
    extracted: extracted.slice(0, EXTRACT_LIMIT),
  });
  const found = extractJsonObject(reply);
  if (found === null) return zero('No JSON object in the reply.');
  if ('raises' in found) return zero(`Reading the reply's JSON raised ${found.raises}.`);
  const data = stripStrings(found.dict) as PyDict;
  if (payload.test === 'fct') {
    const value = pyDictGet(data, 'is_answer_correct');
    const flag = pyStrip(value === undefined ? '' : pyStr(value)).toLowerCase();
    const expected = payload.isCorrect === true ? 'yes' : 'no';
    const right = flag === expected;
    return {
      kind: 'reward',
      reward: right ? 1 : 0,
      correct: right,
      parsed: flag.slice(0, EXTRACT_LIMIT),
      gold,
      why:
        value === undefined
          ? 'The JSON object has no "is_answer_correct".'
          : `"is_answer_correct" reads "${flag.slice(0, 40)}": ${right ? 'the right verdict' : `not "${expected}"`}.`,
      extracted: found.text.slice(0, EXTRACT_LIMIT),
    };
  }
  const value = pyDictGet(data, 'correct_index');
  const index = pyInt(value);
  if (!index.ok) {
    return zero(`"correct_index" is not an int (int() raised ${index.raises}).`, found.text);
  }
  const right = index.value === BigInt(payload.correctIndex);
  return {
    kind: 'reward',
    reward: right ? 1 : 0,
    correct: right,
    parsed: index.value.toString(),
    gold,
    why: `"correct_index" reads ${index.value.toString()}: ${right ? 'the gold index' : `not ${payload.correctIndex}`}.`,
    extracted: found.text.slice(0, EXTRACT_LIMIT),
  };
}
