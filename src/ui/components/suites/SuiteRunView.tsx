import { useState } from 'react';
import { toAppError, type AppError } from '../../../core/errors';
import type { SuiteRunRecord } from '../../../core/suites/suiteRun';
import { useServices } from '../../appContext';
import { hrefFor } from '../../hooks/useHashRoute';
import { useRunKeyPrompt } from '../../hooks/useRunKeyPrompt';
import { ErrorBanner } from '../ErrorBanner';
import { PendingGatePrompt } from '../run/RunKeysPrompt';
import { SuiteRunTable } from './SuiteRunTable';
import { useSuiteRunProgress } from './useSuiteRunProgress';

/** One progress view for all the runs of a suite run, with pause, resume and retry for all. */
export function SuiteRunView({ record }: { record: SuiteRunRecord }) {
  const { worker } = useServices();
  const progress = useSuiteRunProgress(record);
  const keyPrompt = useRunKeyPrompt();
  const [error, setError] = useState<AppError | null>(null);
  const totals = (progress ?? []).reduce(
    (sum, p) => ({
      total: sum.total + p.total,
      finished: sum.finished + p.done + p.failed + p.unscored,
      failed: sum.failed + p.failed + p.unscored,
    }),
    { total: 0, finished: 0, failed: 0 },
  );
  const isRunning = (progress ?? []).some((p) => p.run.status === 'running');
  const guarded = (work: () => Promise<unknown>) => {
    setError(null);
    work().catch((caught: unknown) => {
      const appError = toAppError(caught);
      if (appError.kind !== 'aborted') setError(appError);
    });
  };
  const resume = (retry: boolean) =>
    keyPrompt.withKeys({ model: record.model, judges: [] }, (keys) =>
      guarded(async () => {
        if (retry) await worker.retrySuiteRun(record.id);
        await worker.startSuiteRun(record.id, keys);
      }),
    );
  const leaderboard = hrefFor('leaderboard', new URLSearchParams({ suite: record.suite.id }));

  return (
    <section className="panel" aria-labelledby="suite-run-title" data-testid="suite-run">
      <h2 id="suite-run-title">{record.name}</h2>
      <p>
        <progress
          value={totals.finished}
          max={Math.max(1, totals.total)}
          aria-label="Rollouts finished"
        />{' '}
        <span data-testid="suite-run-progress">
          {totals.finished} of {totals.total} rollouts finished
        </span>
        {totals.failed > 0 && ` · ${totals.failed} failed or unscored`} ·{' '}
        <a href={leaderboard} data-testid="suite-run-leaderboard">
          Leaderboard
        </a>
      </p>
      <div className="actions">
        {isRunning ? (
          <button
            type="button"
            onClick={() => guarded(() => worker.stopSuiteRun(record.id, 'pause'))}
          >
            Pause all
          </button>
        ) : (
          <button type="button" data-testid="suite-resume" onClick={() => resume(false)}>
            Resume all
          </button>
        )}
        <button
          type="button"
          disabled={isRunning || totals.failed === 0}
          onClick={() => resume(true)}
        >
          Retry failed and unscored ({totals.failed})
        </button>
        <button
          type="button"
          onClick={() => guarded(() => worker.stopSuiteRun(record.id, 'cancel'))}
        >
          Cancel all
        </button>
      </div>
      <PendingGatePrompt
        gate={keyPrompt}
        source="This suite run"
        keysTitle="Enter the missing API key to continue"
      />
      {error !== null && (
        <ErrorBanner title="The suite run failed" error={error} onDismiss={() => setError(null)} />
      )}
      <SuiteRunTable record={record} progress={progress} />
    </section>
  );
}
