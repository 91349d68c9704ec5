// Column definitions of the results table. Cells are plain strings computed from the compact row, so
// a visible row costs a few string formats and nothing more.
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import { CRITERIA } from '../../../../core/envs/mtsamples/judge';
import { isRated } from '../../../../core/results/resultsQuery';
import type { RolloutRow } from '../../../../core/results/rolloutRow';

export interface ResultsColumnMeta {
  /** Width in pixels: the table's layout is fixed, so columns never jump while scrolling. */
  width: number;
  isNumeric: boolean;
  /** Spelled-out header, for the column picker and screen readers. */
  label: string;
  /** The cell's text (also the TanStack cell), so a memoised row can render without a row model. */
  render: (row: RolloutRow) => string;
}

const column = createColumnHelper<RolloutRow>();
const integer = new Intl.NumberFormat('en-US');

function fixed(value: number | null, digits: number): string {
  return value === null ? '—' : value.toFixed(digits);
}

function cost(value: number | null): string {
  if (value === null) return '—';
  return value >= 1 ? `$${value.toFixed(2)}` : `$${value.toFixed(4)}`;
}

function def(
  id: string,
  header: string,
  cell: (row: RolloutRow) => string,
  meta: Partial<ResultsColumnMeta> & { width: number },
): ColumnDef<RolloutRow> {
  return column.display({
    id,
    header,
    cell: (context) => cell(context.row.original),
    meta: { isNumeric: false, label: header, render: cell, ...meta } satisfies ResultsColumnMeta,
  });
}

/** A judge's column header: its model, numbered when two judges share one. */
function judgeHeaders(models: readonly string[]): string[] {
  return models.map((model, index) =>
    models.filter((other) => other === model).length > 1 ? `${model} (${index + 1})` : model,
  );
}

/** Every column the table can show, in display order; one score column per judge. */
export function resultsColumns(judgeModels: readonly string[]): ColumnDef<RolloutRow>[] {
  const num = (width: number, label: string) => ({ width, label, isNumeric: true });
  return [
    def('example', 'Example', (row) => `${row.example_id} · ${row.rollout_index}`, {
      width: 90,
      label: 'Example · rollout',
    }),
    def('section', 'Section', (row) => row.section ?? '—', { width: 130 }),
    def('reward', 'Reward', (row) => fixed(row.reward, 3), num(80, 'Reward')),
    ...CRITERIA.map((criterion) =>
      def(
        criterion,
        criterion.charAt(0).toUpperCase() + criterion.slice(1),
        (row) => fixed(row.criterion_means[criterion], 2),
        num(100, `${criterion} (mean of judges, 1–5)`),
      ),
    ),
    ...judgeHeaders(judgeModels).map((header, index) =>
      def(
        `judge${index}`,
        header,
        (row) => {
          const judge = row.judges[index];
          return judge?.failed === true ? 'failed' : fixed(judge?.score ?? null, 3);
        },
        num(110, `Judge ${index + 1}: ${header}`),
      ),
    ),
    def('status', 'Status', (row) => row.status, { width: 90 }),
    def('inputTokens', 'In', (row) => fmtInt(row.inputTokens), num(72, 'Tokens in')),
    def('outputTokens', 'Out', (row) => fmtInt(row.outputTokens), num(64, 'Tokens out')),
    def('latency', 'Latency', (row) => latency(row.latencyMs), num(72, 'Latency')),
    def('cost', 'Cost', (row) => cost(row.costUsd), num(78, 'Cost (USD)')),
    def('note', '✎', (row) => (row.hasNote ? '✎' : ''), { width: 36, label: 'Has a note' }),
    def('rated', 'Rated', (row) => (isRated(row) ? '✓' : ''), {
      width: 56,
      label: 'Rated by a reviewer',
    }),
  ];
}

function fmtInt(value: number | null): string {
  return value === null ? '—' : integer.format(value);
}

function latency(ms: number | null): string {
  return ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`;
}

export function columnMeta(columnDef: ColumnDef<RolloutRow>): ResultsColumnMeta {
  return columnDef.meta as ResultsColumnMeta;
}

/** The columns to show: the URL's choice (unknown ids ignored) or all of them. */
export function visibleColumns(
  all: readonly ColumnDef<RolloutRow>[],
  chosen: readonly string[] | null,
): ColumnDef<RolloutRow>[] {
  if (chosen === null) return [...all];
  const byId = new Map(all.map((c) => [c.id ?? '', c]));
  const picked = chosen.flatMap((id) => byId.get(id) ?? []);
  return picked.length === 0 ? [...all] : picked;
}
