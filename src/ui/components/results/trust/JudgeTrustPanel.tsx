import { useMemo } from 'react';
import type { RolloutRow } from '../../../../core/results/rolloutRow';
import {
  computeJudgeTrust,
  judgeLabelsOf,
  MIN_TRUSTWORTHY_N,
} from '../../../../core/results/runStats';
import type { RunRecord } from '../../../../core/schema/run';
import { spreadReading } from '../../../../core/results/spreadReading';
import '../../../results-summary.css';
import { fixed } from '../summary/statFormat';
import { AgreementTable } from './AgreementTable';
import { HumanAgreementTable } from './HumanAgreementTable';
import { SpreadChart } from './SpreadChart';

export interface JudgeTrustPanelProps {
  run: RunRecord;
  rows: RolloutRow[];
}

/** How far the judges agree with each other and with the reviewer, and how much that can be trusted. */
export function JudgeTrustPanel({ run, rows }: JudgeTrustPanelProps) {
  const trust = useMemo(
    () => computeJudgeTrust(rows, judgeLabelsOf(run.settings.judges)),
    [rows, run.settings.judges],
  );
  const reading = spreadReading(trust);
  return (
    <section className="panel" data-testid="judge-trust" aria-labelledby="judge-trust-title">
      <h2 id="judge-trust-title">Judge trust</h2>
      <p>
        Overall α across judges: <strong>{fixed(trust.alpha, 2)}</strong>{' '}
        <span className="muted">
          (n = {trust.alphaN} rollout × criterion scores from two or more judges)
        </span>
      </p>
      <ul className="rs-note">
        <li>
          <strong>Spearman ρ</strong>: do two raters rank rollouts in the same order (1 = same
          order, 0 = unrelated; blank when a rater gives one score to everything).
        </li>
        <li>
          <strong>Exact / within one</strong>: the share of rollouts on which two raters give the
          same score, or scores at most one point apart.
        </li>
        <li>
          <strong>Krippendorff&apos;s α</strong>: agreement beyond chance, ordinal (1 = perfect, 0 =
          chance, below 0 = systematic disagreement; about 0.67 is the usual lowest acceptable
          value).
        </li>
        <li>
          <strong>n</strong>: items both raters scored; below {MIN_TRUSTWORTHY_N} a number is marked{' '}
          <span className="rs-flag">small n</span> because one rollout more or less can move it a
          lot.
        </li>
      </ul>
      {trust.judges < 2 && (
        <p className="muted">
          One judge only: judge-to-judge agreement needs a jury of two or more.
        </p>
      )}
      <div className="rs-grid">
        {trust.criteria.map((criterion) => (
          <AgreementTable key={criterion.criterion} trust={criterion} />
        ))}
      </div>
      <div className="rs-grid">
        <div>
          <SpreadChart spread={trust.spread} />
          {reading !== null && (
            <p className="rs-note" data-testid="spread-reading">
              {reading}
            </p>
          )}
        </div>
        <div>
          <h3 className="small">Judges against human ratings</h3>
          <HumanAgreementTable human={trust.human} humanRated={trust.humanRated} />
        </div>
      </div>
    </section>
  );
}
