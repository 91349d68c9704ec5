// Owns confidence intervals for run-level means (spec mtsamples-procedures.md §5: mean reward with a 95%
// bootstrap interval). Seeded, so the same results always show the same interval. Pure: no I/O.
import { mean as meanOf } from './mean';

export interface BootstrapOptions {
  /** Number of resamples; default 1000. */
  resamples?: number;
  /** Two-sided confidence level in (0, 1); default 0.95. */
  confidence?: number;
  /** PRNG seed; default 0, so an interval never changes between page loads. */
  seed?: number;
}

/** `n = 0` gives nulls; `n = 1` gives `low = high = mean` (one value has no spread to resample). */
export interface MeanInterval {
  mean: number | null;
  low: number | null;
  high: number | null;
  n: number;
}

/**
 * mulberry32: a tiny, fast 32-bit PRNG returning floats in [0, 1). Not cryptographic; chosen because it
 * is deterministic across engines (integer ops only) and `Math.random` cannot be seeded.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Percentile-bootstrap interval for the mean of `values` (all finite). */
export function bootstrapMeanCI(
  values: readonly number[],
  opts: BootstrapOptions = {},
): MeanInterval {
  const { resamples, confidence, seed } = checkOptions(opts);
  assertFinite(values, 'values');
  const n = values.length;
  const mean = meanOf(values);
  if (mean === null) return { mean: null, low: null, high: null, n: 0 };
  if (n === 1) return { mean, low: mean, high: mean, n };
  const random = mulberry32(seed);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[Math.floor(random() * n)] ?? 0;
    means[r] = sum / n;
  }
  means.sort();
  const alpha = (1 - confidence) / 2;
  return { mean, low: quantileSorted(means, alpha), high: quantileSorted(means, 1 - alpha), n };
}

/**
 * Interval for `mean(a) - mean(b)` when `a[i]` and `b[i]` are scores of the same example (two models,
 * two judges): resampling the per-example differences keeps the pairing, which is what makes the
 * interval much narrower than comparing two independent intervals.
 */
export function pairedBootstrapDiffCI(
  a: readonly number[],
  b: readonly number[],
  opts: BootstrapOptions = {},
): MeanInterval {
  if (a.length !== b.length) {
    throw new RangeError(`paired samples differ in length: ${a.length} and ${b.length}`);
  }
  assertFinite(a, 'a');
  assertFinite(b, 'b');
  return bootstrapMeanCI(
    a.map((value, i) => value - (b[i] ?? 0)),
    opts,
  );
}

/** Throws a RangeError for a resample count or confidence level that makes no sense. */
export function checkResampling(resamples: number, confidence: number): void {
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  }
}

function checkOptions(opts: BootstrapOptions): Required<BootstrapOptions> {
  const resamples = opts.resamples ?? 1000;
  const confidence = opts.confidence ?? 0.95;
  const seed = opts.seed ?? 0;
  checkResampling(resamples, confidence);
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  return { resamples, confidence, seed };
}

// A NaN would poison every resample mean silently; callers drop unscored rollouts (null) first.
function assertFinite(values: readonly number[], name: string): void {
  const index = values.findIndex((value) => !Number.isFinite(value));
  if (index !== -1) throw new RangeError(`${name}[${index}] is not a finite number`);
}

/** Linear interpolation between order statistics (numpy's default), on sorted input. */
export function quantileSorted(sorted: Float64Array, p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const lower = sorted[below] ?? 0;
  const upper = sorted[above] ?? 0;
  return lower + (upper - lower) * (position - below);
}
