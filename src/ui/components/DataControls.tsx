import { useEffect, useState } from 'react';
import { toAppError, type AppError } from '../../core/errors';
import type { StoredItem } from '../../data/storageReport';
import { useServices } from '../appContext';
import { formatBytes } from '../format';
import { hostStore } from '../keys/hostStore';
import { keyStore } from '../keys/keyStore';
import { ErrorBanner } from './ErrorBanner';

/** Storage per dataset and run, deleting any of them, and deleting everything (keys included). */
export function DataControls() {
  const { worker } = useServices();
  const [items, setItems] = useState<StoredItem[] | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<AppError | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    let isCurrent = true;
    worker
      .storageReport()
      .then((report) => {
        if (isCurrent) setItems(report);
      })
      .catch((caught: unknown) => {
        if (isCurrent) setError(toAppError(caught));
      });
    return () => {
      isCurrent = false;
    };
  }, [worker, version]);

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setMessage(done);
      setVersion((v) => v + 1);
    } catch (caught) {
      setError(toAppError(caught));
    }
  };

  const removeItem = (item: StoredItem) =>
    act(
      () =>
        item.kind === 'run'
          ? worker.deleteRun(item.id)
          : item.kind === 'corpus'
            ? worker.corpusDelete(item.id)
            : worker.deleteDataset(item.id),
      `Deleted ${item.label}.`,
    );

  const removeAll = () => {
    if (!window.confirm('Delete every dataset, run, note and remembered key on this device?'))
      return;
    void act(async () => {
      await worker.deleteEverything();
      keyStore.forgetAll();
      hostStore.forgetAll();
      // Only our own entries: on GitHub Pages, every project page of a user shares one origin.
      for (const name of Object.keys(localStorage)) {
        if (name.startsWith('medeval.') || name.startsWith('medeval:'))
          localStorage.removeItem(name);
      }
    }, 'Everything was deleted.');
  };

  return (
    <section className="panel" aria-labelledby="data-title" data-testid="data-controls">
      <h2 id="data-title">Your data on this device</h2>
      {items === null && error === null && <p className="muted">Measuring…</p>}
      {items !== null && items.length === 0 && <p className="muted">Nothing stored.</p>}
      {items !== null && items.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th>What</th>
              <th>Name</th>
              <th>Records</th>
              <th>About</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={`${item.kind}:${item.id}`} data-testid="stored-item">
                <td>{item.kind}</td>
                <td>{item.label}</td>
                <td>{item.records}</td>
                <td>{formatBytes(item.approxBytes)}</td>
                <td>
                  <button type="button" onClick={() => void removeItem(item)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions">
        <button type="button" onClick={removeAll} data-testid="delete-everything">
          Delete everything (datasets, runs, notes, keys)
        </button>
      </div>
      {message !== null && <p role="status">{message}</p>}
      {error !== null && (
        <ErrorBanner
          title="Could not complete that"
          error={error}
          onDismiss={() => setError(null)}
        />
      )}
    </section>
  );
}
