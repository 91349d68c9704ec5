import { useHashRoute, hrefFor } from './hooks/useHashRoute';
import { DatasetPage } from './pages/DatasetPage';
import { SettingsPage } from './pages/SettingsPage';

const PAGES = [
  { id: 'dataset', label: 'Dataset' },
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
              aria-current={route.page === page.id ? 'page' : undefined}
            >
              {page.label}
            </a>
          ))}
        </nav>
      </header>
      <main>{route.page === 'settings' ? <SettingsPage /> : <DatasetPage route={route} />}</main>
    </div>
  );
}
