import type { CatalogEntry } from '../../../core/corpora/catalog';
import type { CorpusRecord } from '../../../core/schema/corpus';
import type { LoadSummary } from '../../../worker/workerApi';
import { ErrorBanner } from '../ErrorBanner';
import type { CorpusJob } from './useCorpusJob';

interface LoadSplitPanelProps {
  entry: CatalogEntry;
  record: CorpusRecord | null | undefined;
  load: CorpusJob<LoadSummary>;
  onLoad: () => void;
  onDelete: (corpusId: string) => void;
}

function statusText(record: CorpusRecord | null | undefined, isRunning: boolean): string {
  if (record === null || record === undefined) {
    return isRunning
      ? 'Listing the Parquet files…'
      : 'Not loaded: rows come from the dataset viewer.';
  }
  if (record.status === 'ready') return 'Loaded: browsing, search and samples run in the browser.';
  if (isRunning) return 'Loading from Parquet…';
  if (record.status === 'cancelled')
    return 'Cancelled. Rows already stored are kept; resume any time.';
  if (record.status === 'error') return 'Stopped by an error. Rows already stored are kept.';
  return 'Interrupted (the page was closed). Rows already stored are kept.';
}

/** Loads a whole split into the browser from Parquet, with live progress, cancel and resume. */
export function LoadSplitPanel({ entry, record, load, onLoad, onDelete }: LoadSplitPanelProps) {
  if (entry.bulk === 'page-only') {
    return (
      <section className="panel" aria-labelledby="corpus-load-title">
        <h2 id="corpus-load-title">Load whole split</h2>
        <p data-testid="corpus-page-only">
          {entry.dataset} is too large to load into the browser: it is browsed, searched and sampled
          page by page only (samples up to 500 rows).
        </p>
      </section>
    );
  }
  const isReady = record?.status === 'ready';
  const stored = !load.isRunning && record?.status === 'error' ? record.error : undefined;
  return (
    <section className="panel" aria-labelledby="corpus-load-title">
      <h2 id="corpus-load-title">Load whole split</h2>
      <p data-testid="corpus-load-status">{statusText(record, load.isRunning)}</p>
      {record !== null && record !== undefined && !isReady && record.rowsTotal > 0 && (
        <div className="progress-row">
          <progress value={record.rowsDone} max={record.rowsTotal} aria-label="Rows loaded" />
          <span data-testid="corpus-load-progress">
            {record.rowsDone.toLocaleString('en')} / {record.rowsTotal.toLocaleString('en')} rows
          </span>
        </div>
      )}
      {isReady && <p className="muted">{record.rowsDone.toLocaleString('en')} rows stored.</p>}
      <div className="actions">
        {!load.isRunning && !isReady && (
          <button type="button" className="primary" onClick={onLoad}>
            {record === null || record === undefined ? 'Load whole split' : 'Resume loading'}
          </button>
        )}
        {load.isRunning && (
          <button type="button" onClick={load.cancel}>
            Cancel
          </button>
        )}
        {!load.isRunning && record !== null && record !== undefined && (
          <button type="button" onClick={() => onDelete(record.id)}>
            Delete loaded copy
          </button>
        )}
      </div>
      {load.error !== null && (
        <ErrorBanner title="Loading failed" error={load.error} onDismiss={load.clearError} />
      )}
      {load.error === null && stored !== undefined && (
        <ErrorBanner title="The last load failed" error={stored} />
      )}
    </section>
  );
}
