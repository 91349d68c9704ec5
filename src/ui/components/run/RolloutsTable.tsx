import {
  flexRender,
  getCoreRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { RolloutRecord } from '../../../core/schema/run';
import { rolloutsColumns } from './rolloutsColumns';
import { TablePager } from '../TablePager';
import { SortableTableHead } from '../SortableTableHead';

interface RolloutsTableProps {
  rollouts: RolloutRecord[];
  judgeCount: number;
  selectedKey: string | null;
  onSelect: (key: string) => void;
}

const PAGE_SIZE = 100;

/** A run's rollouts, compact and sortable; a row opens its detail. */
export function RolloutsTable({ rollouts, judgeCount, selectedKey, onSelect }: RolloutsTableProps) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const columns = useMemo(() => rolloutsColumns(judgeCount), [judgeCount]);
  // TanStack's hook returns functions the React Compiler cannot memoise; that is expected here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rollouts,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: (row) => row.key,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
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
