// Owns the statistics behind "how far can the judges be trusted": rank correlation, raw agreement
// rates, Krippendorff's alpha (ordinal, interval) and score spreads, between judges and between judges
// and people. Every function says when its number is undefined (null) instead of inventing one. Pure.

import type { BootstrapOptions } from './bootstrap';
import { checkResampling, mulberry32, quantileSorted } from './bootstrap';

/** One rater's score for one item; null = not rated (missing, failed, or skipped). */
export type Rating = number | null;

/** The 1–5 rubric every judge and every person scores on. */
export const LIKERT_CATEGORIES: readonly number[] = [1, 2, 3, 4, 5];

export interface PairwiseAgreement {
  /** Items both raters scored; every other field is computed on these only. */
  n: number;
  spearman: number | null;
  exact: number | null;
  withinOne: number | null;
  /** Ordinal Krippendorff's alpha of the two raters. */
  alpha: number | null;
}

export interface Rater {
  id: string;
  label: string;
  /** One entry per item, same item order for every rater. */
  scores: readonly Rating[];
}

interface RaterPairAgreement extends PairwiseAgreement {
  a: { id: string; label: string };
  b: { id: string; label: string };
}

export interface AgreementMatrix {
  /** Every unordered pair, in the raters' order: (0,1), (0,2), …, (1,2), … */
  pairs: RaterPairAgreement[];
  /** Ordinal alpha over all raters at once (missing values allowed). */
  alpha: number | null;
  /** Items at least two raters scored: the ones alpha can use. */
  n: number;
}

export interface SpreadDistribution {
  /** One bin per possible spread (0 to highest − lowest category), zero counts included. */
  bins: { spread: number; count: number }[];
  /** Items with at least two scores. */
  n: number;
}

export interface AlphaInterval {
  alpha: number | null;
  low: number | null;
  high: number | null;
  /** Pairable units (two or more values) that were resampled. */
  n: number;
  /** Resamples whose alpha was undefined (no variation) and so left out of the interval. */
  undefinedResamples: number;
}

/**
 * Spearman's rho: Pearson's correlation of the ranks, ties given the average of the ranks they span
 * (so it stays correct for 1–5 scores, which tie constantly). Null when n < 3 (two points always lie
 * on a line, so rho would be ±1 and mean nothing) or when either side is constant (no ranking).
 */
export function spearman(x: readonly number[], y: readonly number[]): number | null {
  assertPaired(x, y);
  if (x.length < 3) return null;
  return pearson(averageRanks(x), averageRanks(y));
}

/** Share of items on which both scores are equal; null for no items. */
export function exactAgreement(x: readonly number[], y: readonly number[]): number | null {
  assertPaired(x, y);
  return shareOfPairs(x, y, (a, b) => a === b);
}

/** Share of items on which the scores differ by at most 1; null for no items. */
export function withinOneAgreement(x: readonly number[], y: readonly number[]): number | null {
  assertPaired(x, y);
  return shareOfPairs(x, y, (a, b) => Math.abs(a - b) <= 1);
}

/**
 * Krippendorff's alpha with the ordinal metric, for any number of coders and missing values
 * (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability", §C and §E): `units[u][c]` is coder
 * c's value for unit u, or null. Ordinal distances depend on how many values fall between two
 * categories, so a 4-vs-5 disagreement costs less where 4s and 5s are common. Null when fewer than two
 * units have two or more values, or when the expected disagreement is 0 (every pairable value is the
 * same category): alpha is undefined then, not 1. Throws on a value outside `categories`.
 */
export function krippendorffAlphaOrdinal(
  units: readonly (readonly Rating[])[],
  categories: readonly number[] = LIKERT_CATEGORIES,
): number | null {
  return alphaWith(units, categories, ordinalDistances);
}

