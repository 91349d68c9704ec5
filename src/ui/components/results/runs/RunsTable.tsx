import { flexRender, type Table } from '@tanstack/react-table';
import type { RunsOverviewRow } from './runsColumns';

interface RunsTableProps {
  table: Table<RunsOverviewRow>;
  selectedRunId: string | null;
}

/** The runs overview's rows; headers with a sort toggle where the column sorts. */
export function RunsTable({ table, selectedRunId }: RunsTableProps) {
  return (
    <div className="table-wrap">
      <table className="data-table compact">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={
                      sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                    }
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        className="th-button"
                        onClick={header.column.getToggleSortingHandler()}
                      >
                        {label}
                        {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              data-testid="runs-overview-row"
              data-run-id={row.id}
              className={row.id === selectedRunId ? 'selected' : undefined}
              aria-current={row.id === selectedRunId ? 'true' : undefined}
            >
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
