import { JURY_SCORE_DEFINITION, JURY_SCORE_LABEL } from '../../../../core/envs/mtsamples/helmJury';
import type { RunHeadline } from '../../../../core/results/runStats';
import { formatTokens, formatUsd } from '../../run/runFormat';
import { intervalText, meanText, plural } from './statFormat';

interface StatTilesProps {
  headline: RunHeadline;
  /** Set on the mean-reward tile (the summary panel's `summary-mean-reward`). */
  rewardTestId?: string;
  /** The HELM jury score tile: MTSamples runs only (other benchmarks have no 1–5 jury). */
  hasJuryScore?: boolean;
}

/** The headline numbers of one run as a row of tiles. */
export function StatTiles({ headline, rewardTestId, hasJuryScore = true }: StatTilesProps) {
  const { counts, reward, juryScore, usage } = headline;
  return (
    <dl className="rs-tiles">
      <div className="rs-tile" data-testid={rewardTestId}>
        <dt>Mean reward [95% CI]</dt>
        <dd>
          {intervalText(reward)}
          <span className="rs-sub">n = {reward.n} scored</span>
        </dd>
      </div>
      {hasJuryScore && (
        <div className="rs-tile" title={JURY_SCORE_DEFINITION} data-testid="jury-score-tile">
          <dt>{JURY_SCORE_LABEL}</dt>
          <dd>
            {meanText(juryScore)}
            <span className="rs-sub">mean of per-rollout means · n = {juryScore.n}</span>
          </dd>
        </div>
      )}
      <div className="rs-tile">
        <dt>Rollouts</dt>
        <dd>
          {counts.done} done of {counts.total}
          <span className="rs-sub">
            {counts.unscored} unscored · {plural(counts.error, 'error')} · {counts.pending} pending
          </span>
        </dd>
      </div>
      <div className="rs-tile">
        <dt>Cost</dt>
        <dd>
          {/* Nothing reported a cost (an imported file): unknown, not $0. */}
          {counts.total > 0 && usage.rowsWithoutCost >= counts.total
            ? '—'
            : formatUsd(usage.costUsd)}
          <span className="rs-sub" data-testid="stat-usage">
            {/* A finished run whose rows report no tokens (a file without usage): unknown, not 0. */}
            {counts.total > 0 && counts.pending === 0 && usage.rowsWithTokens === 0
              ? 'no token counts recorded'
              : `${formatTokens(usage.inputTokens)} in · ${formatTokens(usage.outputTokens)} out tokens, all calls`}
            {usage.rowsWithoutCost > 0 &&
              ` · ${plural(usage.rowsWithoutCost, 'rollout')} without a cost`}
          </span>
        </dd>
      </div>
    </dl>
  );
}
