import { useMemo } from 'react';
import { accuracySummaryOf, groupLabelOf } from '../../../../core/results/envSummary';
import type { RolloutRow } from '../../../../core/results/rolloutRow';
import type { RunRecord } from '../../../../core/schema/run';
import '../../../env-results.css';
import '../../../results-summary.css';
import { AccuracyGroupTable } from './AccuracyGroupTable';
import { accuracyText, percent1 } from './envStatFormat';
import { plural } from './statFormat';

export interface AccuracySummaryProps {
  run: RunRecord;
  rows: RolloutRow[];
}

/** A multiple-choice run at a glance: accuracy with its 95% interval, overall and per group. */
export function AccuracySummary({ run, rows }: AccuracySummaryProps) {
  const { counts, unscored, accuracy } = useMemo(() => accuracySummaryOf(rows), [rows]);
  const groupLabel = groupLabelOf(run.settings);
  // Never hide what counting the unscored rollouts as wrong would give (as a tool writing 0 does).
  const ifWrong =
    unscored === 0 || accuracy.n === 0 ? null : accuracy.credit / (accuracy.n + unscored);
  const isMeanReward = accuracy.hasPartialCredit;
  return (
    <section
      className="panel"
      data-testid="run-summary"
      data-summary-kind="accuracy"
      aria-labelledby="run-summary-title"
    >
      <h2 id="run-summary-title">Summary</h2>
      <dl className="rs-tiles">
        <div className="rs-tile">
          <dt>{isMeanReward ? 'Mean reward [95% CI]' : 'Accuracy [95% CI]'}</dt>
          <dd>
            <span data-testid="accuracy-overall" data-value={accuracy.accuracy ?? ''}>
              {accuracyText(accuracy)}
            </span>
            <span className="rs-sub">
              {accuracy.correct} {isMeanReward ? 'with full credit' : 'correct'} of n = {accuracy.n}{' '}
              scored
            </span>
          </dd>
        </div>
        <div className="rs-tile">
          <dt>Unscored</dt>
          <dd>
            <span data-testid="accuracy-unscored">{unscored}</span>
            <span className="rs-sub">left out, not counted as wrong</span>
          </dd>
        </div>
        <div className="rs-tile">
          <dt>Rollouts</dt>
          <dd>
            {counts.done} done of {counts.total}
            <span className="rs-sub">
              {plural(counts.error, 'error')} · {counts.pending} pending
            </span>
          </dd>
        </div>
      </dl>
      <p className="rs-note">
        {isMeanReward
          ? 'Mean reward = the benchmark’s own credit (partial for some answers) averaged over scored rollouts; the interval is a 95% Wilson score interval of the summed credit (conservative for rewards in [0, 1]).'
          : 'Accuracy = share of scored rollouts whose answer matched the gold; the interval is a 95% Wilson score interval.'}
        {ifWrong !== null &&
          ` ${plural(unscored, 'unscored rollout')} left out; counting them as wrong would give ${percent1(ifWrong)}.`}
      </p>
      <AccuracyGroupTable groups={accuracy.byGroup} groupLabel={groupLabel} />
    </section>
  );
}
