import { describe, expect, it } from 'vitest';
import {
  choiceAccuracy,
  wilsonInterval,
  type ScoredChoice,
} from '../../../../src/core/envs/multipleChoice/choiceAccuracy';

function results(group: string | null, correct: number, wrong: number): ScoredChoice[] {
  return [
    ...Array.from({ length: correct }, () => ({ correct: true, group })),
    ...Array.from({ length: wrong }, () => ({ correct: false, group })),
  ];
}

describe('wilsonInterval', () => {
  it('8 of 10 → [0.490, 0.943] (worked example)', () => {
    // p = 0.8, z = 1.96: centre = (0.8 + 1.96²/20) / (1 + 1.96²/10) = 0.7167,
    // half-width = 1.96·√(0.8·0.2/10 + 1.96²/400) / 1.3841 = 0.2266.
    const bounds = wilsonInterval(8, 10);
    expect(bounds?.low).toBeCloseTo(0.4902, 4);
    expect(bounds?.high).toBeCloseTo(0.9433, 4);
  });

  it('stays inside [0, 1] at the edges', () => {
    expect(wilsonInterval(0, 5)?.low).toBe(0);
    expect(wilsonInterval(0, 5)?.high).toBeCloseTo(0.4345, 4);
    expect(wilsonInterval(5, 5)?.high).toBe(1);
    expect(wilsonInterval(5, 5)?.low).toBeCloseTo(0.5655, 4);
  });

  it('no trials, no interval', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('choiceAccuracy', () => {
  it('overall and per group, groups in code-unit order, null groups only overall', () => {
    const summary = choiceAccuracy(
      [...results('step2&3', 8, 2), ...results('step1', 1, 1), ...results(null, 0, 1)],
      3,
    );
    expect(summary).toMatchObject({ n: 13, correct: 9, unscored: 3 });
    expect(summary.accuracy).toBeCloseTo(9 / 13, 10);
    expect(summary.byGroup.map((g) => [g.group, g.n, g.correct, g.accuracy])).toEqual([
      ['step1', 2, 1, 0.5],
      ['step2&3', 10, 8, 0.8],
    ]);
    expect(summary.byGroup[1]?.low).toBeCloseTo(0.4902, 4);
  });

  it('nothing scored: null accuracy and interval, unscored still reported', () => {
    expect(choiceAccuracy([], 4)).toEqual({
      n: 0,
      correct: 0,
      credit: 0,
      hasPartialCredit: false,
      accuracy: null,
      low: null,
      high: null,
      unscored: 4,
      byGroup: [],
    });
  });

  it('partial credit (SCT, MedHallu’s “unsure”): the mean reward, full-credit rollouts counted apart', () => {
    const summary = choiceAccuracy([
      { correct: true, credit: 1, group: 'easy' },
      { correct: false, credit: 0.6, group: 'easy' },
      { correct: false, credit: 0.01, group: 'hard' },
      { correct: false, credit: 0, group: 'hard' },
    ]);
    expect(summary).toMatchObject({ n: 4, correct: 1, hasPartialCredit: true });
    expect(summary.credit).toBeCloseTo(1.61, 12);
    expect(summary.accuracy).toBeCloseTo(1.61 / 4, 12);
    // The Wilson interval of the summed credit brackets the mean reward.
    expect(summary.low).toBeLessThan(summary.accuracy ?? 0);
    expect(summary.high).toBeGreaterThan(summary.accuracy ?? 1);
    expect(summary.byGroup.map((g) => [g.group, g.correct, g.accuracy])).toEqual([
      ['easy', 1, 0.8],
      ['hard', 0, 0.005],
    ]);
  });

  it('rewards of 0 and 1 only: plain accuracy, no partial credit', () => {
    const summary = choiceAccuracy([
      { correct: true, credit: 1, group: null },
      { correct: false, credit: 0, group: null },
    ]);
    expect(summary).toMatchObject({ n: 2, correct: 1, credit: 1, hasPartialCredit: false });
  });
});
