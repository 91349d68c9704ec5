import { useState } from 'react';
import { useRunRecords } from '../../../hooks/useRunRecords';
import { compareHref } from '../runs/RunsOverview';

/** Choose the runs to compare; the first one picked is the baseline. */
export function ComparePicker({ initial }: { initial: readonly string[] }) {
  const runs = useRunRecords();
  const [picked, setPicked] = useState<string[]>([...initial]);
  if (runs === undefined) return <p className="muted">Loading…</p>;
  if (runs.length < 2) {
    return <p className="muted">Comparing needs two or more runs; there are {runs.length}.</p>;
  }
  const toggle = (id: string) =>
    setPicked((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  const comparable = picked.filter((id) => runs.some((run) => run.id === id));
  return (
    <section className="panel">
      <h2>Pick runs to compare</h2>
      <p className="muted small">
        The first run you pick is the baseline; every other run is compared with it example by
        example.
      </p>
      <ul className="rs-pick-list">
        {runs.map((run) => (
          <li key={run.id}>
            <label>
              <input
                type="checkbox"
                data-testid="compare-pick"
                checked={picked.includes(run.id)}
                onChange={() => toggle(run.id)}
              />{' '}
              {run.name} <span className="muted small">({run.settings.model.model})</span>
              {picked[0] === run.id && <span className="muted small"> · baseline</span>}
            </label>
          </li>
        ))}
      </ul>
      {comparable.length >= 2 && (
        <a className="button" href={compareHref(comparable)} data-testid="compare-link">
          Compare {comparable.length} runs
        </a>
      )}
    </section>
  );
}
