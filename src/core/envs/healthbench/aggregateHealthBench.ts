// A HealthBench run's headline, per-axis and per-theme scores with bootstrap standard deviations
// (spec more-environments.md §3). Both clipping rules are computed so the UI can show the chosen one
// and label the other. Seeded: the same scores always give the same SDs. Pure.
import { sortByCodeUnit } from '../../sortByCodeUnit';
import { mulberry32 } from '../../stats/bootstrap';
import type { RubricScore } from '../types';
import type { Clipping } from './healthBenchSettings';
import { clip01 } from './scoreHealthBench';

export interface AggregateOptions {
  clipping: Clipping;
  /** Bootstrap resamples; default 1000 (the reference implementation's count). */
  resamples?: number;
  /** PRNG seed; default 0. */
  seed?: number;
}

export interface Headline {
  /** Null when no example was scored. */
  score: number | null;
  bootstrapSd: number | null;
}

interface AxisAggregate extends Headline {
  axis: string;
  n: number;
}

interface ThemeAggregate extends Headline {
  theme: string;
  n: number;
}

export interface HealthBenchAggregate extends Headline {
  /** Scored examples (unscored ones are left out, and counted by the caller). */
  n: number;
  clipping: Clipping;
  /** Both rules' headline numbers; `score`/`bootstrapSd` above repeat the chosen one. */
  headlines: Record<Clipping, Headline>;
  byAxis: AxisAggregate[];
  byTheme: ThemeAggregate[];
}

/** Aggregates scored examples; any with `raw` null are ignored rather than counted as 0. */
export function aggregateHealthBench(
  scores: readonly RubricScore[],
  options: AggregateOptions,
): HealthBenchAggregate {
  const { clipping } = options;
  const raws = scores.flatMap((s) => (s.raw === null ? [] : [s.raw]));
  const headlines: Record<Clipping, Headline> = {
    run: clippedMean(raws, 'run', options),
    example: clippedMean(raws, 'example', options),
  };
  return {
    n: raws.length,
    clipping,
    ...headlines[clipping],
    headlines,
    byAxis: byTag(scores, 'byAxis', options).map(({ key, ...rest }) => ({ axis: key, ...rest })),
    byTheme: byTag(scores, 'byTheme', options).map(({ key, ...rest }) => ({ theme: key, ...rest })),
  };
}

function byTag(
  scores: readonly RubricScore[],
  field: 'byAxis' | 'byTheme',
  options: AggregateOptions,
): (Headline & { key: string; n: number })[] {
  const scored = scores.filter((s) => s.raw !== null);
  const keys = sortByCodeUnit(new Set(scored.flatMap((s) => Object.keys(s[field]))));
  return keys.map((key) => {
    const values = scored.flatMap((s) => {
      const value = s[field][key];
      return value === undefined ? [] : [value];
    });
    return { key, n: values.length, ...clippedMean(values, options.clipping, options) };
  });
}

/**
 * `run`: clip(mean(raw)); `example`: mean(clip(raw)). The SD is that statistic's spread over
 * bootstrap resamples, as a population SD (numpy's default, which the reference numbers use).
 */
export function clippedMean(
  raws: readonly number[],
  clipping: Clipping,
  options: { resamples?: number; seed?: number } = {},
): Headline {
  if (raws.length === 0) return { score: null, bootstrapSd: null };
  const values = clipping === 'example' ? raws.map(clip01) : raws;
  const statistic = clipping === 'run' ? clip01 : (mean: number) => mean;
  return {
    score: statistic(meanOf(values)),
    bootstrapSd: bootstrapSd(values, statistic, options.resamples ?? 1000, options.seed ?? 0),
  };
}

/** SD of `statistic(mean of a resample)` over `resamples` resamples with replacement. */
export function bootstrapSd(
  values: readonly number[],
  statistic: (mean: number) => number,
  resamples: number,
  seed: number,
): number {
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  }
  if (values.length === 0) throw new RangeError('cannot resample an empty sample');
  const random = mulberry32(seed);
  const n = values.length;
  // Welford's running mean and squared deviations: identical resample statistics give exactly 0
  // rather than rounding noise from a summed mean.
  let centre = 0;
  let squares = 0;
  for (let r = 1; r <= resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[Math.floor(random() * n)] ?? 0;
    const value = statistic(sum / n);
    const delta = value - centre;
    centre += delta / r;
    squares += delta * (value - centre);
  }
  return Math.sqrt(squares / resamples);
}

function meanOf(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] ?? 0;
  return sum / values.length;
}