/** As `krippendorffAlphaOrdinal` with the interval metric δ² = (c − k)²: the gaps between scores are equal. */
export function krippendorffAlphaInterval(
  units: readonly (readonly Rating[])[],
  categories: readonly number[] = LIKERT_CATEGORIES,
): number | null {
  return alphaWith(units, categories, (_marginals, values) => intervalDistances(values));
}

/** Agreement of two raters on the items both scored (`n`); an item either left unscored is dropped. */
export function pairwiseAgreement(
  ratings: { raterA: readonly Rating[]; raterB: readonly Rating[] },
  categories: readonly number[] = LIKERT_CATEGORIES,
): PairwiseAgreement {
  const { raterA, raterB } = ratings;
  assertPaired(raterA, raterB);
  const a: number[] = [];
  const b: number[] = [];
  raterA.forEach((score, i) => {
    const other = raterB[i] ?? null;
    if (score === null || other === null) return;
    a.push(score);
    b.push(other);
  });
  return {
    n: a.length,
    spearman: spearman(a, b),
    exact: exactAgreement(a, b),
    withinOne: withinOneAgreement(a, b),
    alpha: krippendorffAlphaOrdinal(
      a.map((score, i) => [score, b[i] ?? null]),
      categories,
    ),
  };
}

/** Pairwise agreement for every pair of raters, plus ordinal alpha over all of them together. */
export function agreementMatrix(
  raters: readonly Rater[],
  categories: readonly number[] = LIKERT_CATEGORIES,
): AgreementMatrix {
  const items = raters[0]?.scores.length ?? 0;
  raters.forEach((rater) => {
    if (rater.scores.length !== items) {
      throw new RangeError(
        `rater ${rater.id} has ${rater.scores.length} scores, expected ${items}`,
      );
    }
  });
  const pairs: RaterPairAgreement[] = [];
  raters.forEach((a, i) => {
    raters.slice(i + 1).forEach((b) => {
      const agreement = pairwiseAgreement({ raterA: a.scores, raterB: b.scores }, categories);
      pairs.push({
        a: { id: a.id, label: a.label },
        b: { id: b.id, label: b.label },
        ...agreement,
      });
    });
  });
  const units = Array.from({ length: items }, (_, item) =>
    raters.map((rater) => rater.scores[item] ?? null),
  );
  return {
    pairs,
    alpha: krippendorffAlphaOrdinal(units, categories),
    n: units.filter(isPairable).length,
  };
}

/**
 * How far apart the scores for one item are (highest − lowest), counted over items with at least two
 * scores: a jury that mostly lands in spread 0–1 is consistent even where alpha is low because every
 * score is a 4 or a 5.
 */
export function spreadDistribution(
  perItem: readonly (readonly Rating[])[],
  categories: readonly number[] = LIKERT_CATEGORIES,
): SpreadDistribution {
  checkCategories(categories);
  if (!categories.every(Number.isInteger)) {
    throw new RangeError(
      `spreads are binned by integer, got categories [${categories.join(', ')}]`,
    );
  }
  const widest = (categories.at(-1) ?? 0) - (categories[0] ?? 0);
  const counts = new Array<number>(widest + 1).fill(0);
  let n = 0;
  perItem.forEach((item, u) => {
    item.forEach((score, c) => {
      if (score !== null && !categories.includes(score))
        throw notACategory(score, u, c, categories);
    });
    const scores = item.filter((score) => score !== null);
    if (scores.length < 2) return;
    const spread = Math.max(...scores) - Math.min(...scores);
    counts[spread] = (counts[spread] ?? 0) + 1;
    n++;
  });
  return { bins: counts.map((count, spread) => ({ spread, count })), n };
}

/**
 * Percentile-bootstrap interval for alpha, resampling units (items) with replacement: the items are
 * what a run samples, so this is the uncertainty of "alpha on items like these". (Krippendorff's own
 * bootstrap resamples pairs of values instead; the two differ a little on small data.) Seeded with
 * mulberry32, so the same scores always give the same interval.
 */
