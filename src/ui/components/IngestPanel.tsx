import type { DatasetRecord } from '../../core/schema/dataset';
import type { SourceSettings } from '../../core/schema/sourceSettings';
import type { IngestState } from '../hooks/useIngest';
import { ErrorBanner } from './ErrorBanner';
import { formatBytes } from '../format';

interface IngestPanelProps {
  settings: SourceSettings;
  record: DatasetRecord | undefined;
  ingest: IngestState;
  onStart: () => void;
}

/**
 * `failedHere`: this tab's last download call failed. Its record may still say it is fetching: a
 * full disk refuses the write of the error too, and that download was not interrupted.
 */
export function ingestStatusText(
  record: DatasetRecord | undefined,
  isRunning: boolean,
  failedHere: boolean,
): string {
  if (record === undefined) return isRunning ? 'Listing the folder…' : 'Not downloaded yet.';
  if (record.status === 'ready') return 'Downloaded and processed.';
  if (isRunning) {
    if (record.status === 'listing') return 'Listing the folder…';
    if (record.status === 'processing') return 'Processing notes…';
    return 'Downloading…';
  }
  if (record.status === 'cancelled') return 'Cancelled. Files already downloaded are kept.';
  if (record.status === 'error' || failedHere) {
    return 'Stopped by an error. Files already downloaded are kept.';
  }
  return 'Interrupted (the page was closed or reloaded). Files already downloaded are kept.';
}

/** Download / resume / cancel of the pinned GitHub dataset, with a real progress bar. */
export function IngestPanel({ settings, record, ingest, onStart }: IngestPanelProps) {
  const done = record?.filesDone ?? 0;
  const total = record?.filesTotal ?? 0;
  const isReady = record?.status === 'ready';
  const canResume = record !== undefined && !isReady;
  const failedHere = record === undefined ? undefined : ingest.failureOf(record.id);
  const storedError =
    ingest.isRunning || isReady
      ? undefined
      : record?.status === 'error'
        ? record.error
        : failedHere;
  return (
    <section className="panel" aria-labelledby="ingest-title">
      <h2 id="ingest-title">MTSamples Procedures from GitHub</h2>
      <p className="muted">
        {settings.repo}/{settings.folder} at commit <code>{settings.commit.slice(0, 10)}</code> —
        429 operative notes, about 1.5 MB.
      </p>
      <p data-testid="ingest-status">
        {ingestStatusText(record, ingest.isRunning, failedHere !== undefined)}
      </p>
      {total > 0 && !isReady && (
        <div className="progress-row">
          <progress value={done} max={total} aria-label="Files downloaded" />
          <span data-testid="ingest-progress">
            {done} / {total} files · {formatBytes(record?.bytes ?? 0)}
            {(record?.filesFromMirror ?? 0) > 0 && ` · ${record?.filesFromMirror} from the mirror`}
          </span>
        </div>
      )}
      <div className="actions">
        {!ingest.isRunning && !isReady && (
          <button type="button" className="primary" onClick={onStart}>
            {canResume ? 'Resume download' : 'Download dataset'}
          </button>
        )}
        {ingest.isRunning && (
          <button type="button" onClick={ingest.cancel}>
            Cancel
          </button>
        )}
      </div>
      {ingest.error !== null && (
        <ErrorBanner title="Download failed" error={ingest.error} onDismiss={ingest.clearError} />
      )}
      {ingest.error === null && storedError !== undefined && (
        <ErrorBanner title="Last download failed" error={storedError} />
      )}
    </section>
  );
}
