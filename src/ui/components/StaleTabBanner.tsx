import { useEffect, useState } from 'react';
import { useServices } from '../appContext';

/**
 * When another tab opens a newer version of the database, Dexie closes this tab's connection; this tab
 * then runs old code against a newer schema. Say so and offer a reload instead of failing oddly.
 */
export function StaleTabBanner() {
  const { db } = useServices();
  const [isStale, setStale] = useState(false);
  useEffect(() => {
    const onVersionChange = () => {
      db.close();
      setStale(true);
      return false;
    };
    db.on('versionchange', onVersionChange);
    return () => {
      db.on('versionchange').unsubscribe(onVersionChange);
    };
  }, [db]);
  if (!isStale) return null;
  return (
    <div className="banner banner-error" role="alert">
      <strong>A newer version of medeval was opened in another tab.</strong> Your data is safe;
      reload this tab to keep working.{' '}
      <button type="button" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  );
}
