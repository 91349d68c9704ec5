interface Bar {
  label: string;
  value: number;
  /** What the hidden table says instead of the short axis label. */
  detail?: string;
}

interface BarChartProps {
  /** The chart's caption; also the start of its accessible name. */
  title: string;
  bars: readonly Bar[];
  /** Column headings of the visually hidden table that carries the same data. */
  labelHeading: string;
  valueHeading: string;
  testId?: string;
}

const WIDTH = 320;
const HEIGHT = 120;
const BOTTOM = 16;
const TOP = 12;

/** Vertical bars (counts): an SVG for the eye and a hidden table for screen readers. */
export function BarChart({ title, bars, labelHeading, valueHeading, testId }: BarChartProps) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const slot = WIDTH / Math.max(1, bars.length);
  const plot = HEIGHT - BOTTOM - TOP;
  const summary = bars.map((bar) => `${bar.detail ?? bar.label}: ${bar.value}`).join(', ');
  return (
    <figure className="rs-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title}. ${summary}`}>
        <line className="rs-axis" x1={0} x2={WIDTH} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} />
        {bars.map((bar, i) => {
          const height = (bar.value / max) * plot;
          const x = i * slot;
          return (
            <g key={bar.label}>
              <rect
                className="rs-bar"
                x={x + slot * 0.1}
                width={slot * 0.8}
                y={HEIGHT - BOTTOM - height}
                height={height}
              />
              {bar.value > 0 && (
                <text
                  className="rs-value"
                  x={x + slot / 2}
                  y={HEIGHT - BOTTOM - height - 2}
                  textAnchor="middle"
                >
                  {bar.value}
                </text>
              )}
              <text x={x + slot / 2} y={HEIGHT - 4} textAnchor="middle">
                {bar.label}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="rs-sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeading}</th>
            <th scope="col">{valueHeading}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.label}>
              <td>{bar.detail ?? bar.label}</td>
              <td>{bar.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
