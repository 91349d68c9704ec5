import { StaleTabBanner } from './components/StaleTabBanner';
import { lazy, Suspense } from 'react';
import { useHashRoute, hrefFor } from './hooks/useHashRoute';
import { DatasetPage } from './pages/DatasetPage';
import { SettingsPage } from './pages/SettingsPage';

// The Run page (editors, tables, estimates) loads on first visit: the dataset page opens faster.
const RunPage = lazy(() => import('./pages/RunPage').then((m) => ({ default: m.RunPage })));

const PAGES = [
  { id: 'dataset', label: 'Dataset' },
  { id: 'run', label: 'Run' },
  { id: 'settings', label: 'Settings' },
] as const;

export function App() {
  const route = useHashRoute();
  return (
    <div className="app" data-testid="app-shell">
      <header className="app-header">
        <a className="brand" href={hrefFor('dataset')}>
          medeval
        </a>
        <nav aria-label="Main">
          {PAGES.map((page) => (
            <a
              key={page.id}
              href={hrefFor(page.id)}
              aria-current={
                route.page === page.id || (page.id === 'run' && route.page === 'runs')
                  ? 'page'
                  : undefined
              }
            >
              {page.label}
            </a>
          ))}
        </nav>
      </header>
      <main>
        <StaleTabBanner />
        {route.page === 'settings' ? (
          <SettingsPage />
        ) : route.page === 'run' || route.page === 'runs' ? (
          <Suspense fallback={<p className="muted">Loading…</p>}>
            <RunPage route={route} />
          </Suspense>
        ) : (
          <DatasetPage route={route} />
        )}
      </main>
    </div>
  );
}
