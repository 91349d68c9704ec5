import { describe, expect, it } from 'vitest';
import {
  compareRolloutOrder,
  inRolloutOrder,
  sortByValue,
  type SortValue,
} from '../../../src/core/results/rolloutOrder';

const at = (key: string) => {
  const [example = '0', index = '0'] = key.split(':');
  return { key, example_id: Number(example), rollout_index: Number(index) };
};
// The order IndexedDB returns stored keys in: text order, where "109:0" < "10:0" < "110:0".
const STORED = [
  '0:0',
  '100:0',
  '101:0',
  '109:0',
  '10:0',
  '10:1',
  '110:0',
  '1:0',
  '1:10',
  '1:2',
  '2:0',
];

describe('the order of a run’s rollouts (#13)', () => {
  it('is numeric by example, then by rollout, whatever order the keys arrive in', () => {
    expect(inRolloutOrder(STORED.map(at)).map((r) => r.key)).toEqual([
      '0:0',
      '1:0',
      '1:2',
      '1:10',
      '2:0',
      '10:0',
      '10:1',
      '100:0',
      '101:0',
      '109:0',
      '110:0',
    ]);
  });

  it.each([
    ['9:0', '10:0', -1],
    ['10:0', '9:31', 1],
    ['3:2', '3:10', -1],
    ['4:4', '4:4', 0],
  ])('compares %s with %s', (a, b, sign) => {
    expect(Math.sign(compareRolloutOrder(at(a), at(b)))).toBe(sign);
  });
});

describe('sortByValue', () => {
  const rows: { id: string; value: SortValue }[] = [
    { id: 'a', value: 10 },
    { id: 'b', value: null },
    { id: 'c', value: 9 },
    { id: 'd', value: 100 },
    { id: 'e', value: 9 },
  ];
  const ids = (sorted: typeof rows) => sorted.map((r) => r.id).join('');

  it.each<['asc' | 'desc', string]>([
    ['asc', 'ceadb'],
    ['desc', 'daceb'],
  ])('%s: numbers numerically, empty values last, ties in input order', (direction, expected) => {
    expect(ids(sortByValue(rows, (r) => r.value, direction))).toBe(expected);
  });

  it('sorts text as text and leaves its input alone', () => {
    const words = [{ w: 'PLAN' }, { w: 'FINDINGS' }, { w: 'SUMMARY' }];
    expect(sortByValue(words, (r) => r.w, 'asc').map((r) => r.w)).toEqual([
      'FINDINGS',
      'PLAN',
      'SUMMARY',
    ]);
    expect(words[0]?.w).toBe('PLAN');
  });
});
