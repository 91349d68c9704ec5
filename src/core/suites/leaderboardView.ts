// Owns what the leaderboard shows and in which order, and its exports: the columns (main entries,
// optionally their shuffle repeats), the sort (by macro average, win rate, model, cost or one entry's
// score), the CSV and the HTML report section. The page, the CSV and the report show the same
// numbers because they all read them here. Pure.
import { csvCell } from '../results/csv';
import type { SafeHtml } from '../report/escapeHtml';
import { html } from '../report/escapeHtml';
import type { Leaderboard, LeaderboardColumn, LeaderboardRow } from './leaderboard';
import { entryLabel } from './suite';

export type SortKey = 'macro' | 'winrate' | 'winrate_ln' | 'model' | 'cost' | `entry:${string}`;

export interface LeaderboardViewState {
  sort: SortKey;
  descending: boolean;
  /** Show the option-shuffle repeats (and entries that cannot run) as columns too. */
  showAll: boolean;
}

export const DEFAULT_VIEW: LeaderboardViewState = {
  sort: 'macro',
  descending: true,
  showAll: false,
};

export const MACRO_LABEL = 'Macro average';

/** Exactly what the macro average is, for its header's description. */
export function macroDescription(board: Leaderboard): string {
  return `Unweighted mean of the model's scores over the ${board.mainCount} main entries (datasets, not their option-shuffle repeats); a model missing some is marked with how many it has.`;
}

export const WIN_RATE_DESCRIPTION =
  'MedARC’s headline: per main entry, the mean over opponents of the share of questions won (ties ½, a question the model has no score on counts as lost: the "neg-inf" policy), then averaged over entries — simple, and weighted by ln(number of questions).';

export function visibleColumns(board: Leaderboard, showAll: boolean): LeaderboardColumn[] {
  return showAll ? board.columns : board.columns.filter((column) => column.isMain);
}

function sortValue(row: LeaderboardRow, key: SortKey): number | string | null {
  switch (key) {
    case 'macro':
      return row.macro.mean;
    case 'winrate':
      return row.winRate?.simple ?? null;
    case 'winrate_ln':
      return row.winRate?.weighted ?? null;
    case 'model':
      return row.model;
    case 'cost':
      return row.totals.costUsd;
    default:
      return row.cells.get(key.slice('entry:'.length))?.digest?.score.mean ?? null;
  }
}

/** Rows in the view's order; rows without a value sort last either way. */
export function sortRows(
  rows: readonly LeaderboardRow[],
  state: Pick<LeaderboardViewState, 'sort' | 'descending'>,
): LeaderboardRow[] {
  const sign = state.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, state.sort);
    const y = sortValue(b, state.sort);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order = typeof x === 'string' ? x.localeCompare(String(y)) : x - (y as number);
    return sign * order || a.model.localeCompare(b.model);
  });
}

export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`;
}

/** `72.3% [68.1, 76.2]`, or `—`. */
function formatScore(row: LeaderboardRow, key: string): string {
  const score = row.cells.get(key)?.digest?.score;
  if (score?.mean === null || score?.mean === undefined) return '—';
  const interval =
    score.low === null || score.high === null
      ? ''
      : ` [${(score.low * 100).toFixed(1)}, ${(score.high * 100).toFixed(1)}]`;
  return `${formatPercent(score.mean)}${interval}`;
}

function macroText(row: LeaderboardRow): string {
  const { mean, entries, of } = row.macro;
  if (mean === null) return '—';
  return entries === of ? formatPercent(mean) : `${formatPercent(mean)} (${entries}/${of})`;
}

/** One line per model: aggregates, then each column's score, interval, n and coverage. */
export function leaderboardCsv(board: Leaderboard, state: LeaderboardViewState): string {
  const columns = visibleColumns(board, state.showAll);
  const header = [
    'model',
    'macro_average',
    'macro_entries',
    'winrate_simple',
    'winrate_ln_weighted',
    'cost_usd',
    'input_tokens',
    'output_tokens',
    'scored',
    'unscored',
    'failed',
    ...columns.flatMap(({ entry }) => [
      entry.key,
      `${entry.key} low`,
      `${entry.key} high`,
      `${entry.key} n`,
    ]),
  ];
  const lines = sortRows(board.rows, state).map((row) => [
    row.model,
    row.macro.mean,
    `${row.macro.entries}/${row.macro.of}`,
    row.winRate?.simple,
    row.winRate?.weighted,
    row.totals.costUsd,
    row.totals.inputTokens,
    row.totals.outputTokens,
    row.totals.scored,
    row.totals.unscored,
    row.totals.error,
    ...columns.flatMap(({ entry }) => {
      const score = row.cells.get(entry.key)?.digest?.score;
      return [score?.mean, score?.low, score?.high, score?.n];
    }),
  ]);
  const text = [header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n');
  return `\uFEFF${text}\r\n`;
}

/** The leaderboard as a section of an HTML report (escaped through `html`). */
export function leaderboardSection(
  board: Leaderboard,
  state: LeaderboardViewState,
  suiteLabel: string,
): SafeHtml {
  const columns = visibleColumns(board, state.showAll);
  const rows = sortRows(board.rows, state);
  const head = columns.map(({ entry }) => html`<th scope="col">${entryLabel(entry)}</th>`);
  const body = rows.map(
    (row) =>
      html`<tr>
        <th scope="row">${row.model}</th>
        <td class="num">${macroText(row)}</td>
        <td class="num">${formatPercent(row.winRate?.simple)}</td>
        <td class="num">${formatPercent(row.winRate?.weighted)}</td>
        ${columns.map(({ entry }) => html`<td class="num">${formatScore(row, entry.key)}</td>`)}
      </tr>`,
  );
  return html`<section id="leaderboard">
    <h2>Leaderboard: ${suiteLabel}</h2>
    <p>${macroDescription(board)}</p>
    <p>${WIN_RATE_DESCRIPTION}</p>
    <div class="scroll">
      <table class="grid">
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">${MACRO_LABEL}</th>
            <th scope="col">Win rate</th>
            <th scope="col">Win rate (ln-weighted)</th>
            ${head}
          </tr>
        </thead>
        <tbody>
          ${body}
        </tbody>
      </table>
    </div>
  </section>`;
}
