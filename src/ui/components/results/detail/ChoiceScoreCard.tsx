import type { ChoiceScore } from '../../../../core/envs/types';
import '../../../env-results.css';
import { MATCHED_BY_TEXT, orderText, SOURCE_TEXT } from './envScoreText';
import { LongText } from '../../LongText';

/** How a multiple-choice answer was read and matched against the gold letter. */
export function ChoiceScoreCard({ score }: { score: ChoiceScore }) {
  return (
    <section className="rd-section" aria-label="Answer check" data-testid="choice-score-card">
      <h4>Answer check</h4>
      <p
        className={score.correct ? 'env-verdict env-ok' : 'env-verdict env-bad'}
        data-testid="choice-verdict"
      >
        <span aria-hidden="true">{score.correct ? '✓' : '✗'}</span>{' '}
        {score.correct ? 'Correct' : 'Incorrect'}
      </p>
      <dl className="env-facts">
        <dt>Parsed answer</dt>
        <dd data-testid="choice-parsed">{score.parsed ?? 'none'}</dd>
        <dt>Gold</dt>
        <dd data-testid="choice-gold">{score.gold}</dd>
        <dt>Matched by</dt>
        <dd data-testid="choice-matched-by">{MATCHED_BY_TEXT[score.matchedBy]}</dd>
        <dt>Why</dt>
        <dd>{score.why}</dd>
        <dt>Read from</dt>
        <dd>{SOURCE_TEXT[score.source]}</dd>
        {score.order !== undefined && (
          <>
            <dt>Shuffled order</dt>
            <dd data-testid="choice-order">
              {orderText(score.order)}{' '}
              <span className="muted small">(presented letter ← original letter)</span>
            </dd>
          </>
        )}
      </dl>
      <h5 className="env-subheading">Extracted answer</h5>
      <LongText
        text={score.extracted === '' ? '(empty)' : score.extracted}
        testId="choice-extracted"
      />
    </section>
  );
}
