import { useState } from 'react';
import { toAppError, type AppError } from '../../../../core/errors';
import { partialCreationNote } from '../../../../core/results/partialCreation';
import type { RunRecord } from '../../../../core/schema/run';
import type { ExportFormat } from '../../../../worker/workerApi';
import { useServices } from '../../../appContext';
import { ErrorBanner } from '../../ErrorBanner';
import { downloadFile } from '../../../download';

const FORMATS: readonly { format: ExportFormat; label: string; testId: string; hint: string }[] = [
  {
    format: 'zip',
    label: 'Download zip',
    testId: 'export-zip',
    hint: 'results.jsonl and metadata.json in the folder the verifiers tooling uses',
  },
  {
    format: 'results.jsonl',
    label: 'results.jsonl',
    testId: 'export-jsonl',
    hint: 'One rollout per line, readable by vf-eval, prime eval and this app',
  },
  {
    format: 'metadata.json',
    label: 'metadata.json',
    testId: 'export-metadata',
    hint: 'The run’s settings and averages (no API key)',
  },
  {
    format: 'csv',
    label: 'CSV',
    testId: 'export-csv',
    hint: 'One row per rollout, for spreadsheets',
  },
  {
    format: 'report.html',
    label: 'Report (HTML)',
    testId: 'export-report',
    hint: 'One self-contained page: summary, charts and every rollout; opens offline, runs no script',
  },
];

type ExportStatus =
  | { state: 'idle' }
  | { state: 'building'; format: ExportFormat }
  | { state: 'failed'; error: AppError };

/** Downloads a run's files; the worker builds them from the database, this only saves the result. */
export function ExportMenu({ run }: { run: RunRecord }) {
  const { worker } = useServices();
  const [status, setStatus] = useState<ExportStatus>({ state: 'idle' });
  const partial = partialCreationNote(run);

  const exportAs = async (format: ExportFormat) => {
    setStatus({ state: 'building', format });
    try {
      const file = await worker.exportRun(run.id, format);
      downloadFile(file.name, file.data, file.mime);
      setStatus({ state: 'idle' });
    } catch (error) {
      setStatus({ state: 'failed', error: toAppError(error) });
    }
  };

  return (
    <div
      className="export-menu"
      role="group"
      aria-label="Export this run"
      data-testid="export-menu"
    >
      {partial !== null && (
        <p className="muted small" role="note" data-testid="export-partial">
          {partial}
        </p>
      )}
      <div className="actions">
        {FORMATS.map(({ format, label, testId, hint }) => (
          <button
            key={format}
            type="button"
            data-testid={testId}
            title={hint}
            disabled={status.state === 'building'}
            onClick={() => void exportAs(format)}
          >
            {status.state === 'building' && status.format === format ? `${label}…` : label}
          </button>
        ))}
      </div>
      {status.state === 'failed' && (
        <ErrorBanner
          title="Export failed"
          error={status.error}
          onDismiss={() => setStatus({ state: 'idle' })}
        />
      )}
    </div>
  );
}
