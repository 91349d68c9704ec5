import { useId } from 'react';
import type { DatasetRecord } from '../../../core/schema/dataset';
import type { RunDraft, SelectionMode } from './runDraft';

interface ExamplesFieldsProps {
  draft: RunDraft;
  datasets: readonly DatasetRecord[];
  onChange: (change: Partial<RunDraft>) => void;
}

const MODES: { value: SelectionMode; label: string }[] = [
  { value: 'first', label: 'The first n (as the reference CLI’s -n)' },
  { value: 'all', label: 'All examples' },
  { value: 'shuffle', label: 'n picked by a seeded shuffle' },
];

/** Which dataset and which of its examples the run uses (spec §6: first 5 by default). */
export function ExamplesFields({ draft, datasets, onChange }: ExamplesFieldsProps) {
  const id = useId();
  return (
    <div className="field-grid">
      <div className="field">
        <label htmlFor={`${id}-dataset`}>Dataset</label>
        <select
          id={`${id}-dataset`}
          data-testid="run-dataset"
          value={draft.datasetId}
          onChange={(event) => onChange({ datasetId: event.target.value })}
        >
          {draft.datasetId === '' && <option value="">Choose a dataset…</option>}
          {datasets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.label} ({d.exampleCount} examples)
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-mode`}>Examples</label>
        <select
          id={`${id}-mode`}
          value={draft.selectionMode}
          onChange={(event) => onChange({ selectionMode: event.target.value as SelectionMode })}
        >
          {MODES.map((mode) => (
            <option key={mode.value} value={mode.value}>
              {mode.label}
            </option>
          ))}
        </select>
      </div>
      {draft.selectionMode !== 'all' && (
        <div className="field">
          <label htmlFor={`${id}-n`}>n (examples)</label>
          <input
            id={`${id}-n`}
            data-testid="examples-n"
            type="number"
            min={1}
            step={1}
            value={draft.n}
            onChange={(event) => onChange({ n: event.target.value })}
          />
        </div>
      )}
      {draft.selectionMode === 'shuffle' && (
        <div className="field">
          <label htmlFor={`${id}-seed`}>Shuffle seed</label>
          <input
            id={`${id}-seed`}
            type="number"
            step={1}
            value={draft.seed}
            onChange={(event) => onChange({ seed: event.target.value })}
          />
        </div>
      )}
    </div>
  );
}
