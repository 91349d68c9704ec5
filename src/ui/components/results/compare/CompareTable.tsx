import { useState } from 'react';
import type { ExampleComparison } from '../../../../core/results/compareRuns';
import type { RunRecord } from '../../../../core/schema/run';
import { fixed, signed } from '../summary/statFormat';
import { RunColumnHeaders } from './RunColumnHeaders';

interface CompareTableProps {
  runs: readonly RunRecord[];
  examples: readonly ExampleComparison[];
  selected: number | null;
  onSelect: (exampleId: number) => void;
}

const PAGE = 200;

/** Per-example rewards and Δ vs the baseline, largest disagreement first; a row opens the responses. */
export function CompareTable({ runs, examples, selected, onSelect }: CompareTableProps) {
  const [threshold, setThreshold] = useState(0);
  const [byId, setById] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const shown = examples
    .filter((e) => threshold === 0 || (e.maxAbsDelta ?? -1) >= threshold)
    .sort((a, b) => (byId ? a.example_id - b.example_id : 0));
  return (
    <section className="panel">
      <h3>Examples</h3>
      <div className="toolbar">
        <label>
          Where they disagree most: |Δ| ≥{' '}
          <input
            type="number"
            min={0}
            max={1}
            step={0.05}
            value={threshold}
            onChange={(event) => setThreshold(Math.max(0, Number(event.target.value) || 0))}
          />
        </label>
        <button type="button" onClick={() => setById((value) => !value)}>
          Sort by {byId ? 'largest |Δ|' : 'example id'}
        </button>
        <span className="muted small">
          {shown.length} of {examples.length} examples
        </span>
      </div>
      <div className="table-wrap">
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col" aria-sort={byId ? 'ascending' : undefined}>
                Example
              </th>
              <RunColumnHeaders runs={runs} />
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, limit).map((e) => (
              <tr
                key={e.example_id}
                data-testid="compare-row"
                data-example-id={e.example_id}
                className={e.example_id === selected ? 'selected' : undefined}
                aria-selected={e.example_id === selected}
                tabIndex={0}
                onClick={() => onSelect(e.example_id)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') onSelect(e.example_id);
                }}
              >
                <th scope="row">{e.example_id}</th>
                {e.rewards.map((reward, i) => (
                  <td key={runs[i]?.id ?? i} className="rs-num">
                    {fixed(reward)}
                    {i > 0 && e.deltas[i] !== null && ` (${signed(e.deltas[i])})`}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length > limit && (
        <button type="button" onClick={() => setLimit((n) => n + PAGE)}>
          Show {Math.min(PAGE, shown.length - limit)} more
        </button>
      )}
    </section>
  );
}
