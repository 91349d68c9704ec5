import { describe, expect, it } from 'vitest';
import type { ChoiceOption } from '../../../../src/core/envs/multipleChoice/choicePayload';
import {
  isFixedOption,
  presentOptions,
  refersToLetters,
  legacyShuffleOptions as shuffleOptions,
} from '../../../../src/core/envs/multipleChoice/shuffleOptions';
import { medarcShuffleOrder } from '../../../../src/core/envs/multipleChoice/medarc/medarcShuffle';
import { fnv1a32 } from '../../../../src/core/hash';
import { mulberry32 } from '../../../../src/core/stats/bootstrap';

const FOUR: ChoiceOption[] = [
  { letter: 'A', text: 'Ampicillin' },
  { letter: 'B', text: 'Ceftriaxone' },
  { letter: 'C', text: 'Doxycycline' },
  { letter: 'D', text: 'Vancomycin' },
];
const ids = Array.from({ length: 200 }, (_, i) => `test-${i}`);

describe('seededRandom', () => {
  it('FNV-1a 32 matches the published test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('mulberry32 is deterministic, in [0, 1), and seed-dependent', () => {
    const draw = (seed: number): number[] => {
      const random = mulberry32(seed);
      return Array.from({ length: 5 }, () => random());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(42).every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('legacyShuffleOptions (runs stored before presets)', () => {
  it('same (seed, id) → same order; texts kept, re-lettered A–D; gold follows its text', () => {
    const first = shuffleOptions(FOUR, 'C', 1618, 'test-7');
    expect(shuffleOptions(FOUR, 'C', 1618, 'test-7')).toEqual(first);
    expect(first.options.map((o) => o.letter)).toEqual(['A', 'B', 'C', 'D']);
    expect([...first.order].sort()).toEqual(['A', 'B', 'C', 'D']);
    first.order.forEach((original, index) => {
      expect(first.options[index]?.text).toBe(FOUR.find((o) => o.letter === original)?.text);
    });
    expect(first.options.find((o) => o.letter === first.gold)?.text).toBe('Doxycycline');
  });

  it('another seed gives other orders; the gold lands on every letter', () => {
    const orders = (seed: number): string[] =>
      ids.map((id) => shuffleOptions(FOUR, 'A', seed, id).order.join(''));
    const differing = orders(1).filter((order, i) => order !== orders(2)[i]).length;
    expect(differing).toBeGreaterThan(100);
    const golds = ids.map((id) => shuffleOptions(FOUR, 'A', 1618, id).gold);
    for (const letter of ['A', 'B', 'C', 'D']) {
      expect(golds.filter((gold) => gold === letter).length).toBeGreaterThan(25);
    }
  });

  it('keeps "all/none of the above" in place', () => {
    const options: ChoiceOption[] = [
      ...FOUR.slice(0, 3),
      { letter: 'D', text: 'None of the above.' },
    ];
    for (const id of ids.slice(0, 50)) {
      const shuffled = shuffleOptions(options, 'D', 99, id);
      expect(shuffled.options[3]?.text).toBe('None of the above.');
      expect(shuffled.gold).toBe('D');
    }
  });

  it('leaves a question whose options name other letters as it is', () => {
    const options: ChoiceOption[] = [...FOUR.slice(0, 3), { letter: 'D', text: 'Both A and C' }];
    for (const id of ids.slice(0, 20)) {
      expect(shuffleOptions(options, 'B', 7, id)).toEqual({
        options,
        gold: 'B',
        order: ['A', 'B', 'C', 'D'],
      });
    }
  });
});

describe('isFixedOption', () => {
  it.each([
    ['All of the above', true],
    ['none of the above.', true],
    ['All the above', true],
    ['Both of the above', true],
    ['Neither of these', true],
    ['None', true],
    ['ＡＬＬ ＯＦ ＴＨＥ ＡＢＯＶＥ', true],
    ['All patients', false],
    ['None of the patients improved', false],
  ])('%j → %s', (text, want) => {
    expect(isFixedOption(text)).toBe(want);
  });
});

describe('refersToLetters', () => {
  const withD = (text: string): ChoiceOption[] => [...FOUR.slice(0, 3), { letter: 'D', text }];
  it.each([
    ['A and B', true],
    ['Both A and C', true],
    ['Neither B nor D', true],
    ['a & b', true],
    ['A, B and C', true],
    ['Only C', true],
    ['(A) or (C)', true],
    ['Only a few patients', false],
    ['Vitamin A', false],
    ['Type B and type C', false],
    ['1 and 2', false],
    ['E and F', false], // not option letters
  ])('%j → %s', (text, want) => {
    expect(refersToLetters(withD(text))).toBe(want);
  });
});

describe('presentOptions', () => {
  const ids = { legacy: 'x', medarc: '7' };
  it('shuffle off: as stored, no order', () => {
    expect(
      presentOptions({ options: FOUR, gold: 'B' }, ids, {
        shuffleOptions: false,
        shuffleSeed: 1,
        preset: 'medarc@97d3282',
      }),
    ).toEqual({ options: FOUR, gold: 'B', order: null });
  });

  it('legacy preset: the shuffle runs had before presets', () => {
    expect(
      presentOptions({ options: FOUR, gold: 'B' }, ids, {
        shuffleOptions: true,
        shuffleSeed: 5,
        preset: 'medeval-legacy',
      }),
    ).toEqual(shuffleOptions(FOUR, 'B', 5, 'x'));
  });

  it.each(['medarc@97d3282', 'medarc@6568528', 'medeval'] as const)(
    '%s: MedARC’s order for (seed, MedARC row id), letters stay, texts move, gold follows',
    (preset) => {
      const presented = presentOptions({ options: FOUR, gold: 'B' }, ids, {
        shuffleOptions: true,
        shuffleSeed: 9331,
        preset,
      });
      const order = medarcShuffleOrder(
        FOUR.map((o) => o.text),
        9331,
        '7',
      );
      expect(presented.options.map((o) => o.text)).toEqual(order.map((i) => FOUR[i]?.text));
      expect(presented.options.map((o) => o.letter)).toEqual(['A', 'B', 'C', 'D']);
      expect(presented.options.find((o) => o.letter === presented.gold)?.text).toBe('Ceftriaxone');
    },
  );
});
