import { useMemo } from 'react';
import { groupLabelOf, summaryKindOf } from '../../../../core/results/envSummary';
import { fileMetricsSettingsOf } from '../../../../core/results/fileMetrics';
import type { RolloutRow } from '../../../../core/results/rolloutRow';
import type { RunRecord } from '../../../../core/schema/run';
import { RolloutDetailPanel } from '../RolloutDetailPanel';
import { ColumnPicker } from './ColumnPicker';
import { ResultsTable } from './ResultsTable';
import { ResultsToolbar } from './ResultsToolbar';
import { columnMeta, resultsColumns, visibleColumns } from './resultsColumns';
import type { ResultsQueryState } from './useResultsQuery';
import { useShownRows } from './useShownRows';

interface RolloutsTabProps {
  run: RunRecord;
  rows: RolloutRow[];
  state: ResultsQueryState;
}

/** The Rollouts tab: search and filters, the virtualised table, and the open rollout beside it. */
export function RolloutsTab({ run, rows, state }: RolloutsTabProps) {
  const { update } = state;
  const kind = summaryKindOf(run.settings, rows);
  const isJury = kind === 'jury';
  // Only a jury has a judges' spread: a `spread` left in the link of another run would hide every row.
  const query = isJury ? state.query : { ...state.query, spread: null };
  const shown = useShownRows(run.id, rows, query);
  // A string, not the run's judges array: the run record is re-read (a new object) as it progresses.
  const judgeModels = JSON.stringify(run.settings.judges.map((judge) => judge.model));
  const groupLabel = groupLabelOf(run.settings);
  const metricNames = JSON.stringify(
    kind === 'metrics' ? fileMetricsSettingsOf(run.settings).metrics : [],
  );
  const allColumns = useMemo(
    () =>
      resultsColumns(
        JSON.parse(judgeModels) as string[],
        kind,
        groupLabel,
        JSON.parse(metricNames) as string[],
      ),
    [judgeModels, kind, groupLabel, metricNames],
  );
  const chosen = query.cols?.join(',') ?? null;
  const columns = useMemo(
    () => visibleColumns(allColumns, chosen === null ? null : chosen.split(',')),
    [allColumns, chosen],
  );
  const pickable = useMemo(
    () => allColumns.map((column) => ({ id: column.id ?? '', label: columnMeta(column).label })),
    [allColumns],
  );

  return (
    <>
      <div className="toolbar">
        <ResultsToolbar
          query={query}
          update={update}
          groups={{ label: isJury ? 'Section' : groupLabel, values: shown.sections }}
          hasJudges={isJury}
          search={shown.search}
          counts={{ shown: shown.rows.length, total: rows.length }}
        />
        <ColumnPicker
          columns={pickable}
          visible={columns.map((column) => column.id ?? '')}
          onChange={(cols) => update({ cols })}
        />
      </div>
      <div className={query.open === null ? 'results-split' : 'results-split has-detail'}>
        <ResultsTable
          rows={shown.rows}
          columns={columns}
          sort={query.sort}
          onSortChange={(sort) => update({ sort })}
          openKey={query.open}
          onOpen={(open) => update({ open }, 'push')}
        />
        {query.open !== null && (
          <RolloutDetailPanel
            key={query.open}
            run={run}
            rolloutKey={query.open}
            onClose={() => update({ open: null }, 'push')}
          />
        )}
      </div>
    </>
  );
}
