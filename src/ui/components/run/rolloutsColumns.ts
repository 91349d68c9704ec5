// Columns of the Run page's rollouts table. Each column names the value it sorts by; the table sorts
// with core's `sortByValue`, the rule the Results table uses too (#13), so Example sorts numerically
// by example, then rollout, and empty values come last in both directions. Rows are the compact
// `RunTableRow`s the worker builds (core/runOverview), not full rollouts (issue 14).
import { createColumnHelper } from '@tanstack/react-table';
import {
  inRolloutOrder,
  rolloutOrderValue,
  sortByValue,
  type SortValue,
} from '../../../core/results/rolloutOrder';
import type { RunTableRow } from '../../../core/runOverview';

const column = createColumnHelper<RunTableRow>();
const integer = new Intl.NumberFormat('en-US');

function scoreText(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(3);
}

function tokensText(row: RunTableRow): string {
  return row.tokens === null
    ? '—'
    : `${integer.format(row.tokens.inputTokens)} / ${integer.format(row.tokens.outputTokens)}`;
}

interface RolloutColumn {
  id: string;
  header: string;
  /** What the column sorts by. */
  value: (row: RunTableRow) => SortValue;
  /** The cell's text; the value itself when absent. */
  text?: (row: RunTableRow) => string;
}

/** The columns of a run with `judgeCount` judges, in display order. */
export function rolloutColumnSpecs(judgeCount: number): RolloutColumn[] {
  return [
    { id: 'example', header: 'Example', value: rolloutOrderValue, text: (r) => `${r.example_id}` },
    { id: 'rollout', header: 'Rollout', value: (r) => r.rollout_index },
    { id: 'section', header: 'Section', value: (r) => r.section, text: (r) => r.section ?? '—' },
    { id: 'status', header: 'Status', value: (r) => r.status },
    {
      id: 'reward',
      header: 'Reward',
      value: (r) => r.reward,
      text: (r) => scoreText(r.reward),
    },
    ...Array.from({ length: judgeCount }, (_, index): RolloutColumn => ({
      id: `judge${index}`,
      header: `Judge ${index + 1}`,
      value: (r) => r.judgeScores[index] ?? null,
      text: (r) => scoreText(r.judgeScores[index]),
    })),
    {
      id: 'tokens',
      // Every call of the rollout (model, judges, grader), as the Results table's In / Out.
      header: 'Tokens in / out (all calls)',
      value: (r) => (r.tokens === null ? null : r.tokens.inputTokens + r.tokens.outputTokens),
      text: tokensText,
    },
    {
      id: 'latency',
      header: 'Latency',
      value: (r) => r.latencyMs,
      text: (r) => (r.latencyMs === null ? '—' : `${(r.latencyMs / 1000).toFixed(1)} s`),
    },
    { id: 'problem', header: 'Error / reason', value: (r) => r.problem },
  ];
}

/**
 * TanStack columns for the specs. TanStack only tracks which column is sorted (the table passes
 * `manualSorting`); the rows are ordered by `sortRollouts`.
 */
export function rolloutsColumns(specs: readonly RolloutColumn[]) {
  return specs.map((spec) =>
    column.accessor(spec.value, {
      id: spec.id,
      header: spec.header,
      cell: (info) => {
        const row = info.row.original;
        return spec.text?.(row) ?? String(spec.value(row) ?? '—');
      },
    }),
  );
}

/** The rows in the table's order: by example and rollout, then by the sorted column if any. */
export function sortRollouts(
  rows: readonly RunTableRow[],
  specs: readonly RolloutColumn[],
  sort: { id: string; desc: boolean } | undefined,
): RunTableRow[] {
  const ordered = inRolloutOrder(rows);
  const spec = sort === undefined ? undefined : specs.find((s) => s.id === sort.id);
  if (spec === undefined || sort === undefined) return ordered;
  return sortByValue(ordered, spec.value, sort.desc ? 'desc' : 'asc');
}
