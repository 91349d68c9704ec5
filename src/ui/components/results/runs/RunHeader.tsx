import { useMemo } from 'react';
import type { RolloutRow } from '../../../../core/results/rolloutRow';
import { isJuryRun, summaryKindOf } from '../../../../core/results/envSummary';
import { runDatesOf, type RunDate } from '../../../../core/results/runDates';
import { computeRunHeadline } from '../../../../core/results/runStats';
import type { RunRecord } from '../../../../core/schema/run';
import '../../../results-summary.css';
import { StatTiles } from '../summary/StatTiles';
import { ReproduceDetails } from './ReproduceDetails';
import { RewardSourceNote } from './RewardSourceNote';
import { RunActions } from './RunActions';
import { RunNameEditor } from './RunNameEditor';
import { runRewardSource } from '../../../../core/results/rewardSource';
import { datasetLineText, scorersText } from './runFacts';

function dateText(date: RunDate): string {
  return date.kind === 'text' ? date.text : new Date(date.ms).toLocaleString();
}

/** A run's identity, headline numbers, how to reproduce it, and what can be done with it. */
export function RunHeader({ run, rows }: { run: RunRecord; rows: RolloutRow[] }) {
  const headline = useMemo(() => computeRunHeadline(rows), [rows]);
  const { settings } = run;
  const preset = runRewardSource(run);
  return (
    <header className="panel rs-run-header" data-testid="run-header">
      <RunNameEditor run={run} />
      <dl className="summary">
        <div>
          <dt>Model</dt>
          <dd>{settings.model.model}</dd>
        </div>
        <div>
          <dt>{summaryKindOf(settings, rows) === 'metrics' ? 'Scored by' : 'Judges'}</dt>
          <dd>{scorersText(run, rows)}</dd>
        </div>
        <div>
          <dt>Dataset</dt>
          <dd>{datasetLineText(run, rows)}</dd>
        </div>
        {preset !== null && (
          <div>
            <dt>{preset.readFromFile ? 'Reward' : 'Reproduces'}</dt>
            <dd
              data-testid="run-preset"
              data-preset={preset.id}
              data-read-from-file={preset.readFromFile}
              title={preset.reproduces}
            >
              {preset.label}
            </dd>
          </div>
        )}
        <div>
          <dt>Status</dt>
          <dd>
            {run.status}
            {run.kind === 'rescore' && ' · re-score'}
            {run.origin === 'imported' && ' · imported'}
          </dd>
        </div>
        {runDatesOf(run).map((date) => (
          <div key={date.label}>
            <dt>{date.label}</dt>
            <dd>{dateText(date)}</dd>
          </div>
        ))}
      </dl>
      <RewardSourceNote source={preset} />
      <StatTiles headline={headline} hasJuryScore={isJuryRun(settings, rows)} />
      <RunActions run={run} />
      <ReproduceDetails run={run} rows={rows} />
    </header>
  );
}
