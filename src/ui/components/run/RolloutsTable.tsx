import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type PaginationState,
  type SortingState,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { RunTableRow } from '../../../core/runOverview';
import { rolloutColumnSpecs, rolloutsColumns, sortRollouts } from './rolloutsColumns';
import { TablePager } from '../TablePager';
import { SortableTableHead } from '../SortableTableHead';

interface RolloutsTableProps {
  rollouts: readonly RunTableRow[];
  judgeCount: number;
  selectedKey: string | null;
  onSelect: (key: string) => void;
}

const PAGE_SIZE = 100;

/**
 * A run's rollouts, compact and sortable; a row opens its detail. Header clicks cycle ascending →
 * descending → unsorted, as on the Results table. TanStack sees only the page shown (manual
 * pagination): building its row model for every rollout of a large run took a long task.
 */
export function RolloutsTable({ rollouts, judgeCount, selectedKey, onSelect }: RolloutsTableProps) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const specs = useMemo(() => rolloutColumnSpecs(judgeCount), [judgeCount]);
  const columns = useMemo(() => rolloutsColumns(specs), [specs]);
  const [pagination, setPagination] = useState<PaginationState>({
    pageIndex: 0,
    pageSize: PAGE_SIZE,
  });
  const rows = useMemo(() => sortRollouts(rollouts, specs, sorting[0]), [rollouts, specs, sorting]);
  // The run may have fewer rows than before (a re-read): stay on a page that exists.
  const pageCount = Math.max(1, Math.ceil(rows.length / pagination.pageSize));
  const pageIndex = Math.min(pagination.pageIndex, pageCount - 1);
  const pageRows = useMemo(
    () => rows.slice(pageIndex * pagination.pageSize, (pageIndex + 1) * pagination.pageSize),
    [rows, pageIndex, pagination.pageSize],
  );
  // TanStack's hook returns functions the React Compiler cannot memoise; that is expected here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: pageRows,
    columns,
    state: { sorting, pagination: { ...pagination, pageIndex } },
    // A new order starts on its first page, as TanStack's own pagination did.
    onSortingChange: (updater) => {
      setSorting(updater);
      setPagination((current) => ({ ...current, pageIndex: 0 }));
    },
    onPaginationChange: setPagination,
    manualSorting: true,
    manualPagination: true,
    rowCount: rows.length,
    sortDescFirst: false,
    getRowId: (row) => row.key,
    getCoreRowModel: getCoreRowModel(),
  });

  return (
    <div className="table-wrap">
      <table className="data-table compact" data-testid="rollouts-table">
        <SortableTableHead table={table} />
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              className={row.id === selectedKey ? 'selected' : undefined}
              onClick={() => onSelect(row.id)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') onSelect(row.id);
              }}
              tabIndex={0}
              aria-selected={row.id === selectedKey}
              data-status={row.original.status}
            >
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <TablePager table={table} />
    </div>
  );
}
