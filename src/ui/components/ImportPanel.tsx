import { useState } from 'react';
import { useFileDrop } from '../hooks/useFileDrop';
import { toAppError, type AppError } from '../../core/errors';
import type { InputCut } from '../../core/envs/mtsamples/processNote';
import { useServices } from '../appContext';
import { ErrorBanner } from './ErrorBanner';

interface ImportPanelProps {
  inputCut: InputCut;
  onImported: (datasetId: string) => void;
}

type ImportStatus =
  | { state: 'idle' }
  | { state: 'reading'; count: number }
  | { state: 'done'; message: string }
  | { state: 'failed'; error: AppError };

/** Other ways in: .txt files, a folder, a .zip of notes, or a JSONL of examples (picker or drop). */
export function ImportPanel({ inputCut, onImported }: ImportPanelProps) {
  const { worker } = useServices();
  const [status, setStatus] = useState<ImportStatus>({ state: 'idle' });

  const importFiles = async (files: File[]) => {
    if (files.length === 0) return;
    setStatus({ state: 'reading', count: files.length });
    try {
      const summary = await worker.importFiles(files, inputCut);
      const ignored =
        summary.ignored.length > 0
          ? `; ignored ${summary.ignored.map((i) => i.name).join(', ')}`
          : '';
      setStatus({
        state: 'done',
        message: `Imported ${summary.examples} examples (${summary.skipped} files skipped)${ignored}.`,
      });
      onImported(summary.datasetId);
    } catch (error) {
      setStatus({ state: 'failed', error: toAppError(error) });
    }
  };

  const { isDragging, dropProps } = useFileDrop((files) => void importFiles(files));

  return (
    <section className="panel" aria-labelledby="import-title">
      <h2 id="import-title">Import your own copy</h2>
      <div
        className={`dropzone${isDragging ? ' dragging' : ''}`}
        data-testid="dropzone"
        {...dropProps}
      >
        <p>Drop note files (.txt), a .zip of them, or a JSONL of examples here, or choose:</p>
        <div className="actions">
          <label className="button">
            Files…
            <input
              type="file"
              multiple
              accept=".txt,.zip,.jsonl,.json,text/plain,application/zip"
              data-testid="import-files"
              onChange={(event) => void importFiles([...(event.target.files ?? [])])}
            />
          </label>
          <label className="button">
            Folder…
            <input
              type="file"
              data-testid="import-folder"
              {...{ webkitdirectory: '', directory: '' }}
              onChange={(event) => void importFiles([...(event.target.files ?? [])])}
            />
          </label>
        </div>
        <p className="muted small">
          JSONL lines need <code>question</code> and <code>answer</code>; <code>filename</code> and{' '}
          <code>extracted_section</code> are optional. An import becomes a new dataset; nothing
          stored is changed if it fails.
        </p>
      </div>
      {status.state === 'reading' && <p role="status">Reading {status.count} file(s)…</p>}
      {status.state === 'done' && (
        <p role="status" data-testid="import-result">
          {status.message}
        </p>
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
