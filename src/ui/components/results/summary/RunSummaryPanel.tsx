import { useMemo } from 'react';
import type { RolloutRow } from '../../../../core/results/rolloutRow';
import { summaryKindOf } from '../../../../core/results/envSummary';
import { fileAvgReward, runRewardSource } from '../../../../core/results/rewardSource';
import { computeRunStats, judgeLabelsOf } from '../../../../core/results/runStats';
import type { RunRecord } from '../../../../core/schema/run';
import '../../../results-summary.css';
import { AccuracySummary } from './AccuracySummary';
import { BarsBySection } from './BarsBySection';
import { FileMetricsSummary } from './FileMetricsSummary';
import { Histogram } from './Histogram';
import { JudgeMeansTable } from './JudgeMeansTable';
import { PassAtKTable } from './PassAtKTable';
import { RubricSummary } from './RubricSummary';
import { fixed, plural } from './statFormat';
import { StatTiles } from './StatTiles';

export interface RunSummaryPanelProps {
  run: RunRecord;
  rows: RolloutRow[];
}

const NORMALISATION_TEXT = {
  fraction: 'each judge scores mean(criterion / 5), so rewards lie in [0.2, 1]',
  minus_one: 'each judge scores mean((criterion − 1) / 4), so rewards lie in [0, 1]',
};

/** What a jury run's reward is: the judges' scores as the run normalised them, or the file's. */
function rewardText(run: RunRecord): string {
  const source = runRewardSource(run);
  if (source?.readFromFile === true) {
    return `Reward = each rollout’s reward as the file gives it (${source.label}), not recomputed here.`;
  }
  return `Reward = mean of the judges’ normalised scores (${NORMALISATION_TEXT[run.settings.normalisation]}).`;
}

/** A run's results at a glance, as its benchmark summarises them (core/envs/types.ts `summary`). */
export function RunSummaryPanel({ run, rows }: RunSummaryPanelProps) {
  switch (summaryKindOf(run.settings, rows)) {
    case 'accuracy':
      return <AccuracySummary run={run} rows={rows} />;
    case 'rubric':
      return <RubricSummary run={run} rows={rows} />;
    case 'metrics':
      return <FileMetricsSummary run={run} rows={rows} />;
    case 'jury':
      return <JurySummaryPanel run={run} rows={rows} />;
  }
}

/** A jury run: headline numbers, reward distribution, sections, judges, pass@k. */
function JurySummaryPanel({ run, rows }: RunSummaryPanelProps) {
  const stats = useMemo(
    () => computeRunStats(rows, judgeLabelsOf(run.settings.judges)),
    [rows, run.settings.judges],
  );
  const { scored, unscored } = stats.counts;
  // Spec §5: never hide that the reference implementations score an unscored rollout 0 (MedARC).
  const meanIfZero =
    stats.reward.mean === null || unscored === 0
      ? null
      : (stats.reward.mean * scored) / (scored + unscored);
  return (
    <section className="panel" data-testid="run-summary" aria-labelledby="run-summary-title">
      <h2 id="run-summary-title">Summary</h2>
      <StatTiles headline={stats} rewardTestId="summary-mean-reward" />
      <p className="rs-note" data-testid="summary-reward-note">
        {rewardText(run)} The interval is a seeded 95% bootstrap over scored rollouts.
        {meanIfZero !== null &&
          ` ${plural(unscored, 'unscored rollout')} left out; scoring them 0 as MedARC does would give ${fixed(meanIfZero)}.`}
        {fileAvgReward(run) !== null && ` The file’s avg_reward: ${fixed(fileAvgReward(run))}.`}
      </p>
      <div className="rs-grid">
        <Histogram bins={stats.histogram} />
        <BarsBySection sections={stats.bySection} />
      </div>
      <JudgeMeansTable stats={stats} />
      {stats.passAtK !== null && <PassAtKTable passAtK={stats.passAtK} />}
    </section>
  );
}
