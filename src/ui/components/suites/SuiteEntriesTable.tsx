import type { ResolvedEntry } from '../../../core/suites/placeRun';
import { entryLabel, isShuffleEntry } from '../../../core/suites/suite';

const STATE_LABEL = {
  ready: 'ready',
  unavailable: 'not available yet',
  blocked: 'not runnable in a browser',
  unsupported: 'cannot run',
} as const;

/** Every entry of the suite and whether it can run here; never a silent omission. */
export function SuiteEntriesTable({ entries }: { entries: readonly ResolvedEntry[] }) {
  const ready = entries.filter((e) => e.resolution.state === 'ready').length;
  return (
    <details className="suite-entries" data-testid="suite-entries">
      <summary>
        {entries.length} entries: <strong data-testid="suite-ready-count">{ready}</strong> can run
        here now, {entries.length - ready} cannot yet (see why)
      </summary>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Entry</th>
              <th scope="col">Kind</th>
              <th scope="col">Examples</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {entries.map(({ entry, resolution }) => (
              <tr key={entry.key} data-testid="suite-entry" data-state={resolution.state}>
                <th scope="row">{entryLabel(entry)}</th>
                <td>{isShuffleEntry(entry) ? 'option shuffle' : 'dataset'}</td>
                <td className="num">{entry.numExamples ?? 'all'}</td>
                <td className={`state-${resolution.state}`}>
                  {resolution.state === 'ready'
                    ? `ready (${resolution.env.label})`
                    : `${STATE_LABEL[resolution.state]}: ${resolution.reason}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
