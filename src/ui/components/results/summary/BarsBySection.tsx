import type { SectionStats } from '../../../../core/results/runStats';
import { intervalText } from './statFormat';

const WIDTH = 360;
const LABEL = 130;
const ROW = 18;
const PLOT = WIDTH - LABEL - 60;

function sectionName(section: SectionStats): string {
  return section.section ?? '(no section)';
}

/** Mean reward per section on a 0–1 scale, with its 95% interval as a whisker and n beside it. */
export function BarsBySection({ sections }: { sections: readonly SectionStats[] }) {
  const height = Math.max(1, sections.length) * ROW + 4;
  const x = (value: number) => LABEL + Math.min(1, Math.max(0, value)) * PLOT;
  const summary = sections
    .map((s) => `${sectionName(s)}: ${intervalText(s.reward, 2)}, n = ${s.reward.n}`)
    .join('; ');
  return (
    <figure className="rs-chart" data-testid="summary-by-section">
      <figcaption>Mean reward by section [95% CI]</figcaption>
      {sections.length === 0 ? (
        <p className="muted">No rollouts yet.</p>
      ) : (
        <svg
          viewBox={`0 0 ${WIDTH} ${height}`}
          role="img"
          aria-label={`Mean reward by section. ${summary}`}
        >
          <line className="rs-axis" x1={LABEL} x2={LABEL} y1={0} y2={height} />
          {sections.map((section, i) => {
            const y = i * ROW + 2;
            const { mean, low, high, n } = section.reward;
            return (
              <g key={sectionName(section)}>
                <text x={LABEL - 4} y={y + ROW / 2 + 3} textAnchor="end">
                  {sectionName(section).slice(0, 22)}
                </text>
                {mean !== null && (
                  <rect
                    className="rs-bar"
                    x={LABEL}
                    y={y + 3}
                    width={x(mean) - LABEL}
                    height={ROW - 6}
                  />
                )}
                {low !== null && high !== null && n > 1 && (
                  <line
                    className="rs-whisker"
                    x1={x(low)}
                    x2={x(high)}
                    y1={y + ROW / 2}
                    y2={y + ROW / 2}
                  />
                )}
                <text className="rs-value" x={LABEL + PLOT + 4} y={y + ROW / 2 + 3}>
                  {mean === null ? '—' : mean.toFixed(2)} (n {n})
                </text>
              </g>
            );
          })}
        </svg>
      )}
      <table className="rs-sr-only">
        <caption>Mean reward by section</caption>
        <thead>
          <tr>
            <th scope="col">Section</th>
            <th scope="col">Mean [95% CI]</th>
            <th scope="col">Scored</th>
            <th scope="col">Rollouts</th>
          </tr>
        </thead>
        <tbody>
          {sections.map((section) => (
            <tr key={sectionName(section)}>
              <td>{sectionName(section)}</td>
              <td>{intervalText(section.reward)}</td>
              <td>{section.reward.n}</td>
              <td>{section.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
