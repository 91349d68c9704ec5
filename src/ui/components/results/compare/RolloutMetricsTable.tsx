import {
  rolloutMetricValue,
  type MatchedRollout,
  type RolloutMetrics,
} from '../../../../core/results/compareRollouts';
import type { RolloutRow } from '../../../../core/results/rolloutRow';
import type { RunRecord } from '../../../../core/schema/run';
import { fixed, signed } from '../summary/statFormat';
import { RunColumnHeaders } from './RunColumnHeaders';

interface RolloutMetricsTableProps {
  runs: readonly RunRecord[];
  metrics: RolloutMetrics;
  /** One example's rollouts, matched across the runs. */
  matched: readonly MatchedRollout[];
}

function cellText(row: RolloutRow | null, base: RolloutRow | null, id: string, isInRun: boolean) {
  if (!isInRun) return 'not in this run';
  if (row === null) return 'no such rollout';
  const value = rolloutMetricValue(row, id);
  const baseValue = base === null ? null : rolloutMetricValue(base, id);
  const delta =
    row === base || value === null || baseValue === null ? '' : ` (${signed(value - baseValue)})`;
  return `${fixed(value)}${delta}`;
}

/** One example's rollouts, each metric by run, with Δ against the baseline's same rollout. */
export function RolloutMetricsTable({ runs, metrics, matched }: RolloutMetricsTableProps) {
  return (
    <div className="table-wrap">
      <table className="data-table compact" data-testid="rollout-metrics">
        <thead>
          <tr>
            <th scope="col">Rollout</th>
            <th scope="col">Metric</th>
            <RunColumnHeaders runs={runs} />
          </tr>
        </thead>
        <tbody>
          {matched.flatMap(({ rollout_index, rows }) =>
            metrics.metrics.map((metric) => (
              <tr
                key={`${rollout_index}:${metric.id}`}
                data-testid="rollout-metric"
                data-rollout-index={rollout_index}
                data-metric={metric.id}
              >
                <th scope="row">{rollout_index}</th>
                <th scope="row">{metric.label}</th>
                {runs.map((run, i) => (
                  <td key={run.id} className="rs-num">
                    {cellText(
                      rows[i] ?? null,
                      rows[0] ?? null,
                      metric.id,
                      metric.inRuns[i] === true,
                    )}
                  </td>
                ))}
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
