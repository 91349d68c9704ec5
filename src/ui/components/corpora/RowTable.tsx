import {
  flexRender,
  getCoreRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import { memo, useMemo, useState } from 'react';
import type { CorpusFeature } from '../../../core/corpora/features';
import type { CorpusRow } from '../../../worker/workerApi';
import { SortableTableHead } from '../SortableTableHead';
import { TablePager } from '../TablePager';
import { featuresOrKeys, rowColumns } from './rowColumns';

interface RowTableProps {
  rows: CorpusRow[];
  features: readonly CorpusFeature[];
  selectedIdx: number | null;
  onSelect: (row: CorpusRow) => void;
  label: string;
}

/**
 * Corpus rows, one line each; Enter or a click opens the full row. Pages of 100 when given more.
 * Memoised: while a split loads, every progress write re-renders the workspace around it, and
 * rebuilding 100 rows each time made UI-thread tasks over 50 ms (bench/corpusInBrowser.ts).
 */
export const RowTable = memo(function RowTable({
  rows,
  features,
  selectedIdx,
  onSelect,
  label,
}: RowTableProps) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const columns = useMemo(() => rowColumns(featuresOrKeys(features, rows)), [features, rows]);
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    initialState: { pagination: { pageSize: 100 } },
  });
  return (
    <div className="table-wrap">
      <table className="data-table corpus-rows">
        <caption className="visually-hidden">{label}</caption>
        <SortableTableHead table={table} />
        <tbody>
          {table.getRowModel().rows.map((row) => {
            const isSelected = row.original.rowIdx === selectedIdx;
            return (
              <tr
                key={row.id}
                className={isSelected ? 'selected' : undefined}
                onClick={() => onSelect(row.original)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') onSelect(row.original);
                }}
                tabIndex={0}
                aria-selected={isSelected}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <TablePager table={table} />
    </div>
  );
});
