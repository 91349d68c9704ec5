// Owns reading a judge's reply and turning judges' verdicts into a rollout's scores (spec
// mtsamples-procedures.md §4–5). Parsing is total: it never throws, and every criterion it cannot read
// is `null` with the reason, so a bad reply is visible data rather than a silent 0. Pure: no I/O.
import {
  CRITERIA,
  type Criterion,
  type CriterionVerdict,
  type JudgeScore,
  type Normalisation,
  type ParsedJudgeReply,
  type RolloutScore,
} from '../../schema/mtsamples';
import {
  balancedJsonObjects,
  isJsonObject,
  parseJsonObject,
  type JsonObject,
  type ParsedJsonObject,
} from '../../jsonObjects';
import { mean } from '../../stats/mean';

// Re-exported beside the logic that reads and computes them.
export {
  CRITERIA,
  type Criterion,
  type CriterionVerdict,
  ParsedJudgeReplySchema,
  type ParsedJudgeReply,
  type Normalisation,
  RolloutScoreSchema,
  type RolloutScore,
} from '../../schema/mtsamples';

// ---------------------------------------------------------------------------------------------------
// Parsing

export function parseJudgeReply(raw: string): ParsedJudgeReply {
  if (raw.trim() === '') return unreadable('the reply is empty');
  const found = findJudgeObject(stripCodeFence(raw));
  if (found === null) return unreadable('no JSON object found in the reply');
  const problems = [...found.notes];
  const container = criteriaContainer(found.value);
  if (container === null) {
    problems.push(`the JSON object has none of the keys ${CRITERIA.join(', ')}`);
  } else if (container.via !== undefined) {
    problems.push(`criteria read from inside the key "${container.via}"`);
  }
  const source = container?.value ?? found.value;
  const read = (name: Criterion): CriterionVerdict => {
    const verdict = readCriterion(source, name);
    if (verdict.problem !== undefined) problems.push(`${name}: ${verdict.problem}`);
    return verdict;
  };
  return {
    accuracy: read('accuracy'),
    completeness: read('completeness'),
    clarity: read('clarity'),
    problems,
    jsonFound: true,
  };
}

function unreadable(reason: string): ParsedJudgeReply {
  const missing = (): CriterionVerdict => ({ score: null, explanation: null, problem: reason });
  return {
    accuracy: missing(),
    completeness: missing(),
    clarity: missing(),
    problems: [reason],
    jsonFound: false,
  };
}

