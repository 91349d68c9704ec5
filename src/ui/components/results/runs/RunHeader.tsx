import { useMemo } from 'react';
import type { RolloutRow } from '../../../../core/results/rolloutRow';
import { computeRunHeadline } from '../../../../core/results/runStats';
import type { RunRecord } from '../../../../core/schema/run';
import '../../../results-summary.css';
import { StatTiles } from '../summary/StatTiles';
import { ReproduceDetails } from './ReproduceDetails';
import { RunActions } from './RunActions';
import { RunNameEditor } from './RunNameEditor';

function dateText(ms: number | undefined): string {
  return ms === undefined ? '—' : new Date(ms).toLocaleString();
}

/** A run's identity, headline numbers, how to reproduce it, and what can be done with it. */
export function RunHeader({ run, rows }: { run: RunRecord; rows: RolloutRow[] }) {
  const headline = useMemo(() => computeRunHeadline(rows), [rows]);
  const { settings, dataset } = run;
  return (
    <header className="panel rs-run-header" data-testid="run-header">
      <RunNameEditor run={run} />
      <dl className="summary">
        <div>
          <dt>Model</dt>
          <dd>{settings.model.model}</dd>
        </div>
        <div>
          <dt>Judges</dt>
          <dd>{settings.judges.map((judge) => judge.model).join(', ')}</dd>
        </div>
        <div>
          <dt>Dataset</dt>
          <dd>
            {dataset.label}
            {dataset.commit !== undefined && ` @ ${dataset.commit.slice(0, 10)}`} · rules v
            {dataset.rulesVersion} · {dataset.inputCut} cut
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            {run.status}
            {run.kind === 'rescore' && ' · re-score'}
            {run.origin === 'imported' && ' · imported'}
          </dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{dateText(run.createdAt)}</dd>
        </div>
        <div>
          <dt>Finished</dt>
          <dd>{dateText(run.finishedAt)}</dd>
        </div>
      </dl>
      <StatTiles headline={headline} />
      <RunActions run={run} />
      <ReproduceDetails run={run} />
    </header>
  );
}
