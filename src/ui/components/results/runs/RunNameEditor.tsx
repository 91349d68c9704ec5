import { useState, type SubmitEvent } from 'react';
import { toAppError, type AppError } from '../../../../core/errors';
import type { RunRecord } from '../../../../core/schema/run';
import { useServices } from '../../../appContext';
import { ErrorBanner } from '../../ErrorBanner';

/** The run's name as a heading; "Rename" turns it into a field (Enter saves, Escape cancels). */
export function RunNameEditor({ run }: { run: RunRecord }) {
  const { worker } = useServices();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    if (draft === null) return;
    try {
      await worker.renameRun(run.id, draft);
      setDraft(null);
      setError(null);
    } catch (caught) {
      setError(toAppError(caught));
    }
  };

  return (
    <>
      {draft === null ? (
        <h2>
          <span data-testid="run-name">{run.name}</span>
          <button
            type="button"
            className="link-button small"
            data-testid="run-rename"
            onClick={() => setDraft(run.name)}
          >
            Rename
          </button>
        </h2>
      ) : (
        <form className="rs-rename" onSubmit={(event) => void save(event)}>
          <input
            aria-label="Run name"
            data-testid="run-rename-input"
            value={draft}
            maxLength={200}
            // The field appears because the user asked to rename: focus belongs there.
            // eslint-disable-next-line jsx-a11y/no-autofocus
            autoFocus
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setDraft(null);
            }}
          />
          <button type="submit" className="primary" disabled={draft.trim() === ''}>
            Save
          </button>
          <button type="button" onClick={() => setDraft(null)}>
            Cancel
          </button>
        </form>
      )}
      {error !== null && (
        <ErrorBanner
          title="Could not rename the run"
          error={error}
          onDismiss={() => setError(null)}
        />
      )}
    </>
  );
}
