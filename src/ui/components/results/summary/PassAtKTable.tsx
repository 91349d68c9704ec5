import type { PassAtKStats } from '../../../../core/results/runStats';
import { percent } from './statFormat';

/** pass@k for runs with several rollouts per example (a rollout passes at reward ≥ 0.5). */
export function PassAtKTable({ passAtK }: { passAtK: PassAtKStats }) {
  const ks = Object.keys(passAtK.table);
  return (
    <div>
      <h3 className="small">pass@k</h3>
      <p className="rs-note">
        Chance that at least one of k rollouts reaches reward ≥ {passAtK.threshold}, over the{' '}
        {passAtK.completeExamples} of {passAtK.examples} examples whose {passAtK.rolloutsPerExample}{' '}
        rollouts are all scored.
      </p>
      {ks.length === 0 ? (
        <p className="muted">No example has all its rollouts scored yet.</p>
      ) : (
        <table className="data-table compact">
          <thead>
            <tr>
              {ks.map((k) => (
                <th key={k} scope="col" className="rs-num">
                  pass@{k}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {ks.map((k) => (
                <td key={k} className="rs-num">
                  {percent(passAtK.table[k])}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      )}
    </div>
  );
}
