import type { RewardScore } from '../../../../core/envs/types';
import '../../../env-results.css';

/** Words for a reward: full, partial or no credit, each with an icon. */
function verdictOf(score: RewardScore): { icon: string; text: string; isGood: boolean } {
  if (score.correct) return { icon: '✓', text: 'Correct', isGood: true };
  if (score.reward > 0) return { icon: '◐', text: `Partial credit ${score.reward}`, isGood: true };
  return { icon: '✗', text: 'Incorrect', isGood: false };
}

/** How a benchmark with its own scoring (MedCalc, SCT, MedHallu…) read and credited the reply. */
export function RewardScoreCard({ score }: { score: RewardScore }) {
  const verdict = verdictOf(score);
  return (
    <section className="rd-section" aria-label="Answer check" data-testid="reward-score-card">
      <h4>Answer check</h4>
      <p
        className={verdict.isGood ? 'env-verdict env-ok' : 'env-verdict env-bad'}
        data-testid="reward-verdict"
      >
        <span aria-hidden="true">{verdict.icon}</span> {verdict.text}
      </p>
      <dl className="env-facts">
        <dt>Reward</dt>
        <dd data-testid="reward-value">{score.reward}</dd>
        <dt>Parsed answer</dt>
        <dd data-testid="reward-parsed">{score.parsed ?? 'none'}</dd>
        <dt>Scored against</dt>
        <dd data-testid="reward-gold">{score.gold}</dd>
        <dt>Why</dt>
        <dd>{score.why}</dd>
      </dl>
      <h5 className="env-subheading">Read from</h5>
      <pre className="text-block" data-testid="reward-extracted">
        {score.extracted === '' ? '(empty)' : score.extracted}
      </pre>
    </section>
  );
}
