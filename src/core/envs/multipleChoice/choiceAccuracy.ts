// Owns the accuracy summary of a multiple-choice run (spec more-environments.md §2): the share of
// scored rollouts that chose the gold option, with a 95% Wilson score interval, overall and per group
// (subject, exam step). Wilson rather than the normal approximation because it stays inside [0, 1]
// and behaves at small n and at accuracies near 0 or 1, which per-subject breakdowns hit.
// Envs with their own rewards (SCT's panel credit, MedHallu's 0.01 for "unsure") report the mean
// reward the same way: a reward in [0, 1] with mean p has variance at most p(1 − p), so the Wilson
// interval of the summed credit is, if anything, wider than needed. Pure.
import { compareByCodeUnit } from '../../sortByCodeUnit';

/** z for a two-sided 95% interval. */
const Z_95 = 1.959963984540054;

interface AccuracyInterval {
  n: number;
  /** Rollouts with full credit. */
  correct: number;
  /** Credit summed over rollouts (equals `correct` when every reward is 0 or 1). */
  credit: number;
  /** Whether some rollout earned partial credit (then `accuracy` is a mean reward). */
  hasPartialCredit: boolean;
  /** credit / n; null when n is 0. */
  accuracy: number | null;
  low: number | null;
  high: number | null;
}

export interface GroupAccuracy extends AccuracyInterval {
  group: string;
}

export interface ChoiceAccuracy extends AccuracyInterval {
  /** Rollouts left out because they have no score (failed requests): reported, never counted. */
  unscored: number;
  /** One entry per non-null group, in code-unit order of the group name. */
  byGroup: GroupAccuracy[];
}

export interface ScoredChoice {
  correct: boolean;
  /** The rollout's reward in [0, 1]; 1 or 0 from `correct` when absent. */
  credit?: number;
  group: string | null;
}

/** The Wilson score interval for `correct` successes in `n` trials; null when n is 0. */
export function wilsonInterval(
  correct: number,
  n: number,
  z = Z_95,
): { low: number; high: number } | null {
  if (n <= 0) return null;
  const p = correct / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { low: Math.max(0, centre - halfWidth), high: Math.min(1, centre + halfWidth) };
}

/** Accuracy of scored rollouts; `unscored` is the count the caller left out, passed through. */
export function choiceAccuracy(results: readonly ScoredChoice[], unscored = 0): ChoiceAccuracy {
  const groups = new Map<string, ScoredChoice[]>();
  for (const result of results) {
    if (result.group === null) continue;
    const members = groups.get(result.group) ?? [];
    members.push(result);
    groups.set(result.group, members);
  }
  const byGroup = [...groups.keys()]
    .sort(compareByCodeUnit)
    .map((group) => ({ group, ...interval(groups.get(group) ?? []) }));
  return { ...interval(results), unscored, byGroup };
}

function creditOf(result: ScoredChoice): number {
  return result.credit ?? (result.correct ? 1 : 0);
}

function interval(results: readonly ScoredChoice[]): AccuracyInterval {
  const n = results.length;
  const correct = results.filter((result) => result.correct).length;
  const credit = results.reduce((sum, result) => sum + creditOf(result), 0);
  const bounds = wilsonInterval(credit, n);
  return {
    n,
    correct,
    credit,
    hasPartialCredit: results.some((result) => creditOf(result) % 1 !== 0),
    accuracy: n === 0 ? null : credit / n,
    low: bounds?.low ?? null,
    high: bounds?.high ?? null,
  };
}
