import type { SortKey } from '../../../core/suites/leaderboardView';

interface SortHeaderProps {
  label: string;
  sortKey: SortKey;
  current: SortKey;
  descending: boolean;
  onSort: (key: SortKey) => void;
  title?: string;
}

/** A column header that sorts the leaderboard by it (again: reverses), with `aria-sort` set. */
export function SortHeader({
  label,
  sortKey,
  current,
  descending,
  onSort,
  title,
}: SortHeaderProps) {
  const isSorted = current === sortKey;
  return (
    <th
      scope="col"
      aria-sort={isSorted ? (descending ? 'descending' : 'ascending') : 'none'}
      title={title}
    >
      <button type="button" className="th-button" onClick={() => onSort(sortKey)}>
        {label}
        {isSorted ? (descending ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
}
