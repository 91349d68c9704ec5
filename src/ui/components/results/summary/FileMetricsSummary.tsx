import { useMemo } from 'react';
import { fileMetricsSummaryOf, type MetricMean } from '../../../../core/results/fileMetricsSummary';
import type { RolloutRow } from '../../../../core/results/rolloutRow';
import { computeRunHeadline, passAtKStats } from '../../../../core/results/runStats';
import type { RunRecord } from '../../../../core/schema/run';
import '../../../results-summary.css';
import { latencyText } from '../detail/detailFormat';
import { PassAtKTable } from './PassAtKTable';
import { fixed, intervalText, plural } from './statFormat';

export interface FileMetricsSummaryProps {
  run: RunRecord;
  rows: RolloutRow[];
}

/**
 * A run imported from another environment's results file, as the file has it: the mean reward the
 * way the file computes `avg_reward`, each of its reward functions' means (beside the file's own
 * averages, so agreement is visible), and its timing. Nothing of MTSamples: no judges, no sections.
 */
export function FileMetricsSummary({ run, rows }: FileMetricsSummaryProps) {
  const summary = useMemo(() => fileMetricsSummaryOf(run, rows), [run, rows]);
  const headline = useMemo(() => computeRunHeadline(rows), [rows]);
  const passAtK = useMemo(() => passAtKStats(rows), [rows]);
  const { counts, timing } = summary;
  return (
    <section
      className="panel"
      data-testid="run-summary"
      data-summary-kind="metrics"
      aria-labelledby="run-summary-title"
    >
      <h2 id="run-summary-title">Summary</h2>
      <dl className="rs-tiles">
        <div className="rs-tile" data-testid="summary-mean-reward">
          <dt>Mean reward [95% CI]</dt>
          <dd>
            {intervalText(headline.reward)}
            <span className="rs-sub">
              n = {headline.reward.n} · the file says {fixed(summary.reward.fileMean)}
            </span>
          </dd>
        </div>
        <div className="rs-tile">
          <dt>Rollouts</dt>
          <dd>
            {counts.total}
            <span className="rs-sub">
              {plural(counts.error, 'failed')} · {counts.unscored} without a reward
            </span>
          </dd>
        </div>
        <div className="rs-tile" data-testid="summary-timing">
          <dt>Time per rollout (mean)</dt>
          <dd>
            {latencyText(timing.total.mean ?? timing.generation.mean)}
            <span className="rs-sub">
              generation {latencyText(timing.generation.mean)} · scoring{' '}
              {latencyText(timing.scoring.mean)}
              {timing.generation.n === 0 && ' (the file records no timing)'}
            </span>
          </dd>
        </div>
      </dl>
      <p className="rs-note">
        Scored by {summary.envId ?? 'the environment'} itself (results written by{' '}
        {summary.writtenBy}); this app did not score these rollouts. The mean reward counts every
        rollout with a reward, failed ones at the reward the file gives them, as the file&apos;s{' '}
        <code>avg_reward</code> does.
      </p>
      <MetricMeansTable metrics={summary.metrics} />
      {passAtK !== null && <PassAtKTable passAtK={passAtK} />}
    </section>
  );
}

function MetricMeansTable({ metrics }: { metrics: MetricMean[] }) {
  if (metrics.length === 0) {
    return <p className="muted">The file names no reward function besides its reward.</p>;
  }
  return (
    <table className="data-table compact" data-testid="file-metric-means">
      <caption>Reward functions in the file</caption>
      <thead>
        <tr>
          <th scope="col">Reward function</th>
          <th scope="col">n</th>
          <th scope="col">Mean</th>
          <th scope="col">Min</th>
          <th scope="col">Max</th>
          <th scope="col">The file&apos;s mean</th>
        </tr>
      </thead>
      <tbody>
        {metrics.map((metric) => (
          <tr key={metric.name} data-metric={metric.name}>
            <th scope="row">{metric.name}</th>
            <td className="rs-num">{metric.n}</td>
            <td className="rs-num" data-testid={`metric-mean-${metric.name}`}>
              {fixed(metric.mean)}
            </td>
            <td className="rs-num">{fixed(metric.min)}</td>
            <td className="rs-num">{fixed(metric.max)}</td>
            <td className="rs-num">{fixed(metric.fileMean)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
