import {
  flexRender,
  getCoreRowModel,
  getPaginationRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { RolloutRecord } from '../../../core/schema/run';
import { rolloutColumnSpecs, rolloutsColumns, sortRollouts } from './rolloutsColumns';
import { TablePager } from '../TablePager';
import { SortableTableHead } from '../SortableTableHead';

interface RolloutsTableProps {
  rollouts: RolloutRecord[];
  judgeCount: number;
  selectedKey: string | null;
  onSelect: (key: string) => void;
}

const PAGE_SIZE = 100;

/**
 * A run's rollouts, compact and sortable; a row opens its detail. Header clicks cycle ascending →
 * descending → unsorted, as on the Results table.
 */
export function RolloutsTable({ rollouts, judgeCount, selectedKey, onSelect }: RolloutsTableProps) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const specs = useMemo(() => rolloutColumnSpecs(judgeCount), [judgeCount]);
  const columns = useMemo(() => rolloutsColumns(specs), [specs]);
  const rows = useMemo(() => sortRollouts(rollouts, specs, sorting[0]), [rollouts, specs, sorting]);
  // TanStack's hook returns functions the React Compiler cannot memoise; that is expected here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    manualSorting: true,
    sortDescFirst: false,
    getRowId: (row) => row.key,
    getCoreRowModel: getCoreRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    initialState: { pagination: { pageSize: PAGE_SIZE } },
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
