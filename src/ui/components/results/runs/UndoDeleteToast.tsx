import { useState } from 'react';
import { toAppError, type AppError } from '../../../../core/errors';
import { useServices } from '../../../appContext';
import { hrefFor } from '../../../hooks/useHashRoute';
import { ErrorBanner } from '../../ErrorBanner';
import { clearUndoOffer, useUndoOffer } from './undoDeleteStore';

/** "Run deleted — Undo", for 10 s after a delete; Undo brings the run back and opens it. */
export function UndoDeleteToast() {
  const { worker } = useServices();
  const offer = useUndoOffer();
  const [error, setError] = useState<AppError | null>(null);
  if (error !== null) {
    return (
      <ErrorBanner
        title="Could not undo the delete"
        error={error}
        onDismiss={() => setError(null)}
      />
    );
  }
  if (offer === null) return null;
  const undo = async () => {
    try {
      await worker.undoDeleteRun(offer.id);
      clearUndoOffer();
      window.location.hash = hrefFor('results', new URLSearchParams({ run: offer.id }));
    } catch (caught) {
      clearUndoOffer();
      setError(toAppError(caught));
    }
  };
  return (
    <div className="banner rs-toast" role="status">
      <span>Run “{offer.name}” deleted</span>
      <button type="button" data-testid="run-undo-delete" onClick={() => void undo()}>
        Undo
      </button>
    </div>
  );
}
