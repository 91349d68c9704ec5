import { ErrorBanner } from '../components/ErrorBanner';
import { KeysNotice } from '../components/run/KeysNotice';
import { NewRunForm } from '../components/run/NewRunForm';
import { initialDraft } from '../components/run/initialDraft';
import { RunsList } from '../components/run/RunsList';
import { RunView } from '../components/run/RunView';
import { useDatasets } from '../hooks/useDatasets';
import { hrefFor, withParams, type HashRoute } from '../hooks/useHashRoute';
import { useRunActions } from '../hooks/useRunActions';
import { useRunRecord, useRunRecords } from '../hooks/useRunRecords';
import { useMemo } from 'react';
import { decodeSetup, SHARE_PARAM } from '../../core/shareSetup';
import { SharedSetupNotice } from '../components/run/SharedSetupNotice';
import '../run.css';

/** `#/run`: a new run and the list of runs; `#/run?run=<id>`: that run's progress and results. */
export function RunPage({ route }: { route: HashRoute }) {
  const runs = useRunRecords();
  const datasets = useDatasets();
  const actions = useRunActions();
  const runId = route.params.get('run');
  const run = useRunRecord(runId);
  const openRun = (id: string | null) => {
    window.location.hash = hrefFor(
      'run',
      id === null ? undefined : new URLSearchParams({ run: id }),
    );
  };
  const readyDatasets = datasets?.filter((d) => d.status === 'ready') ?? [];
  const workerError = actions.errors.worker;
  const setupParam = route.params.get(SHARE_PARAM);
  const shared = useMemo(
    () => (setupParam === null ? null : decodeSetup(setupParam)),
    [setupParam],
  );

  return (
    <div className="page run-page">
      <KeysNotice />
      {workerError !== undefined && (
        <ErrorBanner title="The worker did not answer" error={workerError} />
      )}
      {runId !== null && run === null && (
        <p className="banner" role="status">
          This run no longer exists. <a href={hrefFor('run')}>Start a new run</a>.
        </p>
      )}
      {run != null && (
        <RunView
          key={run.id}
          run={run}
          actions={actions}
          selectedRollout={route.params.get('rollout')}
          onSelectRollout={(key) => {
            window.location.hash = withParams({ ...route, page: 'run' }, { rollout: key });
          }}
          onOpenRun={openRun}
        />
      )}
      {runId === null && shared !== null && (
        <SharedSetupNotice shared={shared} readyIds={readyDatasets.map((d) => d.id)} />
      )}
      {runId === null && (
        <section className="panel" aria-labelledby="new-run-title">
          <h2 id="new-run-title">New run</h2>
          {runs === undefined || datasets === undefined ? (
            <p className="muted">Loading…</p>
          ) : readyDatasets.length === 0 ? (
            <p>
              No dataset is ready yet: <a href={hrefFor('dataset')}>download or import one</a>{' '}
              first.
            </p>
          ) : (
            <NewRunForm
              key={`${setupParam ?? 'local'}|${route.params.get('ds') ?? ''}`}
              datasets={readyDatasets}
              initial={initialDraft({
                shared: shared?.ok === true ? shared.settings : null,
                runs,
                ready: readyDatasets,
                requested: route.params.get('ds'),
              })}
              actions={actions}
              onCreated={openRun}
            />
          )}
        </section>
      )}
      <section className="panel" aria-labelledby="runs-title">
        <div className="toolbar">
          <h2 id="runs-title">Runs</h2>
          {runId !== null && <a href={hrefFor('run')}>New run</a>}
        </div>
        {runs !== undefined && (
          <RunsList
            runs={runs}
            selectedId={runId}
            activeRuns={actions.activeRuns}
            failedRuns={actions.failedRuns}
          />
        )}
      </section>
    </div>
  );
}
