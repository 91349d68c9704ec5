import { flexRender, type Table } from '@tanstack/react-table';
import type { ResultsSort } from '../../../../core/results/resultsQuery';
import type { RolloutRow } from '../../../../core/results/rolloutRow';
import { columnMeta } from './resultsColumns';

interface ResultsHeaderProps {
  table: Table<RolloutRow>;
  sort: ResultsSort | null;
  onSortChange: (sort: ResultsSort | null) => void;
}

/** Header clicks cycle ascending → descending → unsorted. */
function nextSort(sort: ResultsSort | null, column: string): ResultsSort | null {
  if (sort?.column !== column) return { column, direction: 'asc' };
  return sort.direction === 'asc' ? { column, direction: 'desc' } : null;
}

/** The results table's sticky header; each column header sorts by that column. */
export function ResultsHeader({ table, sort, onSortChange }: ResultsHeaderProps) {
  return (
    <thead>
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id} aria-rowindex={1}>
          {group.headers.map((header) => {
            const meta = columnMeta(header.column.columnDef);
            const direction = sort?.column === header.id ? sort.direction : null;
            return (
              <th
                key={header.id}
                className={meta.isNumeric ? 'numeric' : undefined}
                aria-sort={direction === null ? 'none' : `${direction}ending`}
              >
                <button
                  type="button"
                  className="th-button"
                  title={`${meta.label}: sort`}
                  onClick={() => onSortChange(nextSort(sort, header.id))}
                >
                  {flexRender(header.column.columnDef.header, header.getContext())}
                  {direction === 'asc' ? ' ▲' : direction === 'desc' ? ' ▼' : ''}
                </button>
              </th>
            );
          })}
        </tr>
      ))}
    </thead>
  );
}
