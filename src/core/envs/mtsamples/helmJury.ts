// Owns which run-level jury score we report and what it is called (issue 13 item 7). HELM's
// LLMJuryMetric (stanford-crfm/helm @ 23e586c, src/helm/benchmark/metrics/llm_jury_metrics.py) scores
// each instance by the mean of every valid criterion score of every judge, and its run figure is the
// mean of those per-instance Stats — the mean of rollout means, not every score pooled across the run
// (which weights a rollout by how many scores its judges gave). We report HELM's. Pure.
import { mean } from '../../stats/mean';

export const HELM_JURY_REFERENCE = {
  repo: 'stanford-crfm/helm',
  commit: '23e586cb50755345d3d11682b95f2b42bb2c0370',
  file: 'src/helm/benchmark/metrics/llm_jury_metrics.py',
} as const;

export const JURY_SCORE_LABEL = 'Jury score (HELM, 1–5)';

/** What the figure is, for a tooltip, report or export reader. */
export const JURY_SCORE_DEFINITION =
  'HELM’s aggregate: the mean over rollouts of each rollout’s mean of every valid judge score ' +
  '(LLMJuryMetric, stanford-crfm/helm @ 23e586c), not every score pooled. Rollouts with no valid ' +
  'score are left out; HELM would count them as its default score.';

/** HELM's run jury score from each rollout's jury score (null: no valid score, left out). */
export function helmJuryScore(perRollout: readonly (number | null | undefined)[]): {
  mean: number | null;
  n: number;
} {
  const values = perRollout.filter((v): v is number => typeof v === 'number');
  return { mean: mean(values), n: values.length };
}
