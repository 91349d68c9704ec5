import { useState } from 'react';
import type { DatasetRecord } from '../../../core/schema/dataset';
import { hrefFor } from '../../hooks/useHashRoute';
import { GithubFilesNote } from './GithubFilesNote';
import { MissingExtrasNotice } from './MissingExtrasNotice';

interface VariantLoadedProps {
  record: DatasetRecord;
  expectedRows: number | null;
  onDelete: () => void;
}

/** A loaded variant: its counts, the revision actually read, and where to go next. */
export function VariantLoaded({ record, expectedRows, onDelete }: VariantLoadedProps) {
  const [isConfirming, setConfirming] = useState(false);
  const origin = record.origin.kind === 'huggingface' ? record.origin : null;
  const github = record.origin.kind === 'github-files' ? record.origin : null;
  const revision =
    github !== null
      ? github.revision
      : origin === null
        ? null
        : (origin.resolvedRevision ?? origin.revision);
  const missing = origin?.missingExtras ?? [];
  const rows = record.exampleCount + record.skippedCount;
  const ds = new URLSearchParams({ ds: record.id });
  return (
    <div className="variant-loaded" data-testid="variant-loaded">
      <p>
        <span data-testid="variant-example-count">{record.exampleCount}</span> examples ·{' '}
        <span data-testid="variant-skipped-count">{record.skippedCount}</span> skipped
        {revision !== null && (
          <>
            {' '}
            · revision <code data-testid="variant-revision">{revision}</code>
          </>
        )}
      </p>
      {github?.files !== undefined && <GithubFilesNote files={github.files} />}
      {expectedRows !== null && rows !== expectedRows && (
        <p className="muted" data-testid="variant-row-mismatch">
          The source yielded {rows} rows where {expectedRows} were expected: this revision differs
          from the one the benchmark describes.
        </p>
      )}
      {missing.length > 0 && <MissingExtrasNotice envId={record.envId} missing={missing} />}
      <div className="actions">
        <a className="button" href={hrefFor('dataset', ds)} data-testid="variant-view">
          View examples
        </a>
        <a className="button" href={hrefFor('run', ds)} data-testid="variant-new-run">
          New run
        </a>
        {isConfirming ? (
          <span className="variant-confirm" role="group" aria-label="Confirm delete">
            <span>Delete its {record.exampleCount} stored examples?</span>
            <button type="button" onClick={onDelete} data-testid="variant-delete-confirm">
              Confirm delete
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} data-testid="variant-delete">
            Delete
          </button>
        )}
      </div>
    </div>
  );
}
