// MTSamples' MedARC reward preset against MedARC's own reward_mtsamples: every case in the fixture was
// scored by the reference code (commit named in the fixture) from the same judge replies.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MEDARC_MTSAMPLES_COMMIT,
  medarcJudgeScore,
  medarcRolloutReward,
} from '../../../../src/core/envs/mtsamples/medarcReward';
import { pyFloatOfString, pyJsonLoads } from '../../../../src/core/envs/mtsamples/pythonJson';

interface RewardCase {
  raws: (string | null)[];
  reward: number;
  judge_scores: (number | null)[] | null;
  raised: string | null;
}
const fixture = JSON.parse(
  readFileSync(
    new URL('../../../fixtures/reference/medarc-mtsamples-reward.json', import.meta.url),
    'utf8',
  ),
) as { reference: { commit: string }; cases: RewardCase[] };

describe('MedARC mtsamples_procedures reward', () => {
  it('names the reference commit that produced its fixture, and covers failures and raises', () => {
    expect(fixture.reference.commit).toBe(MEDARC_MTSAMPLES_COMMIT);
    expect(fixture.cases.length).toBeGreaterThanOrEqual(300);
    expect(fixture.cases.some((c) => c.raised !== null)).toBe(true);
    expect(fixture.cases.some((c) => c.raws.every((raw) => raw === null))).toBe(true);
    expect(fixture.cases.some((c) => c.judge_scores?.includes(0) === true)).toBe(true);
  });

  it('gives the reference reward, per-judge scores and raise for every case', () => {
    const disagreements = fixture.cases.filter((c) => {
      const ours = medarcRolloutReward(c.raws);
      return (
        ours.reward !== c.reward ||
        JSON.stringify(ours.judgeScores) !== JSON.stringify(c.judge_scores) ||
        (ours.raised === null) !== (c.raised === null) ||
        (c.raised !== null && !(ours.raised ?? '').startsWith(c.raised))
      );
    });
    expect(disagreements).toEqual([]);
  });

  it('scores an unparseable reply 0 and counts it, leaves a failed call out, and gives 0 when no judge scored', () => {
    expect(medarcJudgeScore('I cannot evaluate this.')).toBe(0);
    expect(medarcJudgeScore(null)).toBeNull();
    expect(medarcRolloutReward([null, null]).reward).toBe(0);
    const good = JSON.stringify({
      accuracy: { score: 5 },
      completeness: { score: 4 },
      clarity: { score: 3 },
    });
    expect(medarcRolloutReward([good, null]).reward).toBe(0.75);
    expect(medarcRolloutReward([good, 'garbage']).reward).toBe(0.375);
  });
});

describe('Python json.loads and float()', () => {
  it('reads NaN and Infinity literals and refuses what Python refuses', () => {
    expect(pyJsonLoads('[NaN, -Infinity]')).toEqual([NaN, -Infinity]);
    expect(() => pyJsonLoads('{"a": 1,}')).toThrow(/Expecting property name/);
    expect(() => pyJsonLoads('{"a": 1} x')).toThrow(/Extra data/);
    expect(() => pyJsonLoads('{NaN: 1}')).toThrow();
  });

  it('converts strings as float() does', () => {
    expect(pyFloatOfString('1_0')).toBe(10);
    expect(pyFloatOfString('٤')).toBe(4);
    expect(pyFloatOfString('-inf')).toBe(-Infinity);
    expect(() => pyFloatOfString('4/5')).toThrow();
    expect(() => pyFloatOfString('1__0')).toThrow();
  });
});
