import { useMemo, useState } from 'react';
import { primeEvalCommand } from '../../../core/envs/mtsamples/primeCommand';
import type { RunSettings } from '../../../core/schema/run';

/** The reference CLI line for this run (keys only as environment variable names), with Copy. */
export function PrimeCommand({ settings }: { settings: RunSettings }) {
  const { command, caveats } = useMemo(() => primeEvalCommand(settings), [settings]);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(command);
      setCopied('yes');
    } catch (error) {
      // Clipboard access can be denied (permissions, insecure context): the text stays selectable.
      console.warn('Copy failed', error);
      setCopied('failed');
    }
  };

  return (
    <section className="prime-command" aria-label="Equivalent prime eval command">
      <h3>Same run with the reference tooling</h3>
      <pre className="text-block" data-testid="prime-command">
        {command}
      </pre>
      <div className="actions">
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
        {copied === 'yes' && <span className="muted small">Copied.</span>}
        {copied === 'failed' && (
          <span className="muted small">Could not copy: select the text instead.</span>
        )}
      </div>
      {caveats.length > 0 && (
        <ul className="muted small">
          {caveats.map((caveat) => (
            <li key={caveat}>{caveat}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
