import { createColumnHelper } from '@tanstack/react-table';
import type { RolloutRecord } from '../../../core/schema/run';

const column = createColumnHelper<RolloutRecord>();

function tokensOf(rollout: RolloutRecord): number {
  const calls = [rollout.generation, ...rollout.judges];
  return calls.reduce(
    (sum, call) => sum + (call?.usage ? call.usage.inputTokens + call.usage.outputTokens : 0),
    0,
  );
}

function scoreText(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(3);
}

/** Why a rollout has no reward, in one line. */
export function rolloutProblem(rollout: RolloutRecord): string {
  if (rollout.error !== undefined) return `${rollout.error.stage}: ${rollout.error.message}`;
  return rollout.unscoredReason ?? '';
}

/** Columns for a run's rollouts; one score column per judge. */
export function rolloutsColumns(judgeCount: number) {
  return [
    column.accessor('example_id', { header: 'Example', sortingFn: 'basic' }),
    column.accessor('rollout_index', { header: 'Rollout', sortingFn: 'basic' }),
    column.accessor((row) => row.section ?? '—', { id: 'section', header: 'Section' }),
    column.accessor('status', { header: 'Status' }),
    column.accessor((row) => row.score?.reward ?? null, {
      id: 'reward',
      header: 'Reward',
      cell: (info) => scoreText(info.getValue()),
      sortingFn: 'basic',
      sortUndefined: 'last',
    }),
    ...Array.from({ length: judgeCount }, (_, index) =>
      column.accessor((row) => row.judges[index]?.score ?? null, {
        id: `judge${index}`,
        header: `Judge ${index + 1}`,
        cell: (info) => scoreText(info.getValue()),
        sortingFn: 'basic',
      }),
    ),
    column.accessor(tokensOf, { id: 'tokens', header: 'Tokens', sortingFn: 'basic' }),
    column.accessor((row) => row.generation?.latencyMs ?? null, {
      id: 'latency',
      header: 'Latency',
      cell: (info) => {
        const ms = info.getValue();
        return ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`;
      },
      sortingFn: 'basic',
    }),
    column.accessor(rolloutProblem, { id: 'problem', header: 'Error / reason' }),
  ];
}
