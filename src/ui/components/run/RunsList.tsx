import type { RunRecord } from '../../../core/schema/run';
import { hrefFor } from '../../hooks/useHashRoute';
import { useRunsElsewhere } from '../../hooks/useRunsElsewhere';
import { displayStatus, STATUS_LABELS } from './runStatus';

interface RunsListProps {
  runs: readonly RunRecord[];
  selectedId: string | null;
  activeRuns: ReadonlySet<string> | null;
  /** Runs this tab ran until a failure ended them (useRunActions). */
  failedRuns: ReadonlySet<string>;
}

/** Every stored run, newest first; each links to its progress and results. */
export function RunsList({ runs, selectedId, activeRuns, failedRuns }: RunsListProps) {
  const elsewhere = useRunsElsewhere(runs, activeRuns);
  if (runs.length === 0) return <p className="muted">No runs yet.</p>;
  return (
    <table className="data-table" data-testid="runs-list">
      <thead>
        <tr>
          <th scope="col">Run</th>
          <th scope="col">Model</th>
          <th scope="col">Judges</th>
          <th scope="col">Status</th>
          <th scope="col">Created</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => {
          const status = displayStatus(run, activeRuns, elsewhere, failedRuns.has(run.id));
          return (
            <tr key={run.id} className={run.id === selectedId ? 'selected' : undefined}>
              <td>
                <a
                  href={hrefFor('run', new URLSearchParams({ run: run.id }))}
                  aria-current={run.id === selectedId ? 'true' : undefined}
                >
                  {run.name}
                </a>
                {run.kind === 'rescore' && <span className="muted small"> (re-score)</span>}
              </td>
              <td>{run.settings.model.model}</td>
              <td>{run.settings.judges.map((judge) => judge.model).join(', ')}</td>
              <td>
                <span className={`status status-${status}`}>{STATUS_LABELS[status]}</span>
              </td>
              <td>{new Date(run.createdAt).toLocaleString()}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
