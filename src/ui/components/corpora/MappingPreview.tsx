import { toChatMessages } from '../../../core/corpora/toChatMessages';
import type { ChatMapping } from '../../../core/schema/corpus';
import type { CorpusRow } from '../../../worker/workerApi';
import { LongText } from '../LongText';

const PREVIEW_ROWS = 3;

/** The first rows through the mapping: the messages they become, or why they would be skipped. */
export function MappingPreview({
  rows,
  mapping,
}: {
  rows: readonly CorpusRow[];
  mapping: ChatMapping;
}) {
  if (rows.length === 0) return <p className="muted">No rows to preview yet.</p>;
  return (
    <ol className="corpus-preview" aria-label="Mapping preview" data-testid="mapping-preview">
      {rows.slice(0, PREVIEW_ROWS).map((row) => {
        const result = toChatMessages(row.row, mapping);
        return (
          <li key={row.rowIdx}>
            <span className="muted small">Row {row.rowIdx}</span>
            {'skip' in result ? (
              <p className="corpus-warning">Skipped: {result.skip}</p>
            ) : (
              result.messages.map((message, i) => (
                <div key={i} className="corpus-message">
                  <strong>{message.role}</strong>
                  <LongText text={message.content} />
                </div>
              ))
            )}
          </li>
        );
      })}
    </ol>
  );
}
