import { describe, expect, it } from 'vitest';
import type { BootstrapOptions } from '../../../src/core/stats/bootstrap';
import {
  bootstrapMeanCI,
  mulberry32,
  pairedBootstrapDiffCI,
} from '../../../src/core/stats/bootstrap';

describe('mulberry32', () => {
  it('repeats its sequence for a seed, and differs between seeds', () => {
    const take = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
  });

  it('matches the reference mulberry32 (a change would move every interval users have seen)', () => {
    const next = mulberry32(1);
    expect(next()).toBe(0.6270739405881613);
    expect([next(), next()].map((x) => Math.round(x * 1e9))).toEqual([2735721, 527447040]);
  });

  it('stays in [0, 1) and spreads evenly', () => {
    const next = mulberry32(7);
    const buckets = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = next();
      if (!(x >= 0 && x < 1)) outside++;
      const b = Math.floor(x * 10);
      buckets[b] = (buckets[b] ?? 0) + 1;
    }
    expect(outside).toBe(0);
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });
});

describe('bootstrapMeanCI', () => {
  it.each<
    [string, number[], { mean: number | null; low: number | null; high: number | null; n: number }]
  >([
    ['no values → nulls', [], { mean: null, low: null, high: null, n: 0 }],
    ['one value → a point', [0.7], { mean: 0.7, low: 0.7, high: 0.7, n: 1 }],
    ['identical values → a point', [0.4, 0.4, 0.4], { mean: 0.4, low: 0.4, high: 0.4, n: 3 }],
  ])('%s', (_name, values, expected) => {
    const ci = bootstrapMeanCI(values);
    expect(ci.n).toBe(expected.n);
    for (const key of ['mean', 'low', 'high'] as const) {
      if (expected[key] === null) expect(ci[key]).toBeNull();
      else expect(ci[key]).toBeCloseTo(expected[key], 12);
    }
  });

  const values = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 1 : 0)); // mean 0.5

  it('is deterministic for a seed (and by default)', () => {
    expect(bootstrapMeanCI(values, { seed: 5 })).toEqual(bootstrapMeanCI(values, { seed: 5 }));
    expect(bootstrapMeanCI(values)).toEqual(bootstrapMeanCI(values));
    expect(bootstrapMeanCI(values, { seed: 5 })).not.toEqual(bootstrapMeanCI(values, { seed: 6 }));
  });

  it('agrees with the normal approximation on 200 fair coin flips, at 95% and no other level', () => {
    // se = sqrt(0.25 / 200) ≈ 0.0354, so 95% ≈ 0.5 ± 1.96 se = 0.5 ± 0.069. The window is tight
    // enough to reject the neighbours: 90% would be ± 0.058 and 99% ± 0.091 (bootstrap means of
    // 200 flips move in steps of 0.005, hence ± 0.006).
    const ci = bootstrapMeanCI(values, { resamples: 4000, seed: 1 });
    expect(ci.mean).toBe(0.5);
    expect(ci.low).toBeGreaterThan(0.5 - 0.069 - 0.006);
    expect(ci.low).toBeLessThan(0.5 - 0.069 + 0.006);
    expect(ci.high).toBeGreaterThan(0.5 + 0.069 - 0.006);
    expect(ci.high).toBeLessThan(0.5 + 0.069 + 0.006);
    expect(bootstrapMeanCI(values, { resamples: 4000, seed: 1, confidence: 0.95 })).toEqual(ci);
  });

  it('contains the true mean in about 95% of repeated samples', () => {
    // 200 independent samples of 30 values from uniform [0, 1) (true mean 0.5).
    const draw = mulberry32(2024);
    let covered = 0;
    for (let trial = 0; trial < 200; trial++) {
      const sample = Array.from({ length: 30 }, draw);
      const ci = bootstrapMeanCI(sample, { resamples: 500, seed: trial });
      if ((ci.low ?? 1) <= 0.5 && 0.5 <= (ci.high ?? 0)) covered++;
    }
    // The percentile bootstrap under-covers a little at n = 30 (this seed: 90.5%); a 90% interval
    // would cover about 83%.
    expect(covered / 200).toBeGreaterThan(0.89);
    expect(covered / 200).toBeLessThan(0.99);
  });

  it('widens with confidence', () => {
    const width = (confidence: number) => {
      const ci = bootstrapMeanCI(values, { confidence, seed: 3 });
      return (ci.high ?? 0) - (ci.low ?? 0);
    };
    expect(width(0.5)).toBeLessThan(width(0.9));
    expect(width(0.9)).toBeLessThan(width(0.99));
  });

  it.each<[string, number[], BootstrapOptions]>([
    ['resamples 0', [1, 2], { resamples: 0 }],
    ['resamples 1.5', [1, 2], { resamples: 1.5 }],
    ['confidence 1', [1, 2], { confidence: 1 }],
    ['confidence 0', [1, 2], { confidence: 0 }],
    ['a NaN value', [1, Number.NaN], {}],
    ['an infinite value', [Number.POSITIVE_INFINITY], {}],
  ])('rejects %s', (_name, input, opts) => {
    expect(() => bootstrapMeanCI(input, opts)).toThrow(RangeError);
  });
});

describe('pairedBootstrapDiffCI', () => {
  it('gives a point for a constant difference', () => {
    const ci = pairedBootstrapDiffCI([0.9, 0.5, 0.3], [0.8, 0.4, 0.2]);
    expect(ci.mean).toBeCloseTo(0.1, 12);
    expect(ci.low).toBeCloseTo(0.1, 12);
    expect(ci.high).toBeCloseTo(0.1, 12);
    expect(ci.n).toBe(3);
  });

  it('is narrower than unpaired intervals when the pairs move together', () => {
    const draw = mulberry32(9);
    const b = Array.from({ length: 100 }, draw);
    const a = b.map((x) => x + 0.05 + (draw() - 0.5) * 0.02);
    const paired = pairedBootstrapDiffCI(a, b, { seed: 1 });
    const ciA = bootstrapMeanCI(a, { seed: 1 });
    expect(paired.low).toBeGreaterThan(0.04);
    expect(paired.high).toBeLessThan(0.06);
    expect((paired.high ?? 0) - (paired.low ?? 0)).toBeLessThan(
      ((ciA.high ?? 0) - (ciA.low ?? 0)) / 5,
    );
  });

  it('handles no pairs', () => {
    expect(pairedBootstrapDiffCI([], [])).toEqual({ mean: null, low: null, high: null, n: 0 });
  });

  it('rejects samples of different lengths', () => {
    expect(() => pairedBootstrapDiffCI([1, 2], [1])).toThrow(RangeError);
  });
});
