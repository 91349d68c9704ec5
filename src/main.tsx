// Composition root: open the database, create the worker client, render the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { openDb } from './data/db';
import { App } from './ui/App';
import { AppServicesContext } from './ui/appContext';
import { parseHash } from './ui/hooks/useHashRoute';
import { prefetchRowsForLocation } from './ui/prefetchRows';
import { prefetchLeaderboardForLocation } from './ui/components/leaderboard/leaderboardRecords';
import { datasetPage, leaderboardPage, resultsPage } from './ui/routeModules';
import { createWorkerClient } from './ui/workerClient';
import './ui/styles.css';

const services = { db: openDb(), worker: createWorkerClient() };
prefetchRowsForLocation(services.db, window.location.hash);
prefetchLeaderboardForLocation(services.db, window.location.hash);

// The built app caches its own shell so a saved link opens offline (scripts/serviceWorkerPlugin.ts).
// Not in development, where Vite serves modules on the fly.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch((error: unknown) => {
    console.warn('Offline support is unavailable:', error);
  });
}
// Starting on the results, leaderboard or dataset (home) page: load its chunk before the first
// render (see ui/routeModules.ts).
const startPage = parseHash(window.location.hash).page;
if (startPage === 'results') await resultsPage.preload().catch(() => undefined);
else if (startPage === 'leaderboard') await leaderboardPage.preload().catch(() => undefined);
else if (startPage === 'dataset') await datasetPage.preload().catch(() => undefined);

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <AppServicesContext value={services}>
      <App />
    </AppServicesContext>
  </StrictMode>,
);