export function bootstrapAlphaCI(
  units: readonly (readonly Rating[])[],
  opts: BootstrapOptions & { metric?: 'ordinal' | 'interval'; categories?: readonly number[] } = {},
): AlphaInterval {
  const { resamples = 1000, confidence = 0.95, seed = 0, categories = LIKERT_CATEGORIES } = opts;
  checkResampling(resamples, confidence);
  const alphaOf = opts.metric === 'interval' ? krippendorffAlphaInterval : krippendorffAlphaOrdinal;
  const alpha = alphaOf(units, categories);
  const pairable = units.filter(isPairable);
  const n = pairable.length;
  if (alpha === null) return { alpha, low: null, high: null, n, undefinedResamples: 0 };
  const random = mulberry32(seed);
  const alphas: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const sample = Array.from({ length: n }, () => pairable[Math.floor(random() * n)] ?? []);
    const value = alphaOf(sample, categories);
    if (value !== null) alphas.push(value);
  }
  const sorted = Float64Array.from(alphas).sort();
  const tail = (1 - confidence) / 2;
  const [low, high] =
    sorted.length === 0
      ? [null, null]
      : [quantileSorted(sorted, tail), quantileSorted(sorted, 1 - tail)];
  return { alpha, low, high, n, undefinedResamples: resamples - alphas.length };
}

// --- Krippendorff's alpha from the coincidence matrix ---------------------------------------------

interface Coincidences {
  /** o_ck, row-major, size × size, indexed by category position. */
  matrix: Float64Array;
  /** n_c = Σ_k o_ck: how many pairable values fall in each category. */
  marginals: Float64Array;
  /** n = Σ_c n_c: all pairable values. */
  total: number;
}

type Distances = (marginals: Float64Array, categories: readonly number[]) => Float64Array;

/** α = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck (Krippendorff 2011, §E). */
function alphaWith(
  units: readonly (readonly Rating[])[],
  categories: readonly number[],
  distances: Distances,
): number | null {
  const coincidences = coincidenceMatrix(units, categories);
  if (coincidences === null) return null;
  const { matrix, marginals, total } = coincidences;
  const size = categories.length;
  const delta2 = distances(marginals, categories);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const d2 = delta2[c * size + k] ?? 0;
      observed += (matrix[c * size + k] ?? 0) * d2;
      expected += (marginals[c] ?? 0) * (marginals[k] ?? 0) * d2;
    }
  }
  if (expected === 0) return null;
  return 1 - ((total - 1) * observed) / expected;
}

/**
 * o_ck = Σ_u (number of c–k pairs of values in unit u) / (m_u − 1), over ordered pairs of different
 * coders; units with fewer than two values (m_u < 2) cannot be paired and are left out. Null when
 * fewer than two units can be paired: one unit says nothing about agreement beyond itself.
 */
function coincidenceMatrix(
  units: readonly (readonly Rating[])[],
  categories: readonly number[],
): Coincidences | null {
  checkCategories(categories);
  const size = categories.length;
  const matrix = new Float64Array(size * size);
  let pairableUnits = 0;
  units.forEach((unit, u) => {
    const counts = categoryCounts(unit, u, categories);
    const values = counts.reduce((sum, count) => sum + count, 0);
    if (values < 2) return;
    pairableUnits++;
    for (let c = 0; c < size; c++) {
      for (let k = 0; k < size; k++) {
        const pairs = (counts[c] ?? 0) * ((counts[k] ?? 0) - (c === k ? 1 : 0));
        matrix[c * size + k] = (matrix[c * size + k] ?? 0) + pairs / (values - 1);
      }
    }
  });
  if (pairableUnits < 2) return null;
  const marginals = new Float64Array(size);
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) marginals[c] = (marginals[c] ?? 0) + (matrix[c * size + k] ?? 0);
  }
  return { matrix, marginals, total: marginals.reduce((sum, n) => sum + n, 0) };
}

