// Column definitions of the results table. Cells are plain strings computed from the compact row, so
// a visible row costs a few string formats and nothing more.
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import { CRITERIA } from '../../../../core/envs/mtsamples/judge';
import type { EnvSummaryKind } from '../../../../core/envs/types';
import {
  envColumnValue,
  MAX_METRIC_COLUMNS,
  metricColumnValue,
  type EnvColumnId,
} from '../../../../core/results/envColumns';
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

const num = (width: number, label: string) => ({ width, label, isNumeric: true });

/** Columns of a run scored without a jury (choice, rubric, a file's metrics), from the row's env score. */
function envColumns(kind: EnvSummaryKind, metricNames: readonly string[]): ColumnDef<RolloutRow>[] {
  const text = (id: EnvColumnId) => (row: RolloutRow) => {
    const value = envColumnValue(row, id);
    return typeof value === 'number' ? fixed(value, 3) : (value ?? '—');
  };
  switch (kind) {
    case 'accuracy':
      return [
        def('parsed', 'Answer', text('parsed'), { width: 70, label: 'Parsed answer' }),
        def('gold', 'Gold', text('gold'), { width: 60, label: 'Gold answer' }),
        def('correct', 'Correct', correctText, { width: 90, label: 'Correct' }),
      ];
    case 'rubric':
      return [
        def('rubricRaw', 'Score', text('rubricRaw'), num(80, 'Rubric score (raw)')),
        def('rubricClipped', 'Clipped', text('rubricClipped'), num(80, 'Score clipped to [0, 1]')),
      ];
    case 'metrics':
      return metricNames
        .slice(0, MAX_METRIC_COLUMNS)
        .map((name, index) =>
          def(
            `metric${index}`,
            name,
            (row) => fixed(metricColumnValue(row, index), 3),
            num(
              Math.min(160, Math.max(80, name.length * 8)),
              `${name} (reward function in the file)`,
            ),
          ),
        );
    case 'jury':
      return [];
  }
}

function correctText(row: RolloutRow): string {
  const value = envColumnValue(row, 'correct');
  if (value === null) return '—';
  if (value === 1) return '✓ correct';
  // Partial credit (SCT's panel share, MedHallu's 0.01 for "unsure").
  return typeof value === 'number' && value > 0 ? `◐ ${fixed(value, 3)}` : '✗ incorrect';
}

/**
 * Every column the table can show, in display order. A jury run (MTSamples) has criterion columns and
 * one score column per judge; a choice or rubric run has its env's columns instead.
 */
export function resultsColumns(
  judgeModels: readonly string[],
  kind: EnvSummaryKind = 'jury',
  groupLabel = 'Section',
  metricNames: readonly string[] = [],
): ColumnDef<RolloutRow>[] {
  const isJury = kind === 'jury';
  // An imported file of another environment has no sections or groups: no empty column for them.
  const section =
    kind === 'metrics'
      ? []
      : [
          def('section', isJury ? 'Section' : groupLabel, (row) => row.section ?? '—', {
            width: 130,
          }),
        ];
  return [
    def('example', 'Example', (row) => `${row.example_id} · ${row.rollout_index}`, {
      width: 90,
      label: 'Example · rollout',
    }),
    ...section,
    def('reward', 'Reward', (row) => fixed(row.reward, 3), num(80, 'Reward')),
    ...envColumns(kind, metricNames),
    ...(isJury ? juryColumns(judgeModels) : []),
    ...tailColumns(),
  ];
}

function juryColumns(judgeModels: readonly string[]): ColumnDef<RolloutRow>[] {
  return [
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
  ];
}

function tailColumns(): ColumnDef<RolloutRow>[] {
  return [
    def('status', 'Status', (row) => row.status, { width: 90 }),
    // Every call of the rollout, not the model's alone: said in the header (#13), as in the detail.
    def(
      'inputTokens',
      'In (all)',
      (row) => fmtInt(row.inputTokens),
      num(84, 'Tokens in, all calls (model, judges, grader)'),
    ),
    def(
      'outputTokens',
      'Out (all)',
      (row) => fmtInt(row.outputTokens),
      num(84, 'Tokens out, all calls (model, judges, grader)'),
    ),
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
