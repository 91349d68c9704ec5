import { useState } from 'react';
import type { ChatMapping, CorpusTarget } from '../../../core/schema/corpus';
import type { CorpusExport, ExportRequest, ExportSelection } from '../../../worker/workerApi';
import { ErrorBanner } from '../ErrorBanner';
import { ExportConfirm } from './ExportConfirm';
import type { CorpusJob } from './useCorpusJob';

interface ExportPanelProps {
  target: CorpusTarget;
  /** What can be exported: the last sample taken, and the whole split when it is loaded. */
  choices: {
    sample: { size: number; seed: string } | null;
    isLoaded: boolean;
    viewerLicence: string | null;
  };
  /** Null while the mapping is not usable (chat export is then disabled). */
  mapping: ChatMapping | null;
  job: CorpusJob<CorpusExport>;
  onExport: (request: ExportRequest) => void;
}

type Format = ExportRequest['format'];

function describe(selection: ExportSelection, format: Format): string {
  const rows =
    selection.kind === 'all'
      ? 'the whole split'
      : `the sample (${selection.size} rows, seed ${selection.seed})`;
  return `${rows} as ${format === 'chat' ? 'chat JSONL' : 'raw JSONL'}`;
}

/** Chat JSONL (through the mapping) or raw JSONL of the sample or the loaded split, built in the worker. */
export function ExportPanel({ target, choices, mapping, job, onExport }: ExportPanelProps) {
  const [pending, setPending] = useState<{ selection: ExportSelection; format: Format } | null>(
    null,
  );
  const selections: ExportSelection[] = [
    ...(choices.sample === null ? [] : [{ kind: 'sample' as const, ...choices.sample }]),
    ...(choices.isLoaded ? [{ kind: 'all' as const }] : []),
  ];
  const result = job.result;
  return (
    <section className="panel" aria-labelledby="corpus-export-title">
      <h2 id="corpus-export-title">Export</h2>
      {selections.length === 0 && (
        <p className="muted">Take a sample, or load the whole split, to export it.</p>
      )}
      {selections.map((selection) => (
        <div key={selection.kind} className="actions">
          <span>
            {selection.kind === 'all'
              ? 'Whole split'
              : `Sample of ${selection.size} (seed ${selection.seed})`}
            :
          </span>
          <button
            type="button"
            disabled={mapping === null || job.isRunning}
            onClick={() => setPending({ selection, format: 'chat' })}
          >
            Chat JSONL
          </button>
          <button
            type="button"
            disabled={job.isRunning}
            onClick={() => setPending({ selection, format: 'raw' })}
          >
            Raw JSONL
          </button>
        </div>
      ))}
      {mapping === null && selections.length > 0 && (
        <p className="muted small">Chat export needs a usable mapping (see Chat mapping above).</p>
      )}
      {pending !== null && (
        <ExportConfirm
          target={target}
          viewerLicence={choices.viewerLicence}
          what={describe(pending.selection, pending.format)}
          onBack={() => setPending(null)}
          onConfirm={() => {
            const request = {
              target,
              ...pending,
              ...(pending.format === 'chat' && mapping !== null ? { mapping } : {}),
            };
            setPending(null);
            onExport(request);
          }}
        />
      )}
      {job.isRunning && (
        <p>
          Building the file…{' '}
          <button type="button" onClick={job.cancel}>
            Cancel
          </button>
        </p>
      )}
      {job.error !== null && (
        <ErrorBanner title="Export failed" error={job.error} onDismiss={job.clearError} />
      )}
      {result !== null && !job.isRunning && (
        <p data-testid="export-summary">
          {result.filename}: {result.written.toLocaleString('en')} rows written,{' '}
          {result.skipped.toLocaleString('en')} skipped
          {Object.entries(result.skipReasons)
            .map(([reason, count]) => ` · ${reason}: ${count}`)
            .join('')}
          .
        </p>
      )}
    </section>
  );
}
