import type { RubricGradeRow } from '../../../../core/results/envDetail';
import { errorText } from './detailFormat';
import { GRADE_STATUS, pointsText } from './envScoreText';
import { LongText } from '../../LongText';

/** One rubric item and its grader verdict: points, criterion, axes, status, reason, raw reply. */
export function RubricGradeItem({ row }: { row: RubricGradeRow }) {
  const { item, grade, status } = row;
  const verdict = GRADE_STATUS[status];
  const isPenalty = item !== null && item.points < 0;
  return (
    <li className="env-item" data-testid="rubric-grade-item" data-status={status}>
      <div className="env-item-head">
        <span
          className={isPenalty ? 'env-points env-penalty' : 'env-points'}
          title={isPenalty ? 'Penalty: met means the undesirable behaviour is present' : undefined}
        >
          {item === null ? '?' : pointsText(item.points)}
          {isPenalty && <span className="rs-sr-only"> points (penalty)</span>}
        </span>
        <span className={`env-status env-status-${status}`} data-testid="rubric-grade-status">
          <span aria-hidden="true">{verdict.icon}</span> {verdict.text}
        </span>
      </div>
      <p className="env-criterion">
        {item === null ? `Item ${row.index + 1} (criterion not stored here)` : item.criterion}
      </p>
      {row.axes.length > 0 && <p className="small muted">Axis: {row.axes.join(', ')}</p>}
      {grade?.error !== undefined && (
        <p className="banner banner-error small">{errorText(grade.error)}</p>
      )}
      {grade?.explanation != null && <p className="small">{grade.explanation}</p>}
      {grade !== null && (
        <details>
          <summary>
            Raw reply ({grade.attempts} attempt{grade.attempts === 1 ? '' : 's'})
          </summary>
          <LongText text={grade.raw ?? '(none: the call failed)'} />
        </details>
      )}
    </li>
  );
}
