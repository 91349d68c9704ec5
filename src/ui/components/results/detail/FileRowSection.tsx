import { fileRowFieldsOf } from '../../../../core/results/fileRowFields';
import type { RolloutRecord } from '../../../../core/schema/run';

/**
 * The results-file row an imported rollout came from, field by field as written — nothing the file
 * holds is out of reach, even what this app has no column for — and what reading it changed.
 */
export function FileRowSection({ rollout }: { rollout: RolloutRecord }) {
  const row = fileRowFieldsOf(rollout);
  if (row === null) return null;
  return (
    <details className="rd-section" data-testid="rollout-file-row">
      <summary>
        <h4 className="rd-inline-heading">In the results file (line {row.line})</h4>
      </summary>
      {row.notes.length > 0 && (
        <ul className="small muted" data-testid="rollout-import-notes">
          {row.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <dl className="rd-file-fields">
        {row.fields.map((field) => (
          <div key={field.name} data-field={field.name}>
            <dt>
              <code>{field.name}</code>
              {field.isCut && <span className="small muted"> (cut for display)</span>}
            </dt>
            <dd>
              {/* Grows instead of scrolling (values are cut at 20,000 characters): the panel scrolls. */}
              <pre className="text-block rd-file-field">{field.json}</pre>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
