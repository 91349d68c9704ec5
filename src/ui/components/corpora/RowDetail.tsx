import { cellText } from '../../../core/corpora/plainRow';
import type { CorpusFeature } from '../../../core/corpora/features';
import type { CorpusRow } from '../../../worker/workerApi';
import { LongText } from '../LongText';

interface RowDetailProps {
  row: CorpusRow;
  features: readonly CorpusFeature[];
  onClose: () => void;
}

function labelled(value: unknown, feature: CorpusFeature | undefined): string {
  const text = cellText(value);
  const name = typeof value === 'number' ? feature?.classNames?.[value] : undefined;
  return name === undefined ? text : `${text} (${name})`;
}

/** Every cell of one row in full, as text (never as markup); ClassLabel values with their names. */
export function RowDetail({ row, features, onClose }: RowDetailProps) {
  return (
    <aside className="detail" aria-labelledby="corpus-row-title">
      <div className="detail-header">
        <h3 id="corpus-row-title">Row {row.rowIdx}</h3>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {row.truncatedCells.length > 0 && (
        <p className="corpus-warning">
          The viewer cut short: {row.truncatedCells.join(', ')}. Load the split for full cells.
        </p>
      )}
      {Object.entries(row.row).map(([name, value]) => (
        <section key={name}>
          <h4>
            <code>{name}</code>
          </h4>
          <LongText
            text={labelled(
              value,
              features.find((f) => f.name === name),
            )}
          />
        </section>
      ))}
    </aside>
  );
}
