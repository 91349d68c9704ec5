import type { Leaderboard } from '../../../core/suites/leaderboard';
import { leaderboardCsv, type LeaderboardViewState } from '../../../core/suites/leaderboardView';
import type { Suite } from '../../../core/suites/suite';
import { renderLeaderboardReport } from '../../../core/report/renderLeaderboardReport';
import { downloadFile } from '../../download';

interface LeaderboardToolbarProps {
  suites: readonly Suite[];
  suite: Suite;
  board: Leaderboard;
  view: LeaderboardViewState;
  onSuite: (id: string) => void;
  onShowAll: (showAll: boolean) => void;
}

function fileStem(suite: Suite): string {
  return `leaderboard-${suite.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** Which suite, which columns, and the exports (CSV, HTML report). */
export function LeaderboardToolbar(props: LeaderboardToolbarProps) {
  const { suites, suite, board, view, onSuite, onShowAll } = props;
  return (
    <div className="toolbar lb-toolbar">
      <label>
        Suite{' '}
        <select value={suite.id} onChange={(event) => onSuite(event.target.value)}>
          {suites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={view.showAll}
          onChange={(event) => onShowAll(event.target.checked)}
        />{' '}
        Show every entry (option-shuffle repeats, entries that cannot run)
      </label>
      <button
        type="button"
        data-testid="lb-csv"
        onClick={() =>
          downloadFile(`${fileStem(suite)}.csv`, leaderboardCsv(board, view), 'text/csv')
        }
      >
        Download CSV
      </button>
      <button
        type="button"
        onClick={() =>
          downloadFile(
            `${fileStem(suite)}.html`,
            renderLeaderboardReport(board, view, suite.label, Date.now(), __APP_VERSION__),
            'text/html',
          )
        }
      >
        Download HTML report
      </button>
    </div>
  );
}
