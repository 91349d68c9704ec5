import { useState } from 'react';
import { toAppError, type AppError } from '../../core/errors';
import type { ResultsAlreadyImported } from '../../worker/workerApi';
import { useServices } from '../appContext';
import { hrefFor } from '../hooks/useHashRoute';
import { ErrorBanner } from './ErrorBanner';
import { DuplicateImportNotice } from './results/io/DuplicateImportNotice';

/** `?results=<url>` in the query or the hash route; null when absent or not http(s). */
function resultsLink(): URL | null {
  const hashQuery = window.location.hash.split('?', 2)[1] ?? '';
  const raw =
    new URLSearchParams(window.location.search).get('results') ??
    new URLSearchParams(hashQuery).get('results');
  if (raw === null) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

type LoadState =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'failed'; error: AppError }
  | { state: 'duplicate'; duplicate: ResultsAlreadyImported };

/**
 * Offers to open published results named by the link. Nothing is fetched until the user agrees: a
 * link alone should not make the browser contact a third-party host.
 */
export function ResultsFromLinkNotice() {
  const { worker } = useServices();
  const [link] = useState(resultsLink);
  const [load, setLoad] = useState<LoadState>({ state: 'idle' });
  const [isDismissed, setDismissed] = useState(false);
  if (link === null || isDismissed) return null;

  const openRun = (runId: string) => {
    setDismissed(true);
    window.location.hash = hrefFor('results', new URLSearchParams({ run: runId }));
  };
  const open = async (allowDuplicate = false) => {
    setLoad({ state: 'loading' });
    try {
      const summary = await worker.importResultsFromUrl(link.toString(), {
        allowDuplicate,
      });
      if (summary.status === 'duplicate') setLoad({ state: 'duplicate', duplicate: summary });
      else openRun(summary.runId);
    } catch (error) {
      setLoad({ state: 'failed', error: toAppError(error) });
    }
  };

  return (
    <div
      className="banner"
      role="region"
      aria-label="Results from a link"
      data-testid="results-link"
    >
      <p>
        This link opens published evaluation results from <strong>{link.host}</strong> (
        <code>{link.pathname.split('/').pop()}</code>). Opening them downloads the files from that
        host (no key, nothing of yours is sent) and copies them into this browser as a read-only
        run. The endpoints they name are never used for your runs unless you confirm each host by
        name.
      </p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={() => void open()}
          disabled={load.state === 'loading'}
          data-testid="results-link-open"
        >
          {load.state === 'loading' ? 'Loading…' : 'Open these results'}
        </button>
        <button type="button" onClick={() => setDismissed(true)}>
          Not now
        </button>
      </div>
      {load.state === 'failed' && (
        <ErrorBanner title="Could not open those results" error={load.error} />
      )}
      {load.state === 'duplicate' && (
        <DuplicateImportNotice
          duplicate={load.duplicate}
          onOpen={() => openRun(load.duplicate.runId)}
          onImportAgain={() => void open(true)}
        />
      )}
    </div>
  );
}
