import { useMemo } from 'react';
import { JURY_SCORE_LABEL } from '../../../core/envs/mtsamples/helmJury';
import { overviewSummary, type RunOverview } from '../../../core/runOverview';
import { summarizeLive } from '../../../core/runLive';
import { useRunLive } from '../../hooks/useRunLive';
import { CreationNote } from './CreationNote';
import { RunSpeedView } from './RunSpeedView';
import type { RunRecord } from '../../../core/schema/run';
import { useRunClock } from '../../hooks/useRunClock';
import { useRunPrices } from '../../hooks/useRunPrices';
import { formatDuration, formatScore, formatTokens, formatUsd } from './runFormat';

interface ProgressPanelProps {
  run: RunRecord;
  /** The stored run's figures (the worker's); undefined while live or not read yet. */
  overview: RunOverview | undefined;
  isLive: boolean;
}

/** Live progress: counts, rate, ETA, mean reward with its interval, tokens, spend and speed. */
export function ProgressPanel({ run, overview, isLive }: ProgressPanelProps) {
  const clock = useRunClock(isLive);
  const prices = useRunPrices();
  // While the run runs, its worker's report replaces the stored rollouts' figures.
  const live = useRunLive(run.id);
  const isReported = isLive && live !== null && !live.isFinal;
  // The stored figures once the run stopped; until they are read, its last report.
  const summary = useMemo(
    () =>
      isReported
        ? summarizeLive(live, Math.max(clock, live.at), prices)
        : overview !== undefined
          ? overviewSummary(overview, prices)
          : live !== null
            ? summarizeLive(live, live.at, prices)
            : null,
    [isReported, live, overview, clock, prices],
  );
  // How far the creation of its rollouts got: the worker's report while it runs, else its overview.
  const creation = isReported
    ? live.creation
    : overview !== undefined
      ? overview.creation
      : (live?.creation ?? null);
  if (summary === null) {
    return isLive ? (
      <section className="progress-panel" aria-label="Progress">
        <p className="muted">Starting…</p>
      </section>
    ) : null;
  }
  const { reward, spend } = summary;

  return (
    <section className="progress-panel" aria-label="Progress">
      <div className="progress-row">
        <progress
          value={summary.finished}
          max={Math.max(summary.total, 1)}
          aria-label="Rollouts finished"
        />
        <span data-testid="run-progress">
          {summary.finished} / {summary.total}
        </span>
        {isLive && summary.throughputPerMin !== null && (
          <span className="muted">
            {summary.throughputPerMin.toFixed(1)} rollouts/min
            {summary.etaMs !== null &&
              summary.etaMs > 0 &&
              ` · about ${formatDuration(summary.etaMs)} left`}
          </span>
        )}
      </div>
      <CreationNote creation={creation} isLive={isReported} status={run.status} />
      <dl className="summary">
        <Stat label="Done" value={summary.done} />
        <Stat label="Failed" value={summary.failed} />
        <Stat label="Unscored" value={summary.unscored} />
        <Stat label="Pending + in flight" value={summary.pending + summary.inFlight} />
        <Stat label="Total" value={summary.total} />
        <div>
          <dt>
            Mean reward (95%{' '}
            {isReported || overview === undefined
              ? 'CI, normal approximation while running'
              : 'bootstrap CI'}
            )
          </dt>
          <dd data-testid="run-mean-reward">
            {reward.mean === null
              ? '—'
              : `${formatScore(reward.mean)} [${formatScore(reward.low)}, ${formatScore(reward.high)}] · n = ${reward.n}`}
          </dd>
        </div>
        <Stat label={JURY_SCORE_LABEL} value={formatScore(summary.juryScore, 2)} />
        {summary.judgeMeans.length > 1 &&
          summary.judgeMeans.map((value, index) => (
            <Stat
              key={index}
              label={`Judge ${index + 1}: ${run.settings.judges[index]?.model ?? ''}`}
              value={formatScore(value)}
            />
          ))}
        <Stat
          label="Tokens in / out"
          value={`${formatTokens(summary.tokens.input)} / ${formatTokens(summary.tokens.output)}`}
        />
        <div>
          <dt>Spend so far</dt>
          <dd data-testid="run-spend">
            {formatUsd(spend.totalUsd)}{' '}
            <span className="muted small">
              {spendNote(
                spend.reportedUsd,
                spend.estimatedUsd,
                spend.unpricedCalls,
                spend.cachedCalls,
              )}
            </span>
          </dd>
        </div>
      </dl>
      {isReported && <RunSpeedView speed={live.speed} />}
    </section>
  );
}

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function spendNote(reported: number, estimated: number, unpriced: number, cached: number): string {
  const parts: string[] = [];
  if (reported > 0) parts.push(`${formatUsd(reported)} reported by the provider`);
  if (estimated > 0) parts.push(`${formatUsd(estimated)} estimated from prices`);
  if (unpriced > 0) parts.push(`${plural(unpriced, 'call')} without a price`);
  if (cached > 0) parts.push(`${plural(cached, 'cached call')}, free`);
  return parts.length === 0 ? '' : `(${parts.join('; ')})`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
