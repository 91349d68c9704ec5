import type { HashRoute } from '../hooks/useHashRoute';

// Placeholder: being built (issue 4).
export function ComparePage({ route }: { route: HashRoute }) {
  return <p className="muted">Compare for {route.params.toString() || 'no selection'}.</p>;
}
