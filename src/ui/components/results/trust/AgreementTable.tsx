import type { CriterionTrust } from '../../../../core/results/runStats';
import { MIN_TRUSTWORTHY_N } from '../../../../core/results/runStats';
import type { PairwiseAgreement } from '../../../../core/stats/agreement';
import { fixed, percent } from '../summary/statFormat';

const CRITERION_LABELS = { accuracy: 'Accuracy', completeness: 'Completeness', clarity: 'Clarity' };

/** Spearman, exact, within-one and α with their n, for one pair of raters; shared with the human table. */
export function AgreementCells({ agreement }: { agreement: PairwiseAgreement }) {
  return (
    <>
      <td className="rs-num">
        {agreement.n}
        {agreement.n < MIN_TRUSTWORTHY_N && (
          <>
            {' '}
            <span
              className="rs-flag"
              title={`Fewer than ${MIN_TRUSTWORTHY_N} items: too few to trust`}
            >
              small n
            </span>
          </>
        )}
      </td>
      <td className="rs-num">{fixed(agreement.spearman, 2)}</td>
      <td className="rs-num">{percent(agreement.exact)}</td>
      <td className="rs-num">{percent(agreement.withinOne)}</td>
      <td className="rs-num">{fixed(agreement.alpha, 2)}</td>
    </>
  );
}

export function AgreementHeadings() {
  return (
    <>
      <th scope="col" className="rs-num">
        n
      </th>
      <th scope="col" className="rs-num">
        Spearman ρ
      </th>
      <th scope="col" className="rs-num">
        Exact
      </th>
      <th scope="col" className="rs-num">
        Within one
      </th>
      <th scope="col" className="rs-num">
        α (ordinal)
      </th>
    </>
  );
}

/** Every pair of raters on one criterion, and α over all of them together. */
export function AgreementTable({ trust }: { trust: CriterionTrust }) {
  const label = CRITERION_LABELS[trust.criterion];
  return (
    <div className="table-wrap" data-testid="agreement-table" data-criterion={trust.criterion}>
      <table className="data-table compact">
        <caption className="rs-note">
          {label}: α over all raters {fixed(trust.matrix.alpha, 2)} (n = {trust.matrix.n} rollouts
          with two or more scores)
        </caption>
        <thead>
          <tr>
            <th scope="col">Pair</th>
            <AgreementHeadings />
          </tr>
        </thead>
        <tbody>
          {trust.matrix.pairs.length === 0 ? (
            <tr>
              <td colSpan={6} className="muted">
                One rater only: nothing to compare.
              </td>
            </tr>
          ) : (
            trust.matrix.pairs.map((pair) => (
              <tr key={`${pair.a.id}|${pair.b.id}`}>
                <th scope="row">
                  {pair.a.label} × {pair.b.label}
                </th>
                <AgreementCells agreement={pair} />
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
