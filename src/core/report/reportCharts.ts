// Owns the report's two charts as inline SVG: no script, no external resource, colours from the page's
// CSS variables (so they follow light/dark/print), and a text alternative (role="img", aria-label,
// <title>) that states the same numbers. Labels from data go through `html`, like everything else. Pure.
import type { HistogramBin, SectionStats } from '../results/runStats';
import { html, type SafeHtml } from './escapeHtml';

const WIDTH = 560;
const PLOT_LEFT = 40;
const PLOT_RIGHT = 12;

function fixed(value: number, digits = 1): string {
  return value.toFixed(digits);
}

function svgFrame(label: string, height: number, body: readonly SafeHtml[]): SafeHtml {
  return html`<svg
    class="chart"
    role="img"
    aria-label="${label}"
    viewBox="0 0 ${WIDTH} ${height}"
    width="${WIDTH}"
    height="${height}"
  >
    <title>${label}</title>
    ${body}
  </svg>`;
}

function histogramLabel(bins: readonly HistogramBin[]): string {
  const parts = bins.map((bin) => `${fixed(bin.low)}–${fixed(bin.high)}: ${bin.count}`);
  return `Reward histogram, scored rollouts per bin: ${parts.join('; ')}`;
}

/** Ten bars over [0, 1]; the tallest bar fills the plot, each labelled with its count. */
export function rewardHistogramSvg(bins: readonly HistogramBin[]): SafeHtml {
  const height = 200;
  const plotTop = 16;
  const plotBottom = height - 28;
  const plotHeight = plotBottom - plotTop;
  const step = (WIDTH - PLOT_LEFT - PLOT_RIGHT) / Math.max(1, bins.length);
  const most = bins.reduce((max, bin) => Math.max(max, bin.count), 0);
  const bars = bins.map((bin, i) => {
    const barHeight = most === 0 ? 0 : (bin.count / most) * plotHeight;
    const x = PLOT_LEFT + i * step;
    const y = plotBottom - barHeight;
    return html`<rect
        class="bar"
        x="${fixed(x + 2)}"
        y="${fixed(y)}"
        width="${fixed(step - 4)}"
        height="${fixed(barHeight)}"
      ></rect
      ><text class="count" x="${fixed(x + step / 2)}" y="${fixed(y - 3)}" text-anchor="middle"
        >${bin.count}</text
      ><text class="tick" x="${fixed(x)}" y="${plotBottom + 14}" text-anchor="middle"
        >${fixed(bin.low)}</text
      >`;
  });
  const axis = html`<line
      class="axis"
      x1="${PLOT_LEFT}"
      y1="${plotBottom}"
      x2="${WIDTH - PLOT_RIGHT}"
      y2="${plotBottom}"
    ></line
    ><text class="tick" x="${WIDTH - PLOT_RIGHT}" y="${plotBottom + 14}" text-anchor="middle"
      >1.0</text
    ><text class="tick" x="${WIDTH / 2}" y="${height - 2}" text-anchor="middle">reward</text>`;
  return svgFrame(histogramLabel(bins), height, [...bars, axis]);
}

function sectionName(section: SectionStats): string {
  return section.section ?? '(no section)';
}

function meanText(section: SectionStats): string {
  const { mean, low, high, n } = section.reward;
  if (mean === null) return `no scored rollouts of ${section.total}`;
  const interval = low === null || high === null ? '' : ` [${low.toFixed(3)}, ${high.toFixed(3)}]`;
  return `${mean.toFixed(3)}${interval} n=${n}`;
}

function sectionLabel(sections: readonly SectionStats[]): string {
  const parts = sections.map((s) => `${sectionName(s)}: ${meanText(s)}`);
  return `Mean reward by section with 95% interval: ${parts.join('; ')}`;
}

const SECTION_ROW = 26;
const SECTION_BAR = SECTION_ROW - 10;
const SECTION_LABEL_WIDTH = 150;
const SECTION_PLOT_LEFT = SECTION_LABEL_WIDTH + 8;
const SECTION_PLOT_WIDTH = WIDTH - SECTION_PLOT_LEFT - 170;

/** x of a reward on the section chart's fixed [0, 1] scale. */
function sectionX(value: number): number {
  return SECTION_PLOT_LEFT + Math.min(1, Math.max(0, value)) * SECTION_PLOT_WIDTH;
}

function sectionRow(section: SectionStats, index: number): SafeHtml {
  const y = index * SECTION_ROW + 6;
  const middle = y + SECTION_BAR / 2;
  const { mean, low, high } = section.reward;
  const bar =
    mean === null
      ? null
      : html`<rect
          class="bar"
          x="${SECTION_PLOT_LEFT}"
          y="${y}"
          width="${fixed(sectionX(mean) - SECTION_PLOT_LEFT)}"
          height="${SECTION_BAR}"
        ></rect>`;
  const whisker =
    low === null || high === null
      ? null
      : html`<line
          class="whisker"
          x1="${fixed(sectionX(low))}"
          y1="${middle}"
          x2="${fixed(sectionX(high))}"
          y2="${middle}"
        ></line>`;
  const name = sectionName(section);
  const shown = name.length > 22 ? `${name.slice(0, 21)}…` : name;
  return html`<text class="tick" x="${SECTION_LABEL_WIDTH}" y="${y + 12}" text-anchor="end"
      >${shown}</text
    >${bar}${whisker}<text
      class="count"
      x="${SECTION_PLOT_LEFT + SECTION_PLOT_WIDTH + 6}"
      y="${y + 12}"
      >${meanText(section)}</text
    >`;
}

/** One horizontal bar per section on a fixed [0, 1] scale, with its interval as a whisker. */
export function sectionBarsSvg(sections: readonly SectionStats[]): SafeHtml {
  const height = Math.max(1, sections.length) * SECTION_ROW + 24;
  const right = SECTION_PLOT_LEFT + SECTION_PLOT_WIDTH;
  const axis = html`<line
      class="axis"
      x1="${SECTION_PLOT_LEFT}"
      y1="${height - 18}"
      x2="${right}"
      y2="${height - 18}"
    ></line
    ><text class="tick" x="${SECTION_PLOT_LEFT}" y="${height - 4}" text-anchor="middle">0</text
    ><text class="tick" x="${right}" y="${height - 4}" text-anchor="middle">1</text>`;
  return svgFrame(sectionLabel(sections), height, [...sections.map(sectionRow), axis]);
}
