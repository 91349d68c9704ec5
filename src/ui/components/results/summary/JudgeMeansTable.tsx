import { CRITERIA } from '../../../../core/envs/mtsamples/judge';
import type { RunStats } from '../../../../core/results/runStats';
import { meanText } from './statFormat';

const CRITERION_LABELS = { accuracy: 'Accuracy', completeness: 'Completeness', clarity: 'Clarity' };

/** Per-criterion means (1–5) for the jury and for each judge, with each judge's normalised score. */
export function JudgeMeansTable({ stats }: { stats: RunStats }) {
  return (
    <div className="table-wrap">
      <table className="data-table compact">
        <caption className="rs-note">
          Criterion means on the 1–5 scale; n = rollouts with a score.
        </caption>
        <thead>
          <tr>
            <th scope="col">Rater</th>
            <th scope="col" className="rs-num">
              Score (normalised)
            </th>
            {CRITERIA.map((c) => (
              <th key={c} scope="col" className="rs-num">
                {CRITERION_LABELS[c]}
              </th>
            ))}
            <th scope="col" className="rs-num">
              Failed calls
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Jury (mean over judges)</th>
            <td className="rs-num">
              {meanText(stats.reward, 3)} (n {stats.reward.n})
            </td>
            {CRITERIA.map((c) => (
              <td key={c} className="rs-num">
                {meanText(stats.criterionMeans[c])} (n {stats.criterionMeans[c].n})
              </td>
            ))}
            <td className="rs-num">—</td>
          </tr>
          {stats.judges.map((judge) => (
            <tr key={judge.index}>
              <th scope="row">{judge.label}</th>
              <td className="rs-num">
                {meanText(judge.score, 3)} (n {judge.score.n})
              </td>
              {CRITERIA.map((c) => (
                <td key={c} className="rs-num">
                  {meanText(judge.criteria[c])} (n {judge.criteria[c].n})
                </td>
              ))}
              <td className="rs-num">{judge.failed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
