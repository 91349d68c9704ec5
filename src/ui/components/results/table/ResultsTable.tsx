import { getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type MouseEvent } from 'react';
import type { ResultsSort } from '../../../../core/results/resultsQuery';
import type { RolloutRow } from '../../../../core/results/rolloutRow';
import { columnMeta } from './resultsColumns';
import { ResultsHeader } from './ResultsHeader';
import { ResultsRow, rowId } from './ResultsRow';
import { useGridKeyboard } from './useGridKeyboard';
import './resultsTable.css';

/** Every row and the header are exactly this tall (resultsTable.css), so positions are arithmetic. */
const ROW_HEIGHT = 32;

interface ResultsTableProps {
  /** Already filtered and sorted (core/results/resultsQuery). */
  rows: RolloutRow[];
  columns: ColumnDef<RolloutRow>[];
  sort: ResultsSort | null;
  onSortChange: (sort: ResultsSort | null) => void;
  openKey: string | null;
  onOpen: (key: string) => void;
}

/**
 * A run's rollouts: only the rows in view are in the DOM (10,000 rows stay smooth), the header stays
 * in place, a click or Enter opens a rollout. Sorting and filtering happen before, in pure functions.
 */
export function ResultsTable(props: ResultsTableProps) {
  const { rows, columns, sort, onSortChange, openKey, onOpen } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack's hooks return functions the React Compiler cannot memoise; that is expected here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
    // The sticky header covers the first row's height: keep scrolled-to rows out from under it.
    paddingStart: ROW_HEIGHT,
    scrollPaddingStart: ROW_HEIGHT,
  });
  const keyboard = useGridKeyboard(rows, openKey, onOpen, (index) => {
    virtualizer.scrollToIndex(index);
  });
  const items = virtualizer.getVirtualItems();
  // TanStack models the columns and headers. Its row model is lazy and never asked for: body rows are
  // memoised components that read the rows directly, so 10,000 TanStack rows are never built.
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
  });
  const visibleKeys = items.map((item) => rows[item.index]?.key ?? '').join(',');
  // For the results benchmark: when the rows on screen change.
  useEffect(() => {
    performance.mark('medeval:results-rows');
  }, [visibleKeys]);

  const first = items[0];
  const last = items[items.length - 1];
  const padTop = first === undefined ? 0 : first.start - ROW_HEIGHT;
  const padBottom = last === undefined ? 0 : virtualizer.getTotalSize() - last.end;
  const active = rows[keyboard.activeIndex];
  const onClick = (event: MouseEvent) => {
    const key = (event.target as Element).closest('tr[data-key]')?.getAttribute('data-key');
    if (key === null || key === undefined) return;
    keyboard.setActiveKey(key);
    onOpen(key);
  };
  const spacer = (height: number) =>
    height > 0 && (
      <tr className="results-spacer" aria-hidden="true" style={{ height }}>
        <td colSpan={columns.length} />
      </tr>
    );

  return (
    <div className="results-scroll" ref={scrollRef}>
      <table
        className="results-table"
        role="grid"
        aria-label="Rollouts"
        aria-rowcount={rows.length + 1}
        aria-activedescendant={active === undefined ? undefined : rowId(active.key)}
        tabIndex={0}
        onKeyDown={keyboard.onKeyDown}
        onClick={onClick}
        data-testid="results-table"
      >
        <colgroup>
          {columns.map((column) => (
            <col key={column.id} style={{ width: columnMeta(column).width }} />
          ))}
        </colgroup>
        <ResultsHeader table={table} sort={sort} onSortChange={onSortChange} />
        <tbody>
          {spacer(padTop)}
          {items.map((item) => {
            const row = rows[item.index];
            return (
              row !== undefined && (
                <ResultsRow
                  key={row.key}
                  row={row}
                  index={item.index}
                  columns={columns}
                  isActive={row.key === active?.key}
                  isOpen={row.key === openKey}
                />
              )
            );
          })}
          {spacer(padBottom)}
        </tbody>
      </table>
      {rows.length === 0 && <p className="muted">No rollouts match these filters.</p>}
    </div>
  );
}
