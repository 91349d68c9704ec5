// Owns MTSamples' MedARC reward preset (issue 12 item 5): the reward MedARC-AI/med-lm-envs'
// mtsamples_procedures environment gives a rollout from its judges' raw replies, at commit 3b9f18f —
// each reply read by its JSONParser (the last `}` and the nearest `{` before it that json.loads to a
// dict), each criterion's score coerced to a float, clamped to 1–5 and mapped by (s − 1) / 4
// (normalize_helm_reward @ 3172efc), a judge's score the mean over its readable criteria and 0.0 when it
// has none (an unparseable reply counts as 0.0), a failed call left out, and the rollout's reward the
// mean of the judges' scores, 0.0 when none scored (MultiJudge.mean @ 0db7880). Where the reference's
// reward function raises (a criterion that is not an object, e.g. `"accuracy": 4`, or an int literal
// past CPython's 4,300 digits in a reply's JSON), verifiers scores the whole rollout 0.0; we do the
// same and say why. Pure.
import { mean } from '../../stats/mean';
import {
  isPyDict,
  pyFloatOfString,
  PyError,
  pyJsonLoads,
  pyMax,
  pyMin,
  pyStrip,
  type PyDict,
  type PyValue,
} from './pythonJson';

export const MEDARC_MTSAMPLES_COMMIT = '3b9f18f17ca5b51ad1b55ce6a601b5a274f303b3';

const DIMENSIONS = ['accuracy', 'completeness', 'clarity'] as const;

/** JSONParser._extract_json_object: the last `}`, then each `{` before it, nearest first. */
function medarcJudgeObject(text: string): PyDict | null {
  const lastClose = text.lastIndexOf('}');
  if (lastClose === -1) return null;
  for (
    let open = text.lastIndexOf('{', lastClose);
    open !== -1;
    open = text.lastIndexOf('{', open - 1)
  ) {
    try {
      const parsed = pyJsonLoads(text.slice(open, lastClose + 1));
      if (isPyDict(parsed)) return parsed;
    } catch (error) {
      // `except json.JSONDecodeError: continue`: the ValueError of the int digit limit goes through.
      if (!(error instanceof PyError) || error.pyType !== 'JSONDecodeError') throw error;
    }
    if (open === 0) break;
  }
  return null;
}

/** normalize_helm_reward's _coerce_score; a huge integer raises OverflowError in `float()`. */
function coerceScore(value: PyValue | undefined): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const cleaned = pyStrip(value);
    if (cleaned === '') return null;
    try {
      return pyFloatOfString(cleaned);
    } catch (error) {
      if (error instanceof PyError) return null;
      throw error;
    }
  }
  if (!Array.isArray(value) && !isPyDict(value)) {
    throw new PyError('OverflowError', 'int too large to convert to float');
  }
  return null;
}

/** normalize_helm_reward(parsed, dimensions=JUDGE_DIMENSIONS) with its defaults (1–5). */
function normalizeHelmReward(parsed: PyDict | null): number {
  // An unparseable reply reads as {"score": None} for every criterion: nothing counts.
  if (parsed === null) return 0;
  let accumulated = 0;
  let count = 0;
  for (const dimension of DIMENSIONS) {
    // `scores.get(dimension, {}).get("score")`: anything but an object there raises AttributeError.
    const entry = parsed.has(dimension)
      ? (parsed.get(dimension) ?? null)
      : new Map<string, PyValue>();
    if (!isPyDict(entry)) {
      throw new PyError('AttributeError', `the judge's "${dimension}" is not an object`);
    }
    const score = coerceScore(entry.get('score'));
    if (score === null) continue;
    const clamped = pyMax(1, pyMin(5, score));
    accumulated += (clamped - 1) / 4;
    count += 1;
  }
  if (count === 0) return 0;
  return pyMax(0, pyMin(1, accumulated / count));
}

/**
 * One judge's score as the reference computes it: null for a failed call (`raw` null), 0.0 for a reply
 * with no readable criterion. Throws a PyError where the reference's reward function raises.
 */
export function medarcJudgeScore(raw: string | null): number | null {
  if (raw === null) return null;
  return normalizeHelmReward(medarcJudgeObject(raw));
}

export interface MedarcRolloutReward {
  reward: number;
  /** Per judge, what the reference records (null: the call failed); null when the reference raised. */
  judgeScores: (number | null)[] | null;
  /** Why the reference's reward function raised (verifiers then scores the rollout 0.0), or null. */
  raised: string | null;
}

/** The rollout's reward from its judges' raw replies in judge order (null = the call failed). */
export function medarcRolloutReward(raws: readonly (string | null)[]): MedarcRolloutReward {
  const scores: (number | null)[] = [];
  try {
    for (const raw of raws) scores.push(medarcJudgeScore(raw));
  } catch (error) {
    if (!(error instanceof PyError)) throw error;
    return { reward: 0, judgeScores: null, raised: `${error.pyType}: ${error.message}` };
  }
  // MultiJudge.mean: sum(valid) / len(valid), 0.0 when no judge scored.
  const reward = mean(scores.filter((score): score is number => score !== null)) ?? 0;
  return { reward, judgeScores: scores, raised: null };
}
