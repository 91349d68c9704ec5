import type { ResultsAlreadyImported } from '../../../../worker/workerApi';

/**
 * The files were imported before: say so, and offer the run already here (or, deliberately, a second
 * copy). Nothing was stored by the attempt.
 */
export function DuplicateImportNotice({
  duplicate,
  onOpen,
  onImportAgain,
}: {
  duplicate: ResultsAlreadyImported;
  onOpen: () => void;
  onImportAgain: () => void;
}) {
  return (
    <div className="banner" role="status" data-testid="import-duplicate">
      <p>
        These results are already here: they were imported on{' '}
        {new Date(duplicate.importedAt).toLocaleString()} as <strong>{duplicate.name}</strong>.
        Nothing was imported again.
      </p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={onOpen}
          data-testid="import-duplicate-open"
        >
          Open the existing run
        </button>
        <button type="button" onClick={onImportAgain} data-testid="import-duplicate-again">
          Import a second copy
        </button>
      </div>
    </div>
  );
}
