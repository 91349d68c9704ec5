import { memo } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import type { RolloutRow } from '../../../../core/results/rolloutRow';
import { columnMeta } from './resultsColumns';

interface ResultsRowProps {
  row: RolloutRow;
  /** 0-based position in the shown rows. */
  index: number;
  columns: ColumnDef<RolloutRow>[];
  isActive: boolean;
  isOpen: boolean;
}

export const rowId = (key: string) => `results-row-${key.replace(':', '-')}`;

/**
 * One row of the results table. Memoised on the row itself: while scrolling, only rows coming into
 * view render; the rows already on screen are left alone.
 */
export const ResultsRow = memo(function ResultsRow({
  row,
  index,
  columns,
  isActive,
  isOpen,
}: ResultsRowProps) {
  return (
    <tr
      id={rowId(row.key)}
      aria-rowindex={index + 2}
      aria-selected={isOpen}
      className={isActive ? 'active' : undefined}
      data-testid="results-row"
      data-key={row.key}
      data-status={row.status}
    >
      {columns.map((column) => {
        const meta = columnMeta(column);
        return (
          <td key={column.id} className={meta.isNumeric ? 'numeric' : undefined}>
            {meta.render(row)}
          </td>
        );
      })}
    </tr>
  );
});
