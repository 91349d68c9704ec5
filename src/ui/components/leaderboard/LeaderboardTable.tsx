import type { Leaderboard, LeaderboardRow } from '../../../core/suites/leaderboard';
import {
  formatPercent,
  macroDescription,
  MACRO_LABEL,
  visibleColumns,
  WIN_RATE_DESCRIPTION,
  type LeaderboardViewState,
  type SortKey,
} from '../../../core/suites/leaderboardView';
import { entryLabel } from '../../../core/suites/suite';
import { formatTokens, formatUsd } from '../run/runFormat';
import { LeaderboardCellView } from './LeaderboardCellView';
import { SortHeader } from './SortHeader';

interface LeaderboardTableProps {
  board: Leaderboard;
  rows: readonly LeaderboardRow[];
  view: LeaderboardViewState;
  picked: readonly string[];
  onSort: (key: SortKey) => void;
  onPick: (model: string) => void;
}

function macroText(row: LeaderboardRow): string {
  const { mean, entries, of } = row.macro;
  return mean === null
    ? '—'
    : `${formatPercent(mean)}${entries === of ? '' : ` (${entries}/${of})`}`;
}

/** A win rate, or `…` while the worker computes them. */
function winRateText(board: Leaderboard, value: number | undefined): string {
  return board.winRatesReady ? formatPercent(value) : '…';
}

/** Models as rows, entries as columns; every header sorts; a cell opens its run. */
export function LeaderboardTable({
  board,
  rows,
  view,
  picked,
  onSort,
  onPick,
}: LeaderboardTableProps) {
  const columns = visibleColumns(board, view.showAll);
  const sortProps = { current: view.sort, descending: view.descending, onSort };
  return (
    <div className="table-wrap lb-wrap">
      <table className="data-table lb-table" data-testid="leaderboard">
        <thead>
          <tr>
            <th scope="col">Compare</th>
            <SortHeader label="Model" sortKey="model" {...sortProps} />
            <SortHeader
              label={MACRO_LABEL}
              sortKey="macro"
              title={macroDescription(board)}
              {...sortProps}
            />
            <SortHeader
              label="Win rate"
              sortKey="winrate"
              title={WIN_RATE_DESCRIPTION}
              {...sortProps}
            />
            <SortHeader
              label="Win rate (ln)"
              sortKey="winrate_ln"
              title={WIN_RATE_DESCRIPTION}
              {...sortProps}
            />
            <SortHeader label="Cost · tokens" sortKey="cost" {...sortProps} />
            {columns.map(({ entry, resolution }) => (
              <SortHeader
                key={entry.key}
                label={entryLabel(entry)}
                sortKey={`entry:${entry.key}`}
                title={resolution.state === 'ready' ? entry.key : resolution.reason}
                {...sortProps}
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.model} data-testid="lb-row" data-model={row.model}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Compare ${row.model}`}
                  checked={picked.includes(row.model)}
                  onChange={() => onPick(row.model)}
                />
              </td>
              <th scope="row">{row.model}</th>
              <td className="num" data-testid="lb-macro">
                {macroText(row)}
              </td>
              <td className="num" data-testid="lb-winrate" data-ready={board.winRatesReady}>
                {winRateText(board, row.winRate?.simple)}
              </td>
              <td className="num">{winRateText(board, row.winRate?.weighted)}</td>
              <td className="num small">
                {formatUsd(row.totals.costUsd)}
                {row.totals.rowsWithoutCost > 0 && '+'} · {formatTokens(row.totals.inputTokens)} in
                / {formatTokens(row.totals.outputTokens)} out
              </td>
              {columns.map(({ entry }) => (
                <LeaderboardCellView
                  key={entry.key}
                  entryKey={entry.key}
                  cell={row.cells.get(entry.key)}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
