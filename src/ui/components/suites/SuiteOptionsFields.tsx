import { useId } from 'react';
import type { SuiteRunDraft } from './suiteRunDraft';

interface SuiteOptionsFieldsProps {
  draft: SuiteRunDraft;
  onChange: (patch: Partial<SuiteRunDraft>) => void;
}

/** Subset mode (n per entry, to try the suite first), concurrency and attempts. */
export function SuiteOptionsFields({ draft, onChange }: SuiteOptionsFieldsProps) {
  const id = useId();
  return (
    <fieldset className="field-grid">
      <legend>Run options</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.isSubset}
          data-testid="suite-subset"
          onChange={(event) => onChange({ isSubset: event.target.checked })}
        />
        Try first: only the first examples of each entry
      </label>
      <div className="field">
        <label htmlFor={`${id}-n`}>Examples per entry</label>
        <input
          id={`${id}-n`}
          type="number"
          min={1}
          disabled={!draft.isSubset}
          value={draft.perEntry}
          data-testid="suite-per-entry"
          onChange={(event) => onChange({ perEntry: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-c`}>Requests at once (shared by all runs)</label>
        <input
          id={`${id}-c`}
          type="number"
          min={1}
          max={128}
          value={draft.concurrency}
          onChange={(event) => onChange({ concurrency: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-a`}>Attempts per request</label>
        <input
          id={`${id}-a`}
          type="number"
          min={1}
          max={10}
          value={draft.maxAttempts}
          onChange={(event) => onChange({ maxAttempts: event.target.value })}
        />
      </div>
    </fieldset>
  );
}
