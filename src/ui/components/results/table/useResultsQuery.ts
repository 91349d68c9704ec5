import { useMemo } from 'react';
import {
  parseResultsQuery,
  toParams,
  type ResultsQuery,
} from '../../../../core/results/resultsQuery';
import { parseHash, withParams, type HashRoute } from '../../../hooks/useHashRoute';

export interface ResultsQueryState {
  query: ResultsQuery;
  /** What the link held that could not be used (shown as a notice, never an error). */
  problems: string[];
  /**
   * Changes part of the query. `replace` (filters, search, sort: no history entry per keystroke) or
   * `push` (tabs and opening a rollout, which Back should undo).
   */
  update: (changes: Partial<ResultsQuery>, mode?: 'replace' | 'push') => void;
}

/** The results table's filters, search, sort, columns, tab and open rollout, kept in the URL hash. */
export function useResultsQuery(route: HashRoute): ResultsQueryState {
  const search = route.params.toString();
  const { query, problems } = useMemo(
    () => parseResultsQuery(new URLSearchParams(search)),
    [search],
  );
  return { query, problems, update: updateResultsQuery };
}

function updateResultsQuery(changes: Partial<ResultsQuery>, mode: 'replace' | 'push' = 'replace') {
  // Read the hash now, not the render's copy: two updates can land before the next render.
  const route = parseHash(window.location.hash);
  const current = parseResultsQuery(route.params).query;
  const hash = withParams(route, toParams({ ...current, ...changes }));
  if (hash === window.location.hash) return;
  if (mode === 'push') {
    window.location.hash = hash;
    return;
  }
  window.history.replaceState(window.history.state, '', hash);
  // replaceState fires no hashchange; useHashRoute listens for one.
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
