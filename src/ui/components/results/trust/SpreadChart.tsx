import type { SpreadDistribution } from '../../../../core/stats/agreement';
import { BarChart } from '../summary/BarChart';

/** How far apart the judges' 1–5 scores are on each (rollout, criterion). */
export function SpreadChart({ spread }: { spread: SpreadDistribution }) {
  return (
    <BarChart
      testId="spread-chart"
      title={`Judge spread, highest − lowest score (n = ${spread.n})`}
      labelHeading="Spread (points)"
      valueHeading="Rollout × criterion"
      bars={spread.bins.map((bin) => ({
        label: String(bin.spread),
        value: bin.count,
        detail: `${bin.spread} point${bin.spread === 1 ? '' : 's'} apart`,
      }))}
    />
  );
}
