import { useMemo, useState } from 'react';
import { compareRuns } from '../../core/results/compareRuns';
import { compareRolloutMetrics } from '../../core/results/compareRollouts';
import { computeRunHeadline } from '../../core/results/runStats';
import type { RunRecord } from '../../core/schema/run';
import { CompareMetrics } from '../components/results/compare/CompareMetrics';
import { CompareSummary } from '../components/results/compare/CompareSummary';
import { CompareTable } from '../components/results/compare/CompareTable';
import { ComparePicker } from '../components/results/compare/ComparePicker';
import { SideBySide } from '../components/results/compare/SideBySide';
import { useCompareData } from '../components/results/compare/useCompareData';
import type { HashRoute } from '../hooks/useHashRoute';
import '../results-summary.css';

/** Run ids from `?runs=a,b,c`, in order (the first is the baseline), without blanks or repeats. */
function parseRunIds(value: string | null): string[] {
  const ids = (value ?? '').split(',').map((id) => id.trim());
  return ids.filter((id, i) => id !== '' && ids.indexOf(id) === i);
}

/** Two or more runs side by side, paired by example. */
export function ComparePage({ route }: { route: HashRoute }) {
  const runsParam = route.params.get('runs');
  const runIds = useMemo(() => parseRunIds(runsParam), [runsParam]);
  return (
    <div className="page" data-testid="compare-page">
      <h2 className="rs-sr-only">Compare runs</h2>
      {runIds.length < 2 ? (
        <ComparePicker initial={runIds} />
      ) : (
        <CompareView key={runIds.join(',')} runIds={runIds} />
      )}
    </div>
  );
}

function CompareView({ runIds }: { runIds: string[] }) {
  const data = useCompareData(runIds);
  const [selected, setSelected] = useState<number | null>(null);
  const runs = data?.runs.filter((run): run is RunRecord => run !== null) ?? [];
  const complete = data !== undefined && runs.length === runIds.length;
  const rows = data?.rows;
  const comparison = useMemo(
    () =>
      complete && rows !== undefined
        ? compareRuns(runIds.map((runId, i) => ({ runId, rows: rows[i] ?? [] })))
        : null,
    [complete, rows, runIds],
  );
  const headlines = useMemo(() => (rows ?? []).map((r) => computeRunHeadline(r)), [rows]);
  const byRollout = useMemo(() => {
    if (!complete) return null;
    return compareRolloutMetrics(
      data.runs.map((run, i) => ({ settings: run?.settings ?? {}, rows: data.rows[i] ?? [] })),
    );
  }, [complete, data]);
  if (data === undefined) return <p className="muted">Loading…</p>;
  if (!complete || comparison === null || rows === undefined || byRollout === null) {
    const missing = runIds.filter((_, i) => data.runs[i] === null);
    return (
      <>
        <p className="banner" role="alert">
          {missing.length} of the runs in this link no longer exist ({missing.join(', ')}). Pick
          again:
        </p>
        <ComparePicker initial={runIds.filter((id) => !missing.includes(id))} />
      </>
    );
  }
  return (
    <>
      <p className="muted small">
        <a href="#/compare">Change runs</a> · rewards are the mean over each example&apos;s scored
        rollouts; Δ = run − baseline.
      </p>
      <CompareSummary runs={runs} headlines={headlines} comparison={comparison} />
      <CompareMetrics runs={runs} metrics={byRollout.metrics} paired={byRollout.paired} />
      <CompareTable
        runs={runs}
        examples={comparison.examples}
        selected={selected}
        onSelect={setSelected}
      />
      {selected !== null && (
        <SideBySide exampleId={selected} runs={runs} rows={rows} metrics={byRollout.metrics} />
      )}
    </>
  );
}
