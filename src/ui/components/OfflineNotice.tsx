import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** Says what works without a network (everything stored) and what does not (downloads, model calls). */
export function OfflineNotice() {
  const isOnline = useSyncExternalStore(subscribe, () => navigator.onLine);
  if (isOnline) return null;
  return (
    <div className="banner" role="status" data-testid="offline-notice">
      <strong>You are offline.</strong> Stored datasets, runs, notes and exports keep working.
      Downloading a dataset and calling model or judge endpoints need the network.
    </div>
  );
}
