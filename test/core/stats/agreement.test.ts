import { describe, expect, it } from 'vitest';
import type { Rating } from '../../../src/core/stats/agreement';
import {
  agreementMatrix,
  bootstrapAlphaCI,
  exactAgreement,
  krippendorffAlphaInterval,
  krippendorffAlphaOrdinal,
  pairwiseAgreement,
  spearman,
  spreadDistribution,
  withinOneAgreement,
} from '../../../src/core/stats/agreement';

const _ = null;

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", §E: 4 coders × 12 units, missing
// values, published α: nominal 0.743, ordinal 0.815, interval 0.849. Rows are coders, as printed there.
const CODERS: Rating[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _], // A
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3], // B
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _], // C
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _], // D
];
/** Units × coders, the shape the alpha functions take. */
const UNITS: Rating[][] = Array.from({ length: 12 }, (_unit, u) =>
  CODERS.map((coder) => coder[u] ?? null),
);
// Checked by hand (unit 12 has one value and drops out; each unit adds pairs / (m_u − 1)):
//        1    2    3    4    5  | n_c
//   1    7  4/3  1/3  1/3    .  |  9     u1: o11 += 3; u8: o11 += 2, o12 += 1; u11: o11 += 2
//   2  4/3   10  4/3  1/3    .  | 13     u2: o22 += 2, o23 += 1; u5, u9: o22 += 4 each
//   3  1/3  4/3    8  1/3    .  | 10     u3, u4: o33 += 4 each
//   4  1/3  1/3  1/3    4    .  |  5     u6 (1,2,3,4): every off-diagonal pair += 1/3; u7: o44 += 4
//   5    .    .    .    .    3  |  3     u10: o55 += 3                                      n = 40
// nominal:  1 − 39 · 8 / (40² − Σ n_c²) = 1 − 312/1216 = 0.7434 (confirms the data matches the paper)
// interval: Σ o δ² = 2 · 26/3 = 52/3; Σ n_c n_k δ² = 2 · 2240 = 4480; α = 1 − 39 · (52/3)/4480
//           = 951/1120 = 0.84911
// ordinal:  δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)², e.g. δ²_12 = (22 − 11)² = 121,
//           δ²_13 = (32 − 9.5)² = 506.25, δ²_15 = (40 − 6)² = 1156, δ²_45 = (8 − 4)² = 16;
//           Σ o δ² = 2 · 945.5 = 1891; Σ n_c n_k δ² = 2 · 199740 = 399480;
//           α = 1 − 39 · 1891/399480 = 108577/133160 = 0.81539
// (An independent pair-by-pair implementation in exact fractions gave the same three numbers.)

