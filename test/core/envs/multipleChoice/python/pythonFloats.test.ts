// CPython's float draws and fixed-point printing, which M-ARC's age jitter uses
// (`f"{age + rng.uniform(0, 0.04):.3f} year-old"` with `random.Random(seed + idx)`). Every expected
// value below was printed by CPython 3.11.2.
import { describe, expect, it } from 'vitest';
import { pyFormatFixed } from '../../../../../src/core/envs/multipleChoice/python/pythonFormat';
import { PythonRandom } from '../../../../../src/core/envs/multipleChoice/python/pythonRandom';

describe('PythonRandom.random and uniform', () => {
  it('draws what random.Random(2718).random() draws', () => {
    const random = new PythonRandom(2718n);
    expect([0, 1, 2, 3].map(() => random.random())).toEqual([
      0.21721655885204882, 0.3146926259156083, 0.2092880547653645, 0.005999952066706227,
    ]);
  });

  it.each([
    [2718n, [0.008688662354081953, 0.012587705036624333, 0.00837152219061458]],
    [2719n, [0.03201731194346656, 0.021887832859191533, 0.008230727045012695]],
    [1618n, [0.027664096633985485, 0.0032158381646949373, 0.037441450631692186]],
    [9336n, [0.03472545015545422, 0.0129452176094971, 0.008452113166665356]],
    [2n ** 40n + 3n, [0.008791484254846686, 0.021978751073408815, 0.0037844763894094415]],
    [0n, [0.033776874061001924, 0.0303181761176121, 0.0168228632332338]],
  ])('uniform(0, 0.04) from seed %s', (seed, expected) => {
    const random = new PythonRandom(seed);
    expect([0, 1, 2].map(() => random.uniform(0, 0.04))).toEqual(expected);
  });
});

describe('pyFormatFixed', () => {
  it.each([
    // Exact ties round to even, where toFixed rounds up.
    [0.0625, 3, '0.062'],
    [35.0625, 3, '35.062'],
    [2.5, 0, '2'],
    [0.5, 0, '0'],
    [1.5, 0, '2'],
    // Not ties: the exact binary value decides (2.675 is 2.67499999…).
    [0.0675, 3, '0.068'],
    [1.0005, 3, '1.000'],
    [2.675, 1, '2.7'],
    [2.675, 3, '2.675'],
    [35.0395, 3, '35.039'],
    [99.9995, 3, '99.999'],
    [99.9995, 0, '100'],
    [123456789.0125, 3, '123456789.013'],
    [1e-7, 3, '0.000'],
    // Signs: a negative that rounds to zero keeps its sign, as does -0.0.
    [-0.0005, 3, '-0.001'],
    [-0.0005, 0, '-0'],
    [-0, 3, '-0.000'],
    [0, 1, '0.0'],
  ])('%s with %i digits is %s', (value, digits, text) => {
    expect(pyFormatFixed(value, digits)).toBe(text);
  });

  it('prints what CPython prints for the jittered ages above', () => {
    const random = new PythonRandom(2719n);
    expect([0, 1, 2].map(() => pyFormatFixed(35 + random.uniform(0, 0.04), 3))).toEqual([
      '35.032',
      '35.022',
      '35.008',
    ]);
  });
});
