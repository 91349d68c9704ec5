import { useMemo } from 'react';
import { datasetNeeds, resolveSuite } from '../../core/suites/suitePlan';
import { SuiteDatasets } from '../components/suites/SuiteDatasets';
import { SuiteEntriesTable } from '../components/suites/SuiteEntriesTable';
import { SuitePicker } from '../components/suites/SuitePicker';
import { SuiteRunForm } from '../components/suites/SuiteRunForm';
import { SuiteRunView } from '../components/suites/SuiteRunView';
import { SuiteRunsList } from '../components/suites/SuiteRunsList';
import { useDatasets } from '../hooks/useDatasets';
import { hrefFor, type HashRoute } from '../hooks/useHashRoute';
import { pickSuite, useSuiteRun, useSuiteRuns, useSuites } from '../hooks/useSuites';
import '../leaderboard.css';
import '../run.css';

/** `#/suites?suite=<id>`: a suite, its datasets and one-click run; `?run=<id>`: a suite run's progress. */
export function SuitesPage({ route }: { route: HashRoute }) {
  const suites = useSuites();
  const datasets = useDatasets();
  const suiteRuns = useSuiteRuns();
  const runId = route.params.get('run');
  const record = useSuiteRun(runId);
  const suite = suites === undefined ? undefined : pickSuite(suites, route.params.get('suite'));
  const entries = useMemo(() => (suite === undefined ? [] : resolveSuite(suite)), [suite]);
  const needs = useMemo(() => datasetNeeds(entries), [entries]);
  const ready = new Set((datasets ?? []).filter((d) => d.status === 'ready').map((d) => d.id));
  const runnable = entries.filter(({ entry }) =>
    needs.some((need) => ready.has(need.datasetId) && need.entryKeys.includes(entry.key)),
  ).length;
  const go = (params: Record<string, string>) => {
    window.location.hash = hrefFor('suites', new URLSearchParams(params));
  };

  return (
    <div className="page" data-testid="suites-page">
      <h1>Suites</h1>
      {record != null && <SuiteRunView key={record.id} record={record} />}
      {runId !== null && record === null && (
        <p className="banner">This suite run no longer exists.</p>
      )}
      {suites === undefined || suite === undefined || datasets === undefined ? (
        <p className="muted">Loading…</p>
      ) : (
        <section className="panel" aria-labelledby="suite-title">
          <h2 id="suite-title">{suite.label}</h2>
          <SuitePicker suites={suites} suite={suite} onSuite={(id) => go({ suite: id })} />
          <p>{suite.description}</p>
          {suite.notes.length > 0 && (
            <ul className="muted small" data-testid="suite-notes">
              {suite.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
          <SuiteEntriesTable entries={entries} />
          <SuiteDatasets needs={needs} datasets={datasets} />
          <SuiteRunForm
            suite={suite}
            runnable={runnable}
            readyKey={[...ready].sort().join(',')}
            onStarted={(id) => go({ suite: suite.id, run: id })}
          />
        </section>
      )}
      {suiteRuns !== undefined && suiteRuns.length > 0 && <SuiteRunsList runs={suiteRuns} />}
    </div>
  );
}