describe('spearman', () => {
  it.each<[string, number[], number[], number | null]>([
    // No ties: rho = 1 − 6Σd²/(n(n² − 1)) = 1 − 6·4/120 = 0.8 (d = −1, 1, −1, 1, 0).
    ['no ties', [1, 2, 3, 4, 5], [2, 1, 4, 3, 5], 0.8],
    // y ranks: 5→1, 6→2, 7,7→3.5 each, 8→5. Deviations from 3: dx = −2,−1,0,1,2;
    // dy = −2,−1,0.5,2,0.5. Σdxdy = 4+1+0+2+1 = 8, Σdx² = 10, Σdy² = 9.5 → 8/√95 = 0.82078.
    ['ties on one side', [1, 2, 3, 4, 5], [5, 6, 7, 8, 7], 8 / Math.sqrt(95)],
    // Ranks x: 1.5,1.5,3,4; y: 1,2.5,2.5,4. Deviations from 2.5: dx = −1,−1,.5,1.5; dy = −1.5,0,0,1.5.
    // Σdxdy = 1.5 + 2.25 = 3.75, Σdx² = Σdy² = 4.5 → 3.75/4.5 = 5/6.
    ['ties on both sides', [1, 1, 2, 3], [1, 2, 2, 3], 5 / 6],
    ['perfect, and ranks ignore the scale', [1, 2, 3, 4], [1, 4, 9, 16], 1],
    ['inverse', [1, 2, 3, 4, 5], [5, 4, 3, 2, 1], -1],
    ['inverse with ties', [1, 1, 2, 2], [4, 4, 3, 3], -1],
    ['constant x → null', [3, 3, 3, 3], [1, 2, 3, 4], null],
    ['constant y → null', [1, 2, 3, 4], [5, 5, 5, 5], null],
    ['two points → null', [1, 2], [1, 2], null],
    ['no points → null', [], [], null],
  ])('%s', (_name, x, y, expected) => {
    const rho = spearman(x, y);
    if (expected === null) expect(rho).toBeNull();
    else expect(rho).toBeCloseTo(expected, 12);
  });

  it('agrees with the hand value to 4 decimals', () => {
    expect(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])?.toFixed(4)).toBe('0.8208');
  });

  it('is symmetric and does not depend on item order', () => {
    const x = [3, 1, 4, 1, 5, 2, 2];
    const y = [2, 1, 5, 2, 4, 3, 1];
    expect(spearman(y, x)).toBeCloseTo(spearman(x, y) ?? Number.NaN, 12);
    expect(spearman([...x].reverse(), [...y].reverse())).toBeCloseTo(
      spearman(x, y) ?? Number.NaN,
      12,
    );
  });

  it.each<[string, number[], number[]]>([
    ['different lengths', [1, 2, 3], [1, 2]],
    ['NaN', [1, Number.NaN, 3], [1, 2, 3]],
    ['Infinity', [1, 2, 3], [1, 2, Number.POSITIVE_INFINITY]],
  ])('throws on %s', (_name, x, y) => {
    expect(() => spearman(x, y)).toThrow(RangeError);
  });
});

describe('exactAgreement and withinOneAgreement', () => {
  it.each<[string, number[], number[], number | null, number | null]>([
    // |x − y| = 0, 1, 2, 0, 4 → exact 2/5, within one 3/5.
    ['mixed', [1, 2, 3, 4, 5], [1, 3, 5, 4, 1], 0.4, 0.6],
    ['identical', [2, 4, 4], [2, 4, 4], 1, 1],
    ['always off by one', [1, 2, 3, 4], [2, 3, 4, 5], 0, 1],
    ['always off by two or more', [1, 5], [3, 1], 0, 0],
    ['no items → null', [], [], null, null],
  ])('%s', (_name, x, y, exact, withinOne) => {
    expect(exactAgreement(x, y)).toBe(exact);
    expect(withinOneAgreement(x, y)).toBe(withinOne);
  });

  it('throws on different lengths', () => {
    expect(() => exactAgreement([1, 2], [1])).toThrow(RangeError);
    expect(() => withinOneAgreement([1], [1, 2])).toThrow(RangeError);
  });
});

