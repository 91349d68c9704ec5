import type { HistogramBin } from '../../../../core/results/runStats';
import { BarChart } from './BarChart';

/** Scored rollouts per reward bin: [0, 0.1), [0.1, 0.2), …, [0.9, 1] (core/results/runStats). */
export function Histogram({ bins }: { bins: readonly HistogramBin[] }) {
  const total = bins.reduce((sum, bin) => sum + bin.count, 0);
  return (
    <BarChart
      testId="summary-histogram"
      title={`Reward distribution (n = ${total} scored)`}
      labelHeading="Reward bin"
      valueHeading="Rollouts"
      bars={bins.map((bin, i) => ({
        // Axis labels name the bin's lower edge; the hidden table spells out the interval.
        label: i === bins.length - 1 ? `≥${bin.low.toFixed(1)}` : bin.low.toFixed(1),
        value: bin.count,
        detail:
          i === bins.length - 1
            ? `${bin.low.toFixed(1)} to ${bin.high.toFixed(1)} inclusive`
            : `${bin.low.toFixed(1)} to under ${bin.high.toFixed(1)}`,
      }))}
    />
  );
}
