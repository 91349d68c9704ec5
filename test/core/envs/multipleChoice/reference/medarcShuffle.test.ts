// The option shuffle against MedARC's own randomize_multiple_choice: every case in the fixture was
// produced by the reference code (commit named in the fixture) and must come out in the same order.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  medarcShuffleOrder,
  medarcShuffleSeed,
} from '../../../../../src/core/envs/multipleChoice/medarc/medarcShuffle';
import { PythonRandom } from '../../../../../src/core/envs/multipleChoice/python/pythonRandom';

interface ShuffleCase {
  texts: string[];
  seed: number;
  rowId: string;
  order: number[];
  labelRefs: boolean;
  anchors: number[];
}
const fixture = JSON.parse(
  readFileSync(
    new URL('../../../../fixtures/reference/medarc-shuffle.json', import.meta.url),
    'utf8',
  ),
) as { reference: { commit: string }; cases: ShuffleCase[] };

describe('MedARC option shuffle', () => {
  it('names the reference commit that produced its fixture', () => {
    expect(fixture.reference.commit).toMatch(/^6568528/);
    expect(fixture.cases.length).toBeGreaterThanOrEqual(200);
    expect(fixture.cases.some((c) => c.labelRefs)).toBe(true);
    expect(fixture.cases.some((c) => c.anchors.length > 0)).toBe(true);
  });

  it('puts the options in the reference order for every fixture case', () => {
    const mismatches = fixture.cases.filter(
      (c) =>
        JSON.stringify(medarcShuffleOrder(c.texts, c.seed, c.rowId)) !== JSON.stringify(c.order),
    );
    expect(mismatches).toEqual([]);
  });

  it('seeds from the low 64 bits of sha256("{seed}::{row_id}")', () => {
    // sha256("1618::0") = …, its last 16 hex digits, as Python's int(..., 16) & (2**64 - 1).
    expect(medarcShuffleSeed(1618, '0').toString(16)).toHaveLength(16);
    expect(medarcShuffleSeed(1618, '0')).not.toBe(medarcShuffleSeed(1618, '1'));
  });
});

describe('PythonRandom', () => {
  it('draws what CPython draws for random.Random(42)', () => {
    // random.Random(42).getrandbits(32) for five calls, from CPython 3.11.
    const random = new PythonRandom(42n);
    expect([0, 1, 2, 3, 4].map(() => random.getrandbits(32))).toEqual([
      2746317213, 478163327, 107420369, 3184935163, 1181241943,
    ]);
  });

  it('seeds from integers wider than 32 bits as CPython does', () => {
    // random.Random(2**40 + 7).getrandbits(32) twice.
    const random = new PythonRandom(2n ** 40n + 7n);
    expect([random.getrandbits(32), random.getrandbits(32)]).toEqual([2635837658, 3209733218]);
  });
});
