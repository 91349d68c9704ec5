// Owns pass@k and pass^k for runs with several rollouts per example, computed the way verifiers
// reports `pass_at_k` / `pass_all_k` in metadata.json (results-format.md), so our numbers and theirs
// compare: a rollout passes when reward >= threshold (0.5); unbiased estimators averaged over examples;
// only complete examples count; k runs over the powers of 2 up to the rollouts per example. Pure.

export const PASS_THRESHOLD = 0.5;

/** Keyed by k as a string ("1", "2", "4", …), as in metadata.json. */
export type PassAtKTable = Record<string, number>;

/** Mean over complete examples of 1 - C(n-c, k) / C(n, k): the chance at least one of k rollouts passes. */
export function passAtK(
  rewardsByExample: readonly (readonly number[])[],
  k: number,
  threshold = PASS_THRESHOLD,
): number | null {
  return averageOverExamples(
    rewardsByExample,
    k,
    threshold,
    (n, c) => 1 - choiceRatio(n - c, n, k),
  );
}

/** Mean over complete examples of C(c, k) / C(n, k): the chance all k rollouts pass. */
export function passAllK(
  rewardsByExample: readonly (readonly number[])[],
  k: number,
  threshold = PASS_THRESHOLD,
): number | null {
  return averageOverExamples(rewardsByExample, k, threshold, (n, c) => choiceRatio(c, n, k));
}

export function passAtKTable(
  rewardsByExample: readonly (readonly number[])[],
  threshold = PASS_THRESHOLD,
): PassAtKTable {
  return table(rewardsByExample, (k) => passAtK(rewardsByExample, k, threshold));
}

export function passAllKTable(
  rewardsByExample: readonly (readonly number[])[],
  threshold = PASS_THRESHOLD,
): PassAtKTable {
  return table(rewardsByExample, (k) => passAllK(rewardsByExample, k, threshold));
}

/** Powers of 2 up to `n`; none when n <= 1 (verifiers writes `{}` then). */
export function kValues(n: number): number[] {
  const ks: number[] = [];
  if (n <= 1) return ks;
  for (let k = 1; k <= n; k *= 2) ks.push(k);
  return ks;
}

function table(
  rewardsByExample: readonly (readonly number[])[],
  valueAt: (k: number) => number | null,
): PassAtKTable {
  const result: PassAtKTable = {};
  for (const k of kValues(rolloutsPerExample(rewardsByExample))) {
    const value = valueAt(k);
    if (value !== null) result[String(k)] = value;
  }
  return result;
}

/**
 * The number of rollouts per example is the largest group; smaller groups (a cancelled or partly
 * failed run) are left out, as verifiers leaves out incomplete examples.
 */
function rolloutsPerExample(rewardsByExample: readonly (readonly number[])[]): number {
  return rewardsByExample.reduce((max, rewards) => Math.max(max, rewards.length), 0);
}

function averageOverExamples(
  rewardsByExample: readonly (readonly number[])[],
  k: number,
  threshold: number,
  estimate: (n: number, c: number) => number,
): number | null {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  const n = rolloutsPerExample(rewardsByExample);
  if (k > n) return null;
  const complete = rewardsByExample.filter((rewards) => rewards.length === n);
  let sum = 0;
  for (const rewards of complete) {
    sum += estimate(n, rewards.filter((reward) => reward >= threshold).length);
  }
  return sum / complete.length;
}

/**
 * C(m, k) / C(n, k) as the product of (m - i) / (n - i) for i < k: no factorials, so no overflow for
 * large n; 0 when m < k.
 */
function choiceRatio(m: number, n: number, k: number): number {
  if (m < k) return 0;
  let ratio = 1;
  for (let i = 0; i < k; i++) ratio *= (m - i) / (n - i);
  return ratio;
}
