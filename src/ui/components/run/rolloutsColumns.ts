// Columns of the Run page's rollouts table. Each column names the value it sorts by; the table sorts
// with core's `sortByValue`, the rule the Results table uses too (#13), so Example sorts numerically
// by example, then rollout, and empty values come last in both directions.
import { createColumnHelper } from '@tanstack/react-table';
import {
  inRolloutOrder,
  rolloutOrderValue,
  sortByValue,
  type SortValue,
} from '../../../core/results/rolloutOrder';
import { rolloutTokens } from '../../../core/results/rolloutTokens';
import type { RolloutRecord } from '../../../core/schema/run';

const column = createColumnHelper<RolloutRecord>();
const integer = new Intl.NumberFormat('en-US');

function scoreText(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(3);
}

/** Why a rollout has no reward, in one line. */
export function rolloutProblem(rollout: RolloutRecord): string {
  if (rollout.error !== undefined) return `${rollout.error.stage}: ${rollout.error.message}`;
  return rollout.unscoredReason ?? '';
}

function tokensText(rollout: RolloutRecord): string {
  const all = rolloutTokens(rollout).all;
  return all === null
    ? '—'
    : `${integer.format(all.inputTokens)} / ${integer.format(all.outputTokens)}`;
}

interface RolloutColumn {
  id: string;
  header: string;
  /** What the column sorts by. */
  value: (rollout: RolloutRecord) => SortValue;
  /** The cell's text; the value itself when absent. */
  text?: (rollout: RolloutRecord) => string;
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
      value: (r) => r.score?.reward ?? null,
      text: (r) => scoreText(r.score?.reward),
    },
    ...Array.from({ length: judgeCount }, (_, index): RolloutColumn => ({
      id: `judge${index}`,
      header: `Judge ${index + 1}`,
      value: (r) => r.judges[index]?.score ?? null,
      text: (r) => scoreText(r.judges[index]?.score),
    })),
    {
      id: 'tokens',
      // Every call of the rollout (model, judges, grader), as the Results table's In / Out.
      header: 'Tokens in / out (all calls)',
      value: (r) => {
        const all = rolloutTokens(r).all;
        return all === null ? null : all.inputTokens + all.outputTokens;
      },
      text: tokensText,
    },
    {
      id: 'latency',
      header: 'Latency',
      value: (r) => r.generation?.latencyMs ?? null,
      text: (r) => {
        const ms = r.generation?.latencyMs;
        return ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} s`;
      },
    },
    { id: 'problem', header: 'Error / reason', value: rolloutProblem },
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
        const rollout = info.row.original;
        return spec.text?.(rollout) ?? String(spec.value(rollout) ?? '—');
      },
    }),
  );
}

/** The rollouts in the table's order: by example and rollout, then by the sorted column if any. */
export function sortRollouts(
  rollouts: readonly RolloutRecord[],
  specs: readonly RolloutColumn[],
  sort: { id: string; desc: boolean } | undefined,
): RolloutRecord[] {
  const ordered = inRolloutOrder(rollouts);
  const spec = sort === undefined ? undefined : specs.find((s) => s.id === sort.id);
  if (spec === undefined || sort === undefined) return ordered;
  return sortByValue(ordered, spec.value, sort.desc ? 'desc' : 'asc');
}