describe("Krippendorff's alpha", () => {
  it('reproduces the published example (Krippendorff 2011)', () => {
    expect(krippendorffAlphaOrdinal(UNITS)?.toFixed(3)).toBe('0.815');
    expect(krippendorffAlphaInterval(UNITS)?.toFixed(3)).toBe('0.849');
    expect(krippendorffAlphaOrdinal(UNITS)).toBeCloseTo(108577 / 133160, 12);
    expect(krippendorffAlphaInterval(UNITS)).toBeCloseTo(951 / 1120, 12);
  });

  // Own example, 3 coders, where the two metrics part: the data has no 3s or 4s, so ordinally a
  // 2-vs-5 disagreement is a neighbour's; on the interval scale it costs 9.
  // Units (1,1,_) (1,2,2) (5,5,5) (2,5,_) (4,_,_); the lone 4 cannot be paired and must not count.
  //   o11 = 2 (u1); o12 = o21 = 1, o22 = 1 (u2: pairs/2); o55 = 3 (u3); o25 = o52 = 1 (u4)
  //   n_1 = 3, n_2 = 3, n_5 = 4, n = 10.
  //   interval: Σ o δ² = 2(1·1 + 1·9) = 20; Σ n_c n_k δ² = 2(9·1 + 12·16 + 12·9) = 618;
  //             α = 1 − 9·20/618 = 73/103 = 0.70874
  //   ordinal:  δ²_12 = (6 − 3)² = 9; δ²_25 = (3 + 0 + 0 + 4 − 3.5)² = 12.25; δ²_15 = (10 − 3.5)² = 42.25;
  //             Σ o δ² = 2(9 + 12.25) = 42.5; Σ n_c n_k δ² = 2(9·9 + 12·42.25 + 12·12.25) = 1470;
  //             α = 1 − 9·42.5/1470 = 145/196 = 0.73980
  const SKEWED: Rating[][] = [
    [1, 1, _],
    [1, 2, 2],
    [5, 5, 5],
    [2, 5, _],
    [4, _, _],
  ];

  // [[1,5],[5,1]]: o15 = o51 = 2, n_1 = n_5 = 2, n = 4. Interval: 1 − 3·(4·16)/(2·4·16) = −0.5.
  // Ordinal: δ²_15 = (4 − 2)² = 4 → 1 − 3·(4·4)/(2·4·4) = −0.5.
  const OPPOSED: Rating[][] = [
    [1, 5],
    [5, 1],
  ];

  it.each<[string, Rating[][], number | null, number | null]>([
    ['metrics part on skewed data', SKEWED, 145 / 196, 73 / 103],
    ['systematic disagreement is negative', OPPOSED, -0.5, -0.5],
    [
      'perfect agreement, with missing values',
      [
        [1, 1, 1],
        [3, _, 3],
        [5, 5, _],
      ],
      1,
      1,
    ],
    ['every value the same: no variation → null', [[4, 4], [4, 4, 4], [4]], null, null],
    ['single rater: nothing pairable → null', [[3], [4], [5]], null, null],
    ['one pairable unit → null', [[1, 5], [2], [_, 3]], null, null],
    ['no units → null', [], null, null],
  ])('%s', (_name, units, ordinal, interval) => {
    const got = [krippendorffAlphaOrdinal(units), krippendorffAlphaInterval(units)];
    [ordinal, interval].forEach((expected, i) => {
      if (expected === null) expect(got[i]).toBeNull();
      else expect(got[i]).toBeCloseTo(expected, 12);
    });
  });

  it('ignores values in units that cannot be paired, and coders who are all missing', () => {
    const withExtras = [...UNITS, [_, _, _, 1], [_, _, _, _]].map((unit) => [...unit, _]);
    expect(krippendorffAlphaOrdinal(withExtras)).toBeCloseTo(108577 / 133160, 12);
  });

  it('does not depend on unit order or coder order', () => {
    const shuffled = [...UNITS].reverse().map((unit) => [...unit].reverse());
    expect(krippendorffAlphaOrdinal(shuffled)).toBeCloseTo(108577 / 133160, 12);
  });

  it('takes other scales: ordinal alpha sees only order, so relabelling 1–5 as 0,10,…,40 keeps it', () => {
    const scaled = UNITS.map((unit) => unit.map((v) => (v === null ? null : (v - 1) * 10)));
    expect(krippendorffAlphaOrdinal(scaled, [0, 10, 20, 30, 40])).toBeCloseTo(108577 / 133160, 12);
  });

  it.each<[string, Rating[][], number[] | undefined]>([
    [
      'a value outside the scale',
      [
        [0, 1],
        [1, 1],
      ],
      undefined,
    ],
    [
      'a half point',
      [
        [1.5, 1],
        [1, 1],
      ],
      undefined,
    ],
    [
      'NaN',
      [
        [Number.NaN, 1],
        [1, 1],
      ],
      undefined,
    ],
    [
      'categories out of order',
      [
        [1, 2],
        [2, 1],
      ],
      [2, 1],
    ],
    [
      'no categories',
      [
        [1, 2],
        [2, 1],
      ],
      [],
    ],
  ])('throws on %s', (_name, units, categories) => {
    expect(() => krippendorffAlphaOrdinal(units, categories)).toThrow(RangeError);
    expect(() => krippendorffAlphaInterval(units, categories)).toThrow(RangeError);
  });
});

