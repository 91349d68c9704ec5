import type { Table } from '@tanstack/react-table';

/** Previous / next for a paginated TanStack table; nothing when everything fits on one page. */
export function TablePager<Row>({ table }: { table: Table<Row> }) {
  if (table.getPageCount() <= 1) return null;
  return (
    <div className="toolbar">
      <button
        type="button"
        onClick={() => table.previousPage()}
        disabled={!table.getCanPreviousPage()}
      >
        Previous
      </button>
      <span>
        Page {table.getState().pagination.pageIndex + 1} of {table.getPageCount()}
      </span>
      <button type="button" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
        Next
      </button>
    </div>
  );
}
