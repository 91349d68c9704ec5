import { createColumnHelper } from '@tanstack/react-table';
import { isJuryRun } from '../../../../core/results/envSummary';
import { runRewardSource } from '../../../../core/results/rewardSource';
import type { RunHeadline } from '../../../../core/results/runStats';
import type { RunRecord } from '../../../../core/schema/run';
import { hrefFor } from '../../../hooks/useHashRoute';
import { formatUsd } from '../../run/runFormat';
import { intervalText, meanText } from '../summary/statFormat';

export interface RunsOverviewRow {
  run: RunRecord;
  /** Undefined while the run's rows are being read. */
  headline: RunHeadline | undefined;
}

interface Selection {
  isSelected: (runId: string) => boolean;
  onToggle: (runId: string) => void;
}

const column = createColumnHelper<RunsOverviewRow>();

/**
 * Examples × rollouts; the prompt format and score normalisation only where a jury used them — a
 * file's rewards were normalised by whoever wrote it (core/results/rewardSource.ts).
 */
function settingsText(run: RunRecord): string {
  const { selection, rolloutsPerExample, promptFormat, normalisation } = run.settings;
  const examples = selection.mode === 'all' ? 'all' : String(selection.n);
  const size = `${examples} ex × ${rolloutsPerExample}`;
  if (!isJuryRun(run.settings)) return size;
  const reward = runRewardSource(run)?.readFromFile === true ? 'file’s reward' : normalisation;
  return `${size} · ${promptFormat} · ${reward}`;
}

/** The known cost, or "—" when no finished rollout reported one (an imported file): unknown, not $0. */
function costText(headline: RunHeadline): string {
  const { counts, usage } = headline;
  const unknown = counts.total > 0 && usage.rowsWithoutCost >= counts.total;
  return unknown ? '—' : formatUsd(usage.costUsd);
}

/** Columns of the runs overview; the first holds the compare checkbox. */
export function runsColumns({ isSelected, onToggle }: Selection) {
  return [
    column.display({
      id: 'pick',
      header: () => <span className="rs-sr-only">Compare</span>,
      cell: ({ row }) => (
        <input
          type="checkbox"
          data-testid="compare-pick"
          aria-label={`Pick “${row.original.run.name}” to compare`}
          checked={isSelected(row.original.run.id)}
          onChange={() => onToggle(row.original.run.id)}
        />
      ),
    }),
    column.accessor((r) => r.run.name, {
      id: 'name',
      header: 'Run',
      cell: ({ row }) => (
        <a href={hrefFor('results', new URLSearchParams({ run: row.original.run.id }))}>
          {row.original.run.name}
        </a>
      ),
    }),
    column.accessor((r) => r.run.settings.model.model, { id: 'model', header: 'Model' }),
    column.accessor((r) => r.run.settings.judges.map((j) => j.model).join(', '), {
      id: 'judges',
      header: 'Judges',
    }),
    column.accessor((r) => r.run.dataset.label, { id: 'dataset', header: 'Dataset' }),
    column.accessor((r) => settingsText(r.run), { id: 'settings', header: 'Settings' }),
    column.accessor((r) => r.run.status, { id: 'status', header: 'Status' }),
    column.accessor((r) => r.headline?.counts.done, {
      id: 'counts',
      header: 'Done / total',
      cell: ({ row }) => {
        const counts = row.original.headline?.counts;
        if (counts === undefined) return '…';
        const extra = counts.unscored + counts.error;
        return `${counts.done} / ${counts.total}${extra > 0 ? ` (${extra} unscored or failed)` : ''}`;
      },
      sortUndefined: 'last',
    }),
    column.accessor((r) => r.headline?.reward.mean ?? undefined, {
      id: 'reward',
      header: 'Mean reward [95% CI]',
      cell: ({ row }) => {
        const headline = row.original.headline;
        return headline === undefined
          ? '…'
          : `${intervalText(headline.reward)} n=${headline.reward.n}`;
      },
      sortUndefined: 'last',
    }),
    column.accessor((r) => r.headline?.juryScore.mean ?? undefined, {
      id: 'jury',
      header: 'Jury (1–5)',
      cell: ({ row }) => (row.original.headline ? meanText(row.original.headline.juryScore) : '…'),
      sortUndefined: 'last',
    }),
    column.accessor((r) => r.headline?.usage.costUsd, {
      id: 'cost',
      header: 'Cost',
      cell: ({ row }) => {
        const headline = row.original.headline;
        return headline === undefined ? '…' : costText(headline);
      },
      sortUndefined: 'last',
    }),
    column.accessor((r) => r.run.createdAt, {
      id: 'created',
      header: 'Date',
      cell: ({ getValue }) => new Date(getValue()).toLocaleString(),
    }),
  ];
}