/** How many of a unit's values fall in each category (by position); nulls are skipped. */
function categoryCounts(
  unit: readonly Rating[],
  u: number,
  categories: readonly number[],
): Float64Array {
  const counts = new Float64Array(categories.length);
  unit.forEach((value, c) => {
    if (value === null) return;
    const index = categories.indexOf(value);
    if (index === -1) throw notACategory(value, u, c, categories);
    counts[index] = (counts[index] ?? 0) + 1;
  });
  return counts;
}

/** Ordinal δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)²: distance in ranks the data actually uses. */
function ordinalDistances(marginals: Float64Array): Float64Array {
  const size = marginals.length;
  const delta2 = new Float64Array(size * size);
  for (let c = 0; c < size; c++) {
    let between = 0;
    for (let k = c; k < size; k++) {
      between += marginals[k] ?? 0;
      const d = between - ((marginals[c] ?? 0) + (marginals[k] ?? 0)) / 2;
      delta2[c * size + k] = d * d;
      delta2[k * size + c] = d * d;
    }
  }
  return delta2;
}

/** Interval δ²_ck = (c − k)², on the category values themselves. */
function intervalDistances(categories: readonly number[]): Float64Array {
  const size = categories.length;
  const delta2 = new Float64Array(size * size);
  categories.forEach((c, i) => {
    categories.forEach((k, j) => {
      delta2[i * size + j] = (c - k) * (c - k);
    });
  });
  return delta2;
}

// --- helpers ---------------------------------------------------------------------------------------

/** 1-based ranks; a run of ties shares the mean of the ranks it spans. */
function averageRanks(values: readonly number[]): number[] {
  const order = values.map((value, i) => ({ value, i })).sort((p, q) => p.value - q.value);
  const ranks = new Array<number>(values.length).fill(0);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.value === order[start]?.value) end++;
    const rank = (start + end) / 2 + 1;
    for (let j = start; j <= end; j++) ranks[order[j]?.i ?? 0] = rank;
    start = end + 1;
  }
  return ranks;
}

/** Pearson's r; null when either side has no variance. */
function pearson(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  const meanX = x.reduce((sum, v) => sum + v, 0) / n;
  const meanY = y.reduce((sum, v) => sum + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] ?? 0) - meanX;
    const dy = (y[i] ?? 0) - meanY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  // Rounding can carry |r| a hair past 1 on perfectly (anti)correlated data.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

function shareOfPairs(
  x: readonly number[],
  y: readonly number[],
  agree: (a: number, b: number) => boolean,
): number | null {
  if (x.length === 0) return null;
  return x.filter((a, i) => agree(a, y[i] ?? Number.NaN)).length / x.length;
}

// A NaN would compare unequal to everything and quietly lower every rate; callers drop nulls first.
function assertPaired(x: readonly Rating[], y: readonly Rating[]): void {
  if (x.length !== y.length) {
    throw new RangeError(`paired scores differ in length: ${x.length} and ${y.length}`);
  }
  for (const [name, values] of [['x', x] as const, ['y', y] as const]) {
    const index = values.findIndex((value) => value !== null && !Number.isFinite(value));
    if (index !== -1) throw new RangeError(`${name}[${index}] is not a finite number`);
  }
}

// The ordinal metric needs the categories in order, and each position must mean one value.
function checkCategories(categories: readonly number[]): void {
  const isAscending = categories.every(
    (value, i) => Number.isFinite(value) && (i === 0 || value > (categories[i - 1] ?? value)),
  );
  if (categories.length === 0 || !isAscending) {
    throw new RangeError(
      `categories must be strictly ascending numbers, got [${categories.join(', ')}]`,
    );
  }
}

function notACategory(
  value: number,
  u: number,
  c: number,
  categories: readonly number[],
): RangeError {
  return new RangeError(
    `[${u}][${c}] = ${value} is not one of the categories ${categories.join(', ')}`,
  );
}

function isPairable(unit: readonly Rating[]): boolean {
  return unit.filter((value) => value !== null).length >= 2;
}
