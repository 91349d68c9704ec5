import { lazy, Suspense, type ReactNode } from 'react';
import { OfflineNotice } from './components/OfflineNotice';
import { ResultsFromLinkNotice } from './components/ResultsFromLinkNotice';
import { StaleTabBanner } from './components/StaleTabBanner';
import { hrefFor, useHashRoute, type HashRoute } from './hooks/useHashRoute';
import { SettingsPage } from './pages/SettingsPage';
import { datasetPage, leaderboardPage, resultsPage } from './routeModules';

// Every page loads on first visit; the one the app starts on loads before the first render (main.tsx).
const RunPage = lazy(() => import('./pages/RunPage').then((m) => ({ default: m.RunPage })));
const ComparePage = lazy(() =>
  import('./pages/ComparePage').then((m) => ({ default: m.ComparePage })),
);
const BenchmarksPage = lazy(() =>
  import('./pages/BenchmarksPage').then((m) => ({ default: m.BenchmarksPage })),
);
const SuitesPage = lazy(() =>
  import('./pages/SuitesPage').then((m) => ({ default: m.SuitesPage })),
);
const CorporaPage = lazy(() =>
  import('./pages/CorporaPage').then((m) => ({ default: m.CorporaPage })),
);

const PAGES = [
  { id: 'benchmarks', label: 'Benchmarks', also: [] },
  { id: 'dataset', label: 'Dataset', also: [] },
  { id: 'run', label: 'Run', also: ['runs'] },
  { id: 'results', label: 'Results', also: [] },
  { id: 'compare', label: 'Compare', also: [] },
  { id: 'suites', label: 'Suites', also: [] },
  { id: 'leaderboard', label: 'Leaderboard', also: [] },
  { id: 'corpora', label: 'Training data', also: [] },
  { id: 'settings', label: 'Settings', also: [] },
] as const;

function pageFor(route: HashRoute): ReactNode {
  switch (route.page) {
    case 'settings':
      return <SettingsPage />;
    case 'run':
    case 'runs':
      return <RunPage route={route} />;
    case 'results':
      return <resultsPage.Page route={route} />;
    case 'compare':
      return <ComparePage route={route} />;
    case 'benchmarks':
      return <BenchmarksPage />;
    case 'suites':
      return <SuitesPage route={route} />;
    case 'leaderboard':
      return <leaderboardPage.Page route={route} />;
    case 'corpora':
      return <CorporaPage route={route} />;
    default:
      return <datasetPage.Page route={route} />;
  }
}

export function App() {
  const route = useHashRoute();
  return (
    <div className="app" data-testid="app-shell">
      <header className="app-header">
        {/* The one h1 of every page (axe page-has-heading-one); each page titles itself with an h2. */}
        <h1 className="app-title">
          <a className="brand" href={hrefFor('dataset')}>
            medeval
          </a>
        </h1>
        <nav aria-label="Main">
          {PAGES.map((page) => (
            <a
              key={page.id}
              href={hrefFor(page.id)}
              aria-current={
                route.page === page.id || (page.also as readonly string[]).includes(route.page)
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
        <OfflineNotice />
        <ResultsFromLinkNotice />
        <Suspense fallback={<p className="muted">Loading…</p>}>{pageFor(route)}</Suspense>
      </main>
    </div>
  );
}
