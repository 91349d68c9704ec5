import { fixed } from './statFormat';

interface BreakdownRow {
  key: string;
  n: number;
  score: number | null;
  bootstrapSd: number | null;
}

interface ScoreBreakdownTableProps {
  caption: string;
  /** Header of the first column (Axis, Theme). */
  keyHeader: string;
  rows: readonly BreakdownRow[];
  rowTestId: string;
}

/** Rubric scores per axis or theme: n, score and its bootstrap standard deviation. */
export function ScoreBreakdownTable({
  caption,
  keyHeader,
  rows,
  rowTestId,
}: ScoreBreakdownTableProps) {
  return (
    <div className="table-wrap">
      <table className="data-table compact">
        <caption className="rs-note">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{keyHeader}</th>
            <th scope="col" className="rs-num">
              n
            </th>
            <th scope="col" className="rs-num">
              Score
            </th>
            <th scope="col" className="rs-num">
              SD
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={4} className="muted">
                None scored yet.
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={row.key} data-testid={rowTestId} data-key={row.key}>
              <th scope="row">{row.key}</th>
              <td className="rs-num">{row.n}</td>
              <td className="rs-num" data-value={row.score ?? ''}>
                {fixed(row.score)}
              </td>
              <td className="rs-num">{fixed(row.bootstrapSd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