/** Removes a markdown fence around the whole reply (```json … ```); fences inside prose are left to the object search. */
function stripCodeFence(raw: string): string {
  const fenced = /^\s*```[^\n`]*\n([\s\S]*?)\n?\s*```\s*$/.exec(raw);
  return fenced?.[1] ?? raw;
}

/**
 * The judge's object: the last balanced `{…}` that parses and holds the criteria (judges often echo the
 * template's example or restate their verdict, and the final one is their answer), else the last that
 * parses, else the span from the first `{` to the last `}`.
 */
function findJudgeObject(text: string): { value: JsonObject; notes: string[] } | null {
  const candidates = balancedJsonObjects(text);
  const withCriteria = candidates.filter((c) => criteriaContainer(c.value) !== null);
  const chosen = withCriteria.at(-1) ?? candidates.at(-1) ?? firstToLastBrace(text);
  if (chosen === null) return null;
  const notes: string[] = [];
  if (candidates.length > 1) {
    const which = withCriteria.length > 0 ? 'the last one holding the criteria' : 'the last one';
    notes.push(`${candidates.length} JSON objects found; used ${which}`);
  }
  if (chosen.repairedCommas) notes.push('trailing commas in the JSON were tolerated');
  return { value: chosen.value, notes };
}

function firstToLastBrace(text: string): ParsedJsonObject | null {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  return start === -1 || end <= start ? null : parseJsonObject(text.slice(start, end + 1));
}

/** The object holding the criteria: the reply itself, or one level down (`{"scores": {…}}`). */
function criteriaContainer(value: JsonObject): { value: JsonObject; via?: string } | null {
  if (hasCriterionKey(value)) return { value };
  for (const [key, inner] of Object.entries(value)) {
    if (isJsonObject(inner) && hasCriterionKey(inner)) return { value: inner, via: key };
  }
  return null;
}

function hasCriterionKey(value: JsonObject): boolean {
  return CRITERIA.some((name) => lookupKey(value, name) !== undefined);
}

/** Exact key first, then a case-insensitive match (`Accuracy`, `ACCURACY`). */
function lookupKey(value: JsonObject, name: string): { key: string; value: unknown } | undefined {
  if (Object.hasOwn(value, name)) return { key: name, value: value[name] };
  const key = Object.keys(value).find((k) => k.trim().toLowerCase() === name);
  return key === undefined ? undefined : { key, value: value[key] };
}

function readCriterion(source: JsonObject, name: Criterion): CriterionVerdict {
  const entry = lookupKey(source, name);
  if (entry === undefined) return { score: null, explanation: null, problem: 'missing' };
  const notes: string[] = [];
  if (entry.key !== name) notes.push(`key "${entry.key}" read as "${name}"`);
  const { scoreValue, explanationValue } = criterionParts(entry.value, notes);
  const score = readScore(scoreValue, notes);
  const explanation = readExplanation(explanationValue, isJsonObject(entry.value), notes);
  return notes.length === 0
    ? { score, explanation }
    : { score, explanation, problem: notes.join('; ') };
}

function criterionParts(
  value: unknown,
  notes: string[],
): { scoreValue: unknown; explanationValue: unknown } {
  if (isJsonObject(value)) {
    return {
      scoreValue: lookupKey(value, 'score')?.value,
      explanationValue: lookupKey(value, 'explanation')?.value,
    };
  }
  if (typeof value === 'number' || typeof value === 'string') {
    notes.push('given as a bare score without an explanation (tolerated)');
    return { scoreValue: value, explanationValue: undefined };
  }
  notes.push(`is ${describe(value)}, not an object with a score`);
  return { scoreValue: undefined, explanationValue: undefined };
}

const NUMERIC_STRING = /^[+-]?\d+(\.\d+)?$/;

/** An integer 1–5, given as a number or a numeric string; anything else is null with the reason. */
function readScore(value: unknown, notes: string[]): JudgeScore | null {
  if (value === undefined) {
    notes.push('no score');
    return null;
  }
  let number: number;
  if (typeof value === 'number') {
    number = value;
  } else if (typeof value === 'string' && NUMERIC_STRING.test(value.trim())) {
    number = Number(value.trim());
    notes.push(`score given as the string ${JSON.stringify(value)} (tolerated)`);
  } else {
    notes.push(`score ${describe(value)} is not a number`);
    return null;
  }
  if (!Number.isInteger(number)) {
    notes.push(`score ${number} is not an integer`);
    return null;
  }
  if (!isJudgeScore(number)) {
    notes.push(`score ${number} is outside 1–5`);
    return null;
  }
  return number;
}

function isJudgeScore(value: number): value is JudgeScore {
  return Number.isInteger(value) && value >= 1 && value <= 5;
}

function readExplanation(value: unknown, isObjectForm: boolean, notes: string[]): string | null {
  if (typeof value === 'string') return value;
  // A bare score already said it has no explanation; do not repeat it.
  if (value === undefined) {
    if (isObjectForm) notes.push('no explanation');
  } else {
    notes.push(`explanation ${describe(value)} is not a string`);
  }
  return null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

// ---------------------------------------------------------------------------------------------------
// Empty candidate responses

const EMPTY_RESPONSE_NOTE =
  'the candidate response is empty: judges were not called and every criterion scores 1';

/** True when a candidate response must not be sent to the judges (spec §4). */
export function isEmptyResponse(response: string): boolean {
  return response.trim() === '';
}

/**
 * The verdict recorded for an empty response: every criterion 1, as MedARC scores it, and noted, so the
 * difference from HELM (which skips such rollouts) stays visible. Frozen: it is shared.
 */
export const EMPTY_RESPONSE_VERDICT: ParsedJudgeReply = freezeVerdict({
  accuracy: { score: 1, explanation: 'Empty response.' },
  completeness: { score: 1, explanation: 'Empty response.' },
  clarity: { score: 1, explanation: 'Empty response.' },
  problems: [EMPTY_RESPONSE_NOTE],
  jsonFound: false,
});

function freezeVerdict(verdict: ParsedJudgeReply): ParsedJudgeReply {
  for (const name of CRITERIA) Object.freeze(verdict[name]);
  Object.freeze(verdict.problems);
  return Object.freeze(verdict);
}

// ---------------------------------------------------------------------------------------------------
// Scoring

function normaliseScore(score: number, normalisation: Normalisation): number {
  return normalisation === 'fraction' ? score / 5 : (score - 1) / 4;
}

function validScores(verdict: ParsedJudgeReply): JudgeScore[] {
  return CRITERIA.map((name) => verdict[name].score).filter((s): s is JudgeScore => s !== null);
}

/**
 * One judge's score: the mean over its valid criteria of the normalised score. Normalising the mean
 * equals the mean of normalised scores (the map is linear) and rounds less: 5/4/3 gives exactly 0.8.
 * Null when the call failed (`null`) or no criterion could be read.
 */
export function judgeScore(
  verdict: ParsedJudgeReply | null,
  normalisation: Normalisation = 'fraction',
): number | null {
  if (verdict === null) return null;
  const meanScore = mean(validScores(verdict));
  return meanScore === null ? null : normaliseScore(meanScore, normalisation);
}

/** Scores one rollout from its judges' verdicts, one entry per judge (`null` = the call failed). */
export function scoreRollout(
  verdicts: readonly (ParsedJudgeReply | null)[],
  opts: { normalisation?: Normalisation } = {},
): RolloutScore {
  const normalisation = opts.normalisation ?? 'fraction';
  const judge_scores = verdicts.map((verdict) => judgeScore(verdict, normalisation));
  const answered = verdicts.filter((v): v is ParsedJudgeReply => v !== null);
  const criterionMean = (name: Criterion) =>
    mean(answered.map((v) => v[name].score).filter((s): s is JudgeScore => s !== null));
  return {
    reward: mean(judge_scores.filter((s): s is number => s !== null)),
    jury_score: mean(answered.flatMap(validScores)),
    judge_scores,
    criterion_means: {
      accuracy: criterionMean('accuracy'),
      completeness: criterionMean('completeness'),
      clarity: criterionMean('clarity'),
    },
  };
}
