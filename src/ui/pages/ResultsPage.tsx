import type { HashRoute } from '../hooks/useHashRoute';

// Placeholder: being built (issue 4).
export function ResultsPage({ route }: { route: HashRoute }) {
  return <p className="muted">Results for {route.params.toString() || 'no selection'}.</p>;
}
