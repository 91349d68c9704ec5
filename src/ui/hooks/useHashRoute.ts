import { useSyncExternalStore } from 'react';

// Hash routing: GitHub Pages has no SPA fallback, and a hash keeps every route working under any
// sub-path. A route is `#/<page>?<params>`.

export interface HashRoute {
  page: string;
  params: URLSearchParams;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
  };
}

const getHash = () => window.location.hash;

export function parseHash(hash: string): HashRoute {
  const body = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = body.split('?', 2);
  return { page: path || 'dataset', params: new URLSearchParams(query) };
}

export function useHashRoute(): HashRoute {
  const hash = useSyncExternalStore(subscribe, getHash);
  return parseHash(hash);
}

export function hrefFor(page: string, params?: URLSearchParams): string {
  const query = params?.toString() ?? '';
  return `#/${page}${query ? `?${query}` : ''}`;
}

/** The hash for the same page with some parameters changed (null removes one); others are kept. */
export function withParams(route: HashRoute, changes: Record<string, string | null>): string {
  const params = new URLSearchParams(route.params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) params.delete(key);
    else params.set(key, value);
  }
  return hrefFor(route.page, params);
}
