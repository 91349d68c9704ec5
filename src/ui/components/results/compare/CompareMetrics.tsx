import type {
  PairedMetric,
  RolloutMetric,
  RolloutMetrics,
} from '../../../../core/results/compareRollouts';
import type { RunRecord } from '../../../../core/schema/run';
import { fixed, signed } from '../summary/statFormat';

interface CompareMetricsProps {
  runs: readonly RunRecord[];
  metrics: RolloutMetrics;
  /** pairMetrics(): per metric, per run after the baseline. */
  paired: readonly (readonly (PairedMetric | null)[])[];
}

/** Which runs lack a metric, in words ("only in A", "not in B"). */
function presenceText(metric: RolloutMetric, runs: readonly RunRecord[]): string | null {
  const names = (has: boolean) =>
    runs.filter((_, i) => metric.inRuns[i] === has).map((run) => run.name);
  const lacking = names(false);
  if (lacking.length === 0) return null;
  const having = names(true);
  return having.length === 1 ? `only in ${having[0] ?? ''}` : `not in ${lacking.join(', ')}`;
}

function pairedText(metric: RolloutMetric, pair: PairedMetric | null, isInRun: boolean): string {
  if (metric.inRuns[0] !== true) return 'not in the baseline';
  if (!isInRun || pair === null) return 'not in this run';
  if (pair.paired === 0) return 'no rollout scored in both';
  return `${fixed(pair.runMean)} vs ${fixed(pair.baselineMean)} (${signed(pair.meanDelta)}, ${pair.paired} rollouts)`;
}

/**
 * Every per-rollout number the runs have, each run against the baseline over the rollouts both have
 * (same example id and rollout index), and the numbers only some of the runs have, said so.
 */
export function CompareMetrics({ runs, metrics, paired }: CompareMetricsProps) {
  const partial = metrics.metrics.filter((metric) => !metric.inRuns.every(Boolean));
  return (
    <section className="panel" data-testid="compare-metrics">
      <h3>Rollout by rollout</h3>
      <p className="muted small">
        Each rollout is matched by example id and rollout index; a mean is over the rollouts both
        runs have a value for.
      </p>
      {partial.length > 0 && (
        <ul className="small" data-testid="compare-metrics-partial">
          {partial.map((metric) => (
            <li key={metric.id} data-metric={metric.id}>
              {metric.label}: {presenceText(metric, runs)}
            </li>
          ))}
        </ul>
      )}
      <div className="table-wrap">
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              {runs.slice(1).map((run) => (
                <th key={run.id} scope="col" className="rs-num">
                  {run.name} vs {runs[0]?.name ?? 'the baseline'}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {metrics.metrics.map((metric, m) => (
              <tr key={metric.id} data-testid="compare-metric" data-metric={metric.id}>
                <th scope="row">{metric.label}</th>
                {runs.slice(1).map((run, j) => (
                  <td key={run.id} className="rs-num">
                    {pairedText(metric, paired[m]?.[j] ?? null, metric.inRuns[j + 1] === true)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