describe('pairwiseAgreement', () => {
  it('uses only the items both raters scored', () => {
    // Both scored items 0, 1, 4, 5: a = 1,2,5,3 and b = 1,3,5,2.
    // exact 2/4; within one 4/4; spearman: d = 0,−1,0,1 → 1 − 6·2/(4·15) = 0.8.
    // alpha: units (1,1) (2,3) (5,5) (3,2): o11 = o55 = 2, o23 = o32 = 2, n_1 = n_2 = n_3 = n_5 = 2, n = 8;
    // δ²_12 = 4, δ²_13 = 16, δ²_15 = 36, δ²_23 = 4, δ²_25 = 16, δ²_35 = 4 (sum 80);
    // α = 1 − 7·(2·2·4)/(2·4·80) = 1 − 112/640 = 0.825.
    const result = pairwiseAgreement({
      raterA: [1, 2, _, 4, 5, 3],
      raterB: [1, 3, 2, _, 5, 2],
    });
    expect(result.n).toBe(4);
    expect(result.exact).toBe(0.5);
    expect(result.withinOne).toBe(1);
    expect(result.spearman).toBeCloseTo(0.8, 12);
    expect(result.alpha).toBeCloseTo(0.825, 12);
  });

  it('gives nulls, not zeros, when the raters share no items', () => {
    expect(pairwiseAgreement({ raterA: [1, _, 3], raterB: [_, 2, _] })).toEqual({
      n: 0,
      spearman: null,
      exact: null,
      withinOne: null,
      alpha: null,
    });
  });

  it('throws when the raters cover different numbers of items', () => {
    expect(() => pairwiseAgreement({ raterA: [1, 2], raterB: [1] })).toThrow(RangeError);
  });
});

describe('agreementMatrix', () => {
  const raters = CODERS.map((scores, i) => ({
    id: `coder-${i}`,
    label: `Coder ${'ABCD'[i] ?? '?'}`,
    scores,
  }));

  it('lists every pair once, in order, and alpha over all raters', () => {
    const matrix = agreementMatrix(raters);
    expect(matrix.pairs.map((pair) => `${pair.a.id}|${pair.b.id}`)).toEqual([
      'coder-0|coder-1',
      'coder-0|coder-2',
      'coder-0|coder-3',
      'coder-1|coder-2',
      'coder-1|coder-3',
      'coder-2|coder-3',
    ]);
    expect(matrix.pairs[0]?.a.label).toBe('Coder A');
    expect(matrix.alpha).toBeCloseTo(108577 / 133160, 12);
    expect(matrix.n).toBe(11); // unit 12 has one value
  });

  it('fills each pair like pairwiseAgreement', () => {
    const [first] = agreementMatrix(raters).pairs;
    // A and B both scored units 1–9 and differ only on unit 6 (1 vs 2).
    expect(first?.n).toBe(9);
    expect(first?.exact).toBeCloseTo(8 / 9, 12);
    expect(first?.withinOne).toBe(1);
    expect(first).toMatchObject(
      pairwiseAgreement({ raterA: CODERS[0] ?? [], raterB: CODERS[1] ?? [] }),
    );
  });

  it('handles one rater and no raters', () => {
    expect(agreementMatrix(raters.slice(0, 1))).toEqual({ pairs: [], alpha: null, n: 0 });
    expect(agreementMatrix([])).toEqual({ pairs: [], alpha: null, n: 0 });
  });

  it('throws when raters cover different numbers of items', () => {
    const short = { id: 'short', label: 'Short', scores: [1, 2] };
    expect(() => agreementMatrix([...raters, short])).toThrow(RangeError);
  });
});

