import type { HumanAgreement } from '../../../../core/results/runStats';
import { AgreementCells, AgreementHeadings } from './AgreementTable';

/** How each judge agrees with the reviewer's own ratings, the three criteria pooled. */
export function HumanAgreementTable({
  human,
  humanRated,
}: {
  human: readonly HumanAgreement[];
  humanRated: number;
}) {
  if (humanRated === 0) {
    return (
      <p className="muted">
        No human ratings yet: rate rollouts 1–5 in their detail view to see how far each judge
        agrees with you.
      </p>
    );
  }
  return (
    <div className="table-wrap">
      <table className="data-table compact" data-testid="human-agreement">
        <caption className="rs-note">
          Each judge against your ratings ({humanRated} rollouts rated); n counts (rollout,
          criterion) pairs both of you scored.
        </caption>
        <thead>
          <tr>
            <th scope="col">Judge × human</th>
            <AgreementHeadings />
          </tr>
        </thead>
        <tbody>
          {human.map((judge) => (
            <tr key={judge.judgeIndex}>
              <th scope="row">{judge.label}</th>
              <AgreementCells agreement={judge.overall} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
