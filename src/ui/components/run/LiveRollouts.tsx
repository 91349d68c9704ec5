import { useRunLive } from '../../hooks/useRunLive';
import { formatScore } from './runFormat';

/**
 * The latest finished rollouts of a live run, as the worker reports them: the whole sortable table
 * comes back when the run stops (re-reading it while the run writes slowed both, issue 14).
 */
export function LiveRollouts({ runId }: { runId: string }) {
  const latest = useRunLive(runId)?.latest ?? [];
  return (
    <div className="table-wrap">
      <p className="muted small">
        Latest finished rollouts; the full table opens when the run is paused or done.
      </p>
      <table className="data-table compact" data-testid="live-rollouts">
        <thead>
          <tr>
            <th scope="col">Example</th>
            <th scope="col">Rollout</th>
            <th scope="col">Status</th>
            <th scope="col">Reward</th>
            <th scope="col">Error / reason</th>
          </tr>
        </thead>
        <tbody>
          {latest.map((rollout) => (
            <tr key={rollout.key} data-status={rollout.status}>
              <td>{rollout.exampleId}</td>
              <td>{rollout.rolloutIndex}</td>
              <td>{rollout.status}</td>
              <td>{formatScore(rollout.reward)}</td>
              <td>{rollout.problem}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
