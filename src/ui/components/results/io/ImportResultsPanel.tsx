import { useState } from 'react';
import { useFileDrop } from '../../../hooks/useFileDrop';
import { toAppError, type AppError } from '../../../../core/errors';
import type { ResultsAlreadyImported, ResultsImported } from '../../../../worker/workerApi';
import { useServices } from '../../../appContext';
import { ErrorBanner } from '../../ErrorBanner';
import { DuplicateImportNotice } from './DuplicateImportNotice';
import { ImportReport, hasProblems } from './ImportReport';

type ImportStatus =
  | { state: 'idle' }
  | { state: 'reading'; names: string }
  | { state: 'done'; summary: ResultsImported }
  | { state: 'duplicate'; duplicate: ResultsAlreadyImported; files: File[] }
  | { state: 'failed'; error: AppError };

/**
 * Opens a results folder saved by `vf-eval -s`, `prime eval run -s`, `medarc-eval` or this app's
 * export as a new run. The worker reads and stores it; this only hands over the files and reports.
 */
export function ImportResultsPanel({ onImported }: { onImported: (runId: string) => void }) {
  const { worker } = useServices();
  const [status, setStatus] = useState<ImportStatus>({ state: 'idle' });

  const importFiles = async (files: File[], allowDuplicate = false) => {
    if (files.length === 0) return;
    setStatus({ state: 'reading', names: files.map((file) => file.name).join(', ') });
    try {
      const summary = await worker.importResults(files, { allowDuplicate });
      if (summary.status === 'duplicate') {
        setStatus({ state: 'duplicate', duplicate: summary, files });
        return;
      }
      setStatus({ state: 'done', summary });
      // The page may move to the new run at once; when some lines could not be read, the report
      // stays until the user has read (or copied) it and opens the run themselves.
      if (!hasProblems(summary)) onImported(summary.runId);
    } catch (error) {
      setStatus({ state: 'failed', error: toAppError(error) });
    }
  };

  const { isDragging, dropProps } = useFileDrop((files) => void importFiles(files));

  return (
    <section className="panel" aria-labelledby="import-results-title">
      <h2 id="import-results-title">Import results</h2>
      <div
        className={`dropzone${isDragging ? ' dragging' : ''}`}
        data-testid="import-results-dropzone"
        {...dropProps}
      >
        <p>
          Drop <code>results.jsonl</code> (with its <code>metadata.json</code>) or a .zip of a
          results folder here, or choose:
        </p>
        <label className="button">
          Files…
          <input
            type="file"
            multiple
            accept=".jsonl,.json,.zip,application/json,application/zip"
            data-testid="import-results-files"
            disabled={status.state === 'reading'}
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              // Cleared so that picking the same file again imports it again.
              event.target.value = '';
              void importFiles(files);
            }}
          />
        </label>
        <p className="muted small">
          Files from <code>vf-eval -s</code>, <code>prime eval run -s</code>,{' '}
          <code>medarc-eval</code> or this app&apos;s export. Each import becomes a new run; nothing
          stored is changed if it fails.
        </p>
      </div>
      {status.state === 'reading' && <p role="status">Reading {status.names}…</p>}
      {status.state === 'done' && (
        <ImportReport summary={status.summary} onOpen={() => onImported(status.summary.runId)} />
      )}
      {status.state === 'duplicate' && (
        <DuplicateImportNotice
          duplicate={status.duplicate}
          onOpen={() => onImported(status.duplicate.runId)}
          onImportAgain={() => void importFiles(status.files, true)}
        />
      )}
      {status.state === 'failed' && (
        <ErrorBanner
          title="Import rejected"
          error={status.error}
          onDismiss={() => setStatus({ state: 'idle' })}
        />
      )}
    </section>
  );
}
