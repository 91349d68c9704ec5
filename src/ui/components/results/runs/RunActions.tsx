import { useState } from 'react';
import { toAppError, type AppError } from '../../../../core/errors';
import type { RunRecord } from '../../../../core/schema/run';
import { useServices } from '../../../appContext';
import { hrefFor } from '../../../hooks/useHashRoute';
import { ErrorBanner } from '../../ErrorBanner';
import { offerUndoDelete } from './undoDeleteStore';

/** Duplicate as a new (unstarted) run, or delete with a 10-second Undo. */
export function RunActions({ run }: { run: RunRecord }) {
  const { worker } = useServices();
  const [error, setError] = useState<{ title: string; error: AppError } | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const act = async (title: string, work: () => Promise<void>) => {
    setIsBusy(true);
    try {
      await work();
    } catch (caught) {
      setError({ title, error: toAppError(caught) });
    } finally {
      setIsBusy(false);
    }
  };
  const duplicate = () =>
    act('Could not duplicate the run', async () => {
      const newId = await worker.duplicateRun(run.id, `${run.name} (copy)`);
      window.location.hash = hrefFor('run', new URLSearchParams({ run: newId }));
    });
  const remove = () =>
    act('Could not delete the run', async () => {
      await worker.deleteRun(run.id);
      offerUndoDelete({ id: run.id, name: run.name });
      window.location.hash = hrefFor('results');
    });

  return (
    <>
      <div className="actions">
        <button
          type="button"
          data-testid="run-duplicate"
          disabled={isBusy}
          onClick={() => void duplicate()}
          title="A new, unstarted run with the same settings (keys are asked for when it starts)"
        >
          Duplicate as new run
        </button>
        <button
          type="button"
          data-testid="run-delete"
          disabled={isBusy}
          onClick={() => void remove()}
        >
          Delete
        </button>
      </div>
      {error !== null && (
        <ErrorBanner title={error.title} error={error.error} onDismiss={() => setError(null)} />
      )}
    </>
  );
}
