interface PickableColumn {
  id: string;
  label: string;
}

interface ColumnPickerProps {
  columns: readonly PickableColumn[];
  /** Ids shown, in table order. */
  visible: readonly string[];
  /** null: every column (the default, which keeps `cols` out of the URL). */
  onChange: (visible: string[] | null) => void;
}

/** Which columns the results table shows; the choice lives in the URL (`cols`). */
export function ColumnPicker({ columns, visible, onChange }: ColumnPickerProps) {
  const shown = new Set(visible);
  const toggle = (id: string) => {
    const next = columns.map((c) => c.id).filter((c) => (c === id ? !shown.has(c) : shown.has(c)));
    // At least one column stays, or the table would be an empty box.
    if (next.length === 0) return;
    onChange(next.length === columns.length ? null : next);
  };
  return (
    <details className="column-picker" data-testid="column-picker">
      <summary>
        Columns ({visible.length} of {columns.length})
      </summary>
      <div>
        {columns.map((column) => (
          <label key={column.id}>
            <input
              type="checkbox"
              name={`col-${column.id}`}
              checked={shown.has(column.id)}
              onChange={() => toggle(column.id)}
            />{' '}
            {column.label}
          </label>
        ))}
        <button type="button" onClick={() => onChange(null)}>
          Show all
        </button>
      </div>
    </details>
  );
}
