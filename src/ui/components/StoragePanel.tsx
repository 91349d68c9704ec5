import { useEffect, useState } from 'react';
import { formatBytes } from '../format';

interface StorageState {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

async function readStorage(): Promise<StorageState> {
  if (!('storage' in navigator)) return { usage: null, quota: null, persisted: null };
  const [estimate, persisted] = await Promise.all([
    navigator.storage.estimate(),
    navigator.storage.persisted(),
  ]);
  return { usage: estimate.usage ?? null, quota: estimate.quota ?? null, persisted };
}

/** How much this app stores, and whether the browser promised not to evict it. */
export function StoragePanel({ refreshKey }: { refreshKey: unknown }) {
  const [state, setState] = useState<StorageState>({ usage: null, quota: null, persisted: null });
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    let isCurrent = true;
    readStorage()
      .then((next) => {
        if (isCurrent) setState(next);
      })
      .catch(() => {
        if (isCurrent) setNote('This browser does not report storage use.');
      });
    return () => {
      isCurrent = false;
    };
  }, [refreshKey]);

  const askPersist = async () => {
    const granted = await navigator.storage.persist();
    setState((prev) => ({ ...prev, persisted: granted }));
    setNote(
      granted
        ? 'The browser will keep this data unless you delete it.'
        : 'The browser declined for now (it often grants it after you bookmark or use the site more). Data is still stored, but may be evicted under storage pressure.',
    );
  };

  return (
    <section className="panel" aria-labelledby="storage-title" data-testid="storage-panel">
      <h2 id="storage-title">Storage on this device</h2>
      <p>
        Using {state.usage === null ? '…' : formatBytes(state.usage)}
        {state.quota !== null && ` of about ${formatBytes(state.quota)} available`}.{' '}
        {state.persisted === true && 'Persistent: the browser will not evict it.'}
        {state.persisted === false &&
          'Not persistent: the browser may evict it under storage pressure.'}
      </p>
      {state.persisted === false && (
        <button type="button" onClick={() => void askPersist()}>
          Keep my data (ask for persistent storage)
        </button>
      )}
      {note !== null && <p className="muted">{note}</p>}
    </section>
  );
}
