import type { LeaderboardCell } from '../../../core/suites/leaderboard';
import { formatPercent } from '../../../core/suites/leaderboardView';
import { hrefFor } from '../../hooks/useHashRoute';

/** One model × entry: its score and 95% interval, n and coverage; a link to that run. */
export function LeaderboardCellView({
  entryKey,
  cell,
}: {
  /** The suite entry of this column (`data-entry`, so a cell can be found by its entry). */
  entryKey: string;
  cell: LeaderboardCell | undefined;
}) {
  if (cell === undefined)
    return (
      <td className="lb-empty" data-entry={entryKey}>
        —
      </td>
    );
  const digest = cell.digest;
  const href = hrefFor('results', new URLSearchParams({ run: cell.runId }));
  if (digest === undefined) {
    return (
      <td data-entry={entryKey}>
        <a href={href} title={cell.runName}>
          …
        </a>
      </td>
    );
  }
  const { score, counts } = digest;
  const missing = counts.unscored + counts.error;
  return (
    <td className="lb-cell" data-testid="lb-cell" data-entry={entryKey}>
      <a
        href={href}
        title={`${cell.runName}${cell.alternatives > 0 ? ` (+${cell.alternatives} other runs)` : ''}`}
      >
        <span className="lb-score">{formatPercent(score.mean)}</span>
        {score.low !== null && score.high !== null && (
          <span className="lb-ci">
            {' '}
            [{(score.low * 100).toFixed(1)}, {(score.high * 100).toFixed(1)}]
          </span>
        )}
      </a>
      <span className="lb-n muted small">
        n = {score.n}
        {missing > 0 && ` · ${counts.unscored} unscored, ${counts.error} failed`}
        {counts.pending > 0 && ` · ${counts.pending} to go`}
      </span>
    </td>
  );
}