describe('spreadDistribution', () => {
  const bins = (...counts: number[]) => counts.map((count, spread) => ({ spread, count }));

  it.each<[string, Rating[][], ReturnType<typeof spreadDistribution>]>([
    // Units 1,3,4,5,7,9,10,11 agree; 2 (2,2,3,2) and 8 (1,1,2,1) spread 1; 6 (1,2,3,4) spreads 3;
    // unit 12 has one score and is not counted.
    ['the Krippendorff example', UNITS, { bins: bins(8, 2, 0, 1, 0), n: 11 }],
    [
      'full range, nulls skipped',
      [
        [1, _, 5],
        [2, 4],
        [_, 3],
      ],
      { bins: bins(0, 0, 1, 0, 1), n: 2 },
    ],
    ['nothing with two scores', [[3], [_, 4], []], { bins: bins(0, 0, 0, 0, 0), n: 0 }],
  ])('%s', (_name, perItem, expected) => {
    expect(spreadDistribution(perItem)).toEqual(expected);
  });

  it('throws on a score outside the scale, even in an item it would not count', () => {
    expect(() => spreadDistribution([[6]])).toThrow(RangeError);
    expect(() => spreadDistribution([[1, 0]])).toThrow(RangeError);
  });
});

describe('bootstrapAlphaCI', () => {
  it('brackets the point estimate and is deterministic for a seed', () => {
    const ci = bootstrapAlphaCI(UNITS, { seed: 3 });
    expect(ci.alpha).toBeCloseTo(108577 / 133160, 12);
    expect(ci.n).toBe(11);
    expect(ci.low).not.toBeNull();
    expect(ci.low ?? 1).toBeLessThan(ci.alpha ?? 0);
    expect(ci.high ?? 0).toBeGreaterThan(ci.alpha ?? 1);
    expect(ci.high ?? 2).toBeLessThanOrEqual(1);
    expect(bootstrapAlphaCI(UNITS, { seed: 3 })).toEqual(ci);
    expect(bootstrapAlphaCI(UNITS)).toEqual(bootstrapAlphaCI(UNITS));
    expect(bootstrapAlphaCI(UNITS, { seed: 4 })).not.toEqual(ci);
  });

  it('narrows with more items like these', () => {
    const width = (units: Rating[][]) => {
      const ci = bootstrapAlphaCI(units, { resamples: 400 });
      return (ci.high ?? Number.NaN) - (ci.low ?? Number.NaN);
    };
    const many = Array.from({ length: 16 }, () => UNITS).flat();
    expect(width(many)).toBeLessThan(width(UNITS) / 2);
  });

  it('uses the interval metric when asked', () => {
    expect(bootstrapAlphaCI(UNITS, { metric: 'interval', resamples: 10 }).alpha).toBeCloseTo(
      951 / 1120,
      12,
    );
  });

  it('counts resamples where alpha is undefined instead of scoring them', () => {
    // Perfect agreement: every resample scores 1, unless it drew only one category (undefined).
    const ci = bootstrapAlphaCI(
      [
        [1, 1],
        [5, 5],
      ],
      { resamples: 200 },
    );
    expect(ci).toMatchObject({ alpha: 1, low: 1, high: 1, n: 2 });
    expect(ci.undefinedResamples).toBeGreaterThan(50); // each draw is single-category half the time
    expect(ci.undefinedResamples).toBeLessThan(150);
  });

  it('gives nulls when alpha itself is undefined', () => {
    expect(bootstrapAlphaCI([[3], [4]])).toEqual({
      alpha: null,
      low: null,
      high: null,
      n: 0,
      undefinedResamples: 0,
    });
  });

  it.each<[string, { resamples?: number; confidence?: number }]>([
    ['zero resamples', { resamples: 0 }],
    ['confidence 1', { confidence: 1 }],
  ])('throws on %s', (_name, opts) => {
    expect(() => bootstrapAlphaCI(UNITS, opts)).toThrow(RangeError);
  });
});
