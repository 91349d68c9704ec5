// Python's `random.seed(str)`, `sample` (both its pool and its set algorithm) and `shuffle`, against
// values printed by CPython 3.11 (`random.seed("2718::patient_01"); random.getrandbits(32)` …), as
// LongHealth's document selection uses them.
import { describe, expect, it } from 'vitest';
import {
  PythonRandom,
  pythonStrSeed,
} from '../../../../../src/core/envs/multipleChoice/python/pythonRandom';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('PythonRandom seeded with a str', () => {
  it('draws what CPython draws after random.seed(str)', () => {
    const random = new PythonRandom(pythonStrSeed('2718::patient_01'));
    expect([0, 1, 2].map(() => random.getrandbits(32))).toEqual([
      2500717172, 1585326304, 1708988532,
    ]);
  });

  it('samples with the set algorithm above 85 items and the pool below, then shuffles', () => {
    const random = new PythonRandom(pythonStrSeed('9331::patient_07'));
    expect(random.sample(range(100), 10)).toEqual([4, 69, 51, 43, 99, 42, 72, 27, 86, 95]);
    expect(random.sample(range(30), 10)).toEqual([21, 15, 12, 9, 8, 27, 18, 4, 25, 11]);
    expect(random.sample(range(4), 4)).toEqual([0, 3, 2, 1]);
    const items = range(12);
    random.shuffle(items);
    expect(items).toEqual([4, 8, 11, 5, 7, 9, 0, 10, 2, 1, 3, 6]);
    expect(() => random.sample(range(3), 4)).toThrow(RangeError);
  });

  it('encodes the seed as UTF-8, characters outside the BMP included', () => {
    expect(new PythonRandom(pythonStrSeed('ü𝐇::x')).randbelow(1000000)).toBe(342200);
  });
});
