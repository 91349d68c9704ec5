import type { Leaderboard } from '../../../core/suites/leaderboard';
import { formatPercent } from '../../../core/suites/leaderboardView';
import { entryLabel } from '../../../core/suites/suite';
import { hrefFor } from '../../hooks/useHashRoute';

/** Two picked models: for each entry both ran, the paired comparison of their two runs. */
export function PairCompare({ board, picked }: { board: Leaderboard; picked: readonly string[] }) {
  const [a, b] = picked.map((model) => board.rows.find((row) => row.model === model));
  if (a === undefined || b === undefined) {
    return <p className="muted small">Tick two models to compare them question by question.</p>;
  }
  const shared = board.columns.filter(
    ({ entry }) => a.cells.has(entry.key) && b.cells.has(entry.key),
  );
  return (
    <section className="panel" aria-labelledby="lb-pair-title" data-testid="lb-pair">
      <h2 id="lb-pair-title">
        {a.model} vs {b.model}
      </h2>
      {shared.length === 0 ? (
        <p>These two models have no entry in common.</p>
      ) : (
        <ul className="lb-pair-list">
          {shared.map(({ entry }) => {
            const runA = a.cells.get(entry.key);
            const runB = b.cells.get(entry.key);
            if (runA === undefined || runB === undefined) return null;
            const href = hrefFor(
              'compare',
              new URLSearchParams({ runs: `${runA.runId},${runB.runId}` }),
            );
            return (
              <li key={entry.key}>
                <a href={href}>{entryLabel(entry)}</a>: {formatPercent(runA.digest?.score.mean)} vs{' '}
                {formatPercent(runB.digest?.score.mean)}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
