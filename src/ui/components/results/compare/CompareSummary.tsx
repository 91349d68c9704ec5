import type { RunComparison } from '../../../../core/results/compareRuns';
import { isJuryRun } from '../../../../core/results/envSummary';
import { rewardSourceMismatch, runRewardSource } from '../../../../core/results/rewardSource';
import { TIE_EPSILON } from '../../../../core/results/compareRuns';
import type { RunHeadline } from '../../../../core/results/runStats';
import type { RunRecord } from '../../../../core/schema/run';
import { signed } from '../summary/statFormat';
import { StatTiles } from '../summary/StatTiles';

interface CompareSummaryProps {
  runs: readonly RunRecord[];
  headlines: readonly RunHeadline[];
  comparison: RunComparison;
}

/** Each run's headline numbers, then each run against the baseline: mean Δ with its CI and W/T/L. */
export function CompareSummary({ runs, headlines, comparison }: CompareSummaryProps) {
  const [baseline] = runs;
  const mismatch = rewardSourceMismatch(runs);
  return (
    <>
      {mismatch !== null && (
        <p className="banner" role="alert" data-testid="compare-preset-warning">
          {mismatch}
        </p>
      )}
      {runs.map((run, i) => {
        const headline = headlines[i];
        const vs = i === 0 ? undefined : comparison.vsBaseline[i - 1];
        const source = runRewardSource(run);
        return (
          <section key={run.id} className="panel">
            <h3>
              <a href={`#/results?run=${encodeURIComponent(run.id)}`}>{run.name}</a>{' '}
              <span className="muted small">
                {run.settings.model.model}
                {source !== null && (
                  <span data-testid="compare-reward-source" title={source.reproduces}>
                    {' · '}
                    {source.readFromFile ? `reward ${source.label}` : source.label}
                  </span>
                )}
                {i === 0 && ' · baseline'}
              </span>
            </h3>
            {headline !== undefined && (
              <StatTiles headline={headline} hasJuryScore={isJuryRun(run.settings)} />
            )}
            {vs !== undefined && (
              <>
                <p data-testid="compare-diff">
                  Mean Δ vs {baseline?.name ?? 'the baseline'}:{' '}
                  <strong>{signed(vs.diff.mean)}</strong> (95% CI {signed(vs.diff.low)} to{' '}
                  {signed(vs.diff.high)}, paired over {vs.paired} examples)
                </p>
                <p data-testid="compare-wtl">
                  {vs.wins} wins · {vs.ties} ties · {vs.losses} losses
                  <span className="muted small">
                    {' '}
                    (tie: |Δ| &lt; {TIE_EPSILON}) · {vs.onlyBaseline} examples scored only in the
                    baseline, {vs.onlyRun} only in this run (not paired)
                  </span>
                </p>
              </>
            )}
          </section>
        );
      })}
    </>
  );
}
