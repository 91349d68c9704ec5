import { useState } from 'react';
import type { ResultsImported } from '../../../../worker/workerApi';

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

export function hasProblems(summary: ResultsImported): boolean {
  return summary.badLines.length > 0 || summary.metadataProblems.length > 0;
}

/**
 * What an import stored and, line by line, what it could not read. Plain text in a list (not a
 * tooltip or a toast) so that it stays on screen and can be selected, or copied with one click.
 */
export function ImportReport({
  summary,
  onOpen,
}: {
  summary: ResultsImported;
  onOpen: () => void;
}) {
  const { rows, badLines, metadataProblems } = summary;
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const head = `Imported ${plural(rows, 'rollout', 'rollouts')}`;

  const copy = async () => {
    const text = badLines.map(({ line, message }) => `line ${line}: ${message}`).join('\n');
    try {
      await navigator.clipboard.writeText(text);
      setCopyState('copied');
    } catch {
      // Clipboard refused (permissions, insecure origin): the list stays selectable by hand.
      setCopyState('failed');
    }
  };

  return (
    <div role="status" className="import-report">
      <p data-testid="import-results-summary">
        {badLines.length === 0
          ? `${head}; every line was read.`
          : `${head}; ${plural(badLines.length, 'line', 'lines')} could not be read:`}
      </p>
      {badLines.length > 0 && (
        <>
          <ul className="bad-lines" data-testid="import-results-bad-lines">
            {badLines.map(({ line, message }) => (
              <li key={line} data-line={line}>
                line {line}: {message}
              </li>
            ))}
          </ul>
          <button type="button" className="link-button" onClick={() => void copy()}>
            {copyState === 'copied'
              ? 'Copied'
              : copyState === 'failed'
                ? 'Copy failed: select the list instead'
                : 'Copy this list'}
          </button>
        </>
      )}
      {hasProblems(summary) && (
        <button type="button" data-testid="import-results-open" onClick={onOpen}>
          Open the imported run
        </button>
      )}
      {metadataProblems.length > 0 && (
        <>
          <p>metadata.json was read, leaving out only:</p>
          <ul data-testid="import-results-metadata-problems">
            {metadataProblems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
