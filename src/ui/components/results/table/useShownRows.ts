import { useMemo } from 'react';
import {
  DEFAULT_RESULTS_QUERY,
  filterRows,
  searchVersion,
  sortRows,
  type ResultsQuery,
} from '../../../../core/results/resultsQuery';
import { inRolloutOrder } from '../../../../core/results/rolloutOrder';
import type { RolloutRow } from '../../../../core/results/rolloutRow';
import { useRolloutSearch, type RolloutSearch } from './useRolloutSearch';

export interface ShownRows {
  rows: RolloutRow[];
  search: RolloutSearch;
  sections: string[];
}

/**
 * The rows the table shows: searched, filtered and sorted as the URL asks. Memoised on the values
 * themselves (not the query object, which is new whenever any parameter changes), so opening a
 * rollout or switching columns does not re-filter 10,000 rows.
 */
export function useShownRows(runId: string, rows: RolloutRow[], query: ResultsQuery): ShownRows {
  // Rows arrive in key order ("10:0" before "2:0"); the table's natural order is numeric.
  const ordered = useMemo(() => inRolloutOrder(rows), [rows]);
  const version = useMemo(() => searchVersion(rows), [rows]);
  const sections = useMemo(
    () => [...new Set(rows.flatMap((row) => (row.section === null ? [] : [row.section])))].sort(),
    [rows],
  );
  const search = useRolloutSearch(runId, query.q, query.isRegex, version);
  const { section, rewardMin, rewardMax, spread, hasNote } = query;
  const statuses = query.status.join(',');
  const filtered = useMemo(() => {
    const status = statuses === '' ? [] : (statuses.split(',') as ResultsQuery['status']);
    const filters = {
      ...DEFAULT_RESULTS_QUERY,
      status,
      section,
      rewardMin,
      rewardMax,
      spread,
      hasNote,
    };
    return filterRows(ordered, filters, search.keys);
  }, [ordered, statuses, section, rewardMin, rewardMax, spread, hasNote, search.keys]);
  const sortColumn = query.sort?.column ?? null;
  const sortDirection = query.sort?.direction ?? 'asc';
  const shown = useMemo(
    () =>
      sortRows(
        filtered,
        sortColumn === null ? null : { column: sortColumn, direction: sortDirection },
      ),
    [filtered, sortColumn, sortDirection],
  );
  return { rows: shown, search, sections };
}
