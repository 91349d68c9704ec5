// The run's jury score is HELM's aggregate (issue 13 item 7): the mean of each rollout's mean judge
// score, as HELM's LLMJuryMetric (@ 23e586c) averages per-instance Stats — not every score pooled.
import { describe, expect, it } from 'vitest';
import {
  HELM_JURY_REFERENCE,
  helmJuryScore,
  JURY_SCORE_DEFINITION,
} from '../../../../src/core/envs/mtsamples/helmJury';
import { scoreRollout, type ParsedJudgeReply } from '../../../../src/core/envs/mtsamples/judge';
import type { RolloutRecord } from '../../../../src/core/schema/run';
import { computeRunHeadline } from '../../../../src/core/results/runStats';
import { summarizeRun } from '../../../../src/core/runSummary';
import { row } from '../../results/rowFactory';

type Score = 1 | 2 | 3 | 4 | 5 | null;
function verdict(accuracy: Score, completeness: Score, clarity: Score): ParsedJudgeReply {
  const criterion = (score: Score) => ({ score, explanation: score === null ? null : 'ok' });
  return {
    accuracy: criterion(accuracy),
    completeness: criterion(completeness),
    clarity: criterion(clarity),
    problems: [],
    jsonFound: true,
  };
}

describe('HELM jury score', () => {
  // Rollout A: 5,5,5 and a judge that only read accuracy (1) → (5+5+5+1)/4 = 4.
  // Rollout B: 2,2,2 and 2,2,2 → 2. HELM: (4 + 2) / 2 = 3. Pooled: (16 + 12) / 10 = 2.8.
  const a = scoreRollout([verdict(5, 5, 5), verdict(1, null, null)]);
  const b = scoreRollout([verdict(2, 2, 2), verdict(2, 2, 2)]);

  it('scores a rollout by the mean of every valid score of every judge', () => {
    expect(a.jury_score).toBe(4);
    expect(b.jury_score).toBe(2);
  });

  it('reports the mean of rollout means, not the pooled mean, in the headline and the live summary', () => {
    expect(helmJuryScore([a.jury_score, b.jury_score, null])).toEqual({ mean: 3, n: 2 });
    const headline = computeRunHeadline([
      row({ reward: a.reward, jury_score: a.jury_score }),
      row({ reward: b.reward, jury_score: b.jury_score }),
    ]);
    expect(headline.juryScore).toEqual({ mean: 3, n: 2 });
    expect(headline.juryScore.mean).not.toBeCloseTo(2.8, 5);
    const live = summarizeRun(
      [a, b].map(
        (score, i) =>
          ({ status: 'done', score, judges: [], updatedAt: i }) as unknown as RolloutRecord,
      ),
      0,
    );
    expect(live.juryScore).toBe(3);
  });

  it('names HELM’s file and commit in its definition', () => {
    expect(HELM_JURY_REFERENCE.commit).toMatch(/^23e586c/);
    expect(JURY_SCORE_DEFINITION).toContain('23e586c');
    expect(JURY_SCORE_DEFINITION).toMatch(/not every score pooled/);
  });
});
