import { useDeferredValue, useEffect } from 'react';
import { takePrefetchedRows } from '../prefetchRows';
import { isJuryRun } from '../../core/results/envSummary';
import type { ResultsTab } from '../../core/results/resultsQuery';
import type { RolloutRow } from '../../core/results/rolloutRow';
import type { RunRecord } from '../../core/schema/run';
import { useServices } from '../appContext';
import { ImportResultsPanel } from '../components/results/io/ImportResultsPanel';
import { ExportMenu } from '../components/results/io/ExportMenu';
import { RunHeader } from '../components/results/runs/RunHeader';
import { RunsOverview } from '../components/results/runs/RunsOverview';
import { RunSummaryPanel } from '../components/results/summary/RunSummaryPanel';
import { RolloutsTab } from '../components/results/table/RolloutsTab';
import {
  useResultsQuery,
  type ResultsQueryState,
} from '../components/results/table/useResultsQuery';
import { JudgeTrustPanel } from '../components/results/trust/JudgeTrustPanel';
import { hrefFor, type HashRoute } from '../hooks/useHashRoute';
import { useRunRecord } from '../hooks/useRunRecords';
import { useThrottledLiveQuery } from '../hooks/useThrottledLiveQuery';

const TABS: { id: ResultsTab; label: string }[] = [
  { id: 'rollouts', label: 'Rollouts' },
  { id: 'summary', label: 'Summary' },
  { id: 'judges', label: 'Judges' },
];

/**
 * The tabs a run has: Judges (agreement and trust between judges) only for a run scored by a jury;
 * a run scored in code (MedQA…) or by another tool's reward functions has no judge to show.
 */
function resultsTabsOf(run: RunRecord, rows: readonly RolloutRow[] | undefined): typeof TABS {
  return isJuryRun(run.settings, rows) ? TABS : TABS.filter((tab) => tab.id !== 'judges');
}

/** `#/results`: every run and an import; `#/results?run=<id>`: that run's rollouts, summary and judges. */
export function ResultsPage({ route }: { route: HashRoute }) {
  const runId = route.params.get('run');
  if (runId === null || runId === '') {
    return (
      <div className="page results-page">
        <RunsOverview selectedRunId={null} />
        <ImportResultsPanel
          onImported={(id) => {
            window.location.hash = hrefFor('results', new URLSearchParams({ run: id }));
          }}
        />
      </div>
    );
  }
  return <RunResults key={runId} runId={runId} route={route} />;
}

function RunResults({ runId, route }: { runId: string; route: HashRoute }) {
  const run = useRunRecord(runId);
  const { db } = useServices();
  const rows = useThrottledLiveQuery(
    () => takePrefetchedRows(runId) ?? db.rolloutRows.where('runId').equals(runId).toArray(),
    [db, runId],
  );
  const state = useResultsQuery(route);
  useEscapeToClose(state);
  // The header's headline figures (with their bootstrap) take ~100 ms for 10,000 rows: computed in a
  // deferred render, so the table's first rows are not held back by them.
  const headerRows = useDeferredValue(rows ?? NO_ROWS, NO_ROWS);
  // A link to the Judges tab of a run without judges opens its rollouts.
  const tabs = run == null ? TABS : resultsTabsOf(run, rows);
  const tab = tabs.some((t) => t.id === state.query.tab) ? state.query.tab : 'rollouts';

  if (run === undefined) return <p className="muted">Loading…</p>;
  if (run === null) {
    return (
      <div className="page results-page">
        <p className="banner" role="status">
          This run no longer exists. <a href={hrefFor('results')}>All runs</a>
        </p>
        <RunsOverview selectedRunId={null} />
      </div>
    );
  }
  return (
    <div className="page results-page">
      <RunHeader run={run} rows={headerRows} />
      <ExportMenu run={run} />
      {state.problems.length > 0 && (
        <p className="muted small" role="status" data-testid="results-link-problems">
          Some settings in this link were ignored: {state.problems.join('; ')}.
        </p>
      )}
      <div className="tabs" role="tablist" aria-label="Results views">
        {tabs.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            onClick={() => state.update({ tab: id }, 'push')}
            data-testid={`results-tab-${id}`}
          >
            {label}
          </button>
        ))}
      </div>
      {rows === undefined ? (
        <p className="muted">Loading rollouts…</p>
      ) : (
        <TabPanel run={run} rows={rows} state={state} tab={tab} />
      )}
    </div>
  );
}

const NO_ROWS: RolloutRow[] = [];

function TabPanel({
  run,
  rows,
  state,
  tab,
}: {
  run: RunRecord;
  rows: RolloutRow[];
  state: ResultsQueryState;
  tab: ResultsTab;
}) {
  switch (tab) {
    case 'summary':
      return <RunSummaryPanel run={run} rows={rows} />;
    case 'judges':
      return <JudgeTrustPanel run={run} rows={rows} />;
    default:
      return <RolloutsTab run={run} rows={rows} state={state} />;
  }
}

/** Escape closes the open rollout, unless it is meant for a field being typed in. */
function useEscapeToClose({ query, update }: ResultsQueryState) {
  const isOpen = query.open !== null;
  useEffect(() => {
    if (!isOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const isTyping = target?.closest('input, textarea, select, [contenteditable="true"]') != null;
      if (event.key !== 'Escape' || isTyping || event.defaultPrevented) return;
      update({ open: null }, 'push');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [isOpen, update]);
}
