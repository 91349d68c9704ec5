import { useMemo } from 'react';
import { sortRows, type SortKey } from '../../core/suites/leaderboardView';
import { LeaderboardTable } from '../components/leaderboard/LeaderboardTable';
import { LeaderboardToolbar } from '../components/leaderboard/LeaderboardToolbar';
import {
  leaderboardParams,
  readLeaderboardUrl,
  type LeaderboardUrlState,
} from '../components/leaderboard/leaderboardUrl';
import { PairCompare } from '../components/leaderboard/PairCompare';
import { useLeaderboard } from '../components/leaderboard/useLeaderboard';
import { hrefFor, type HashRoute } from '../hooks/useHashRoute';
import { pickSuite, useSuites } from '../hooks/useSuites';
import '../leaderboard.css';

/** `#/leaderboard?suite=…&sort=…`: models × a suite's entries; the whole view lives in the link. */
export function LeaderboardPage({ route }: { route: HashRoute }) {
  const state = readLeaderboardUrl(route.params);
  const suites = useSuites();
  const suite = suites === undefined ? undefined : pickSuite(suites, state.suiteId);
  const board = useLeaderboard(suite);
  const rows = useMemo(
    () => (board === undefined ? [] : sortRows(board.rows, state)),
    [board, state.sort, state.descending], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const go = (change: Partial<LeaderboardUrlState>) => {
    window.location.hash = hrefFor('leaderboard', leaderboardParams({ ...state, ...change }));
  };
  const onSort = (sort: SortKey) =>
    go(
      sort === state.sort
        ? { descending: !state.descending }
        : { sort, descending: sort !== 'model' },
    );
  const onPick = (model: string) =>
    go({
      picked: state.picked.includes(model)
        ? state.picked.filter((m) => m !== model)
        : [...state.picked, model].slice(-2),
    });

  return (
    <div className="page" data-testid="leaderboard-page">
      <h1>Leaderboard</h1>
      {suites === undefined || suite === undefined || board === undefined ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <LeaderboardToolbar
            suites={suites}
            suite={suite}
            board={board}
            view={state}
            onSuite={(suiteId) => go({ suiteId, sort: 'macro', picked: [] })}
            onShowAll={(showAll) => go({ showAll })}
          />
          {board.rows.length === 0 ? (
            <p>
              No run answers an entry of {suite.label} yet.{' '}
              <a href={hrefFor('suites')}>Run the suite</a> or import verifiers results of its
              environments.
            </p>
          ) : (
            <LeaderboardTable
              board={board}
              rows={rows}
              view={state}
              picked={state.picked}
              onSort={onSort}
              onPick={onPick}
            />
          )}
          <PairCompare board={board} picked={state.picked} />
        </>
      )}
    </div>
  );
}
