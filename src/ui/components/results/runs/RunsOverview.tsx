import {
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { toAppError, type AppError } from '../../../../core/errors';
import { useServices } from '../../../appContext';
import { useRunRecords } from '../../../hooks/useRunRecords';
import '../../../results-summary.css';
import { ErrorBanner } from '../../ErrorBanner';
import { runsColumns, type RunsOverviewRow } from './runsColumns';
import { RunsTable } from './RunsTable';
import { UndoDeleteToast } from './UndoDeleteToast';
import { useRunHeadlines } from './useRunHeadlines';

/** `#/compare?runs=a,b`: commas kept literal (ids are UUIDs), baseline first. */
export function compareHref(runIds: readonly string[]): string {
  return `#/compare?runs=${runIds.map(encodeURIComponent).join(',')}`;
}

/** Every run that is not deleted, with its headline numbers; pick two or more to compare. */
export function RunsOverview({ selectedRunId }: { selectedRunId: string | null }) {
  const { worker } = useServices();
  const runs = useRunRecords();
  const headlines = useRunHeadlines(useMemo(() => (runs ?? []).map((run) => run.id), [runs]));
  const [picked, setPicked] = useState<string[]>([]);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [purgeError, setPurgeError] = useState<AppError | null>(null);

  useEffect(() => {
    // Runs deleted more than the grace period ago go for good, once per visit to the overview.
    worker.purgeDeletedRuns().catch((caught: unknown) => setPurgeError(toAppError(caught)));
  }, [worker]);

  const data = useMemo<RunsOverviewRow[]>(
    () => (runs ?? []).map((run) => ({ run, headline: headlines?.get(run.id) })),
    [runs, headlines],
  );
  const columns = useMemo(
    () =>
      runsColumns({
        isSelected: (id) => picked.includes(id),
        onToggle: (id) =>
          setPicked((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id])),
      }),
    [picked],
  );
  // TanStack's hook returns functions the React Compiler cannot memoise; that is expected here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: (row) => row.run.id,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  // A deleted run may still be picked: compare only runs that are listed.
  const comparable = picked.filter((id) => data.some((row) => row.run.id === id));

  return (
    <section className="panel" data-testid="runs-overview" aria-labelledby="runs-overview-title">
      <h2 id="runs-overview-title">Runs</h2>
      {purgeError !== null && (
        <ErrorBanner
          title="Could not clear deleted runs"
          error={purgeError}
          onDismiss={() => setPurgeError(null)}
        />
      )}
      <div className="toolbar">
        {comparable.length >= 2 ? (
          <a className="button" href={compareHref(comparable)} data-testid="compare-link">
            Compare {comparable.length} runs
          </a>
        ) : (
          <span className="muted small">
            Pick two or more runs to compare them (the first picked is the baseline).
          </span>
        )}
      </div>
      {runs === undefined ? (
        <p className="muted">Loading…</p>
      ) : runs.length === 0 ? (
        <p className="muted">No runs yet: start one on the Run page or import results.</p>
      ) : (
        <RunsTable table={table} selectedRunId={selectedRunId} />
      )}
      <UndoDeleteToast />
    </section>
  );
}
