// Owns the report's summary of a run scored without a jury (spec more-environments.md §2–§3): accuracy
// with its Wilson interval per group, or the rubric score ± bootstrap SD under both clipping rules, per
// axis and per theme. The same numbers as the app's summary (core/results/envSummary). Pure.
import {
  accuracySummaryOf,
  clippingOf,
  groupLabelOf,
  rubricSummaryOf,
  summaryKindOf,
  type LabelledHeadline,
} from '../results/envSummary';
import { fileMetricsSummaryOf } from '../results/fileMetricsSummary';
import type { RolloutRow } from '../results/rolloutRow';
import type { RunRecord } from '../schema/run';
import { html, type SafeHtml } from './escapeHtml';
import { formatNumber, row } from './reportSections';

interface Interval {
  accuracy: number | null;
  low: number | null;
  high: number | null;
}

function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

function accuracyText({ accuracy, low, high }: Interval): string {
  if (accuracy === null) return '—';
  return low === null || high === null
    ? percent(accuracy)
    : `${percent(accuracy)} [${percent(low)}, ${percent(high)}]`;
}

function headlineText(h: LabelledHeadline): string {
  const sd = h.bootstrapSd === null ? '' : ` ± ${formatNumber(h.bootstrapSd)}`;
  return `${formatNumber(h.score)}${sd} (${h.label})`;
}

/** The env's summary section; null for a jury run (the report's own summary covers it). */
export function envSummarySection(run: RunRecord, rows: readonly RolloutRow[]): SafeHtml | null {
  switch (summaryKindOf(run.settings, rows)) {
    case 'jury':
      return null;
    case 'accuracy':
      return accuracySection(run, rows);
    case 'rubric':
      return rubricSection(run, rows);
    case 'metrics':
      return fileMetricsSection(run, rows);
  }
}

/** An imported file of another environment: its reward functions' means beside the file's own. */
function fileMetricsSection(run: RunRecord, rows: readonly RolloutRow[]): SafeHtml {
  const summary = fileMetricsSummaryOf(run, rows);
  const lines = [
    { name: 'reward', ...summary.reward },
    ...summary.metrics.map((m) => ({ ...m })),
  ].map(
    (m) =>
      html`<tr>
        <th scope="row">${m.name}</th>
        <td class="num">${m.n}</td>
        <td class="num">${formatNumber(m.mean)}</td>
        <td class="num">${formatNumber(m.fileMean)}</td>
      </tr>`,
  );
  const ms = (mean: number | null) => (mean === null ? '—' : `${Math.round(mean)} ms`);
  return html`<section id="env-summary">
    <h2>Reward functions (from the file)</h2>
    <table class="facts">
      <tbody>
        ${row('Environment', `${summary.envId ?? 'not named'} · written by ${summary.writtenBy}`)}
        ${row('Time per rollout (mean)', `generation ${ms(summary.timing.generation.mean)} · scoring ${ms(summary.timing.scoring.mean)} · total ${ms(summary.timing.total.mean)}`)}
      </tbody>
    </table>
    <table class="grid">
      <thead>
        <tr>
          <th scope="col">Reward function</th>
          <th scope="col">n</th>
          <th scope="col">Mean</th>
          <th scope="col">The file’s mean</th>
        </tr>
      </thead>
      <tbody>
        ${lines}
      </tbody>
    </table>
  </section>`;
}

function accuracySection(run: RunRecord, rows: readonly RolloutRow[]): SafeHtml {
  const { accuracy, unscored } = accuracySummaryOf(rows);
  const label = groupLabelOf(run.settings);
  const groups = accuracy.byGroup.map(
    (g) =>
      html`<tr>
        <th scope="row">${g.group}</th>
        <td class="num">${g.n}</td>
        <td class="num">${g.correct}</td>
        <td class="num">${accuracyText(g)}</td>
      </tr>`,
  );
  return html`<section id="env-summary">
    <h2>Accuracy</h2>
    <table class="facts">
      <tbody>
        ${row('Accuracy [95% Wilson CI]', `${accuracyText(accuracy)} (${accuracy.correct} of n=${accuracy.n})`)}
        ${row('Unscored (left out, not counted as wrong)', String(unscored))}
      </tbody>
    </table>
    <table class="grid">
      <thead>
        <tr>
          <th scope="col">${label}</th>
          <th scope="col">n</th>
          <th scope="col">Correct</th>
          <th scope="col">Accuracy [95% CI]</th>
        </tr>
      </thead>
      <tbody>
        ${groups}
      </tbody>
    </table>
  </section>`;
}

function breakdown(
  title: string,
  entries: readonly { key: string; n: number; score: number | null; bootstrapSd: number | null }[],
): SafeHtml {
  const body = entries.map(
    (e) =>
      html`<tr>
        <th scope="row">${e.key}</th>
        <td class="num">${e.n}</td>
        <td class="num">${formatNumber(e.score)}</td>
        <td class="num">${formatNumber(e.bootstrapSd)}</td>
      </tr>`,
  );
  return html`<table class="grid">
    <thead>
      <tr>
        <th scope="col">${title}</th>
        <th scope="col">n</th>
        <th scope="col">Score</th>
        <th scope="col">SD</th>
      </tr>
    </thead>
    <tbody>
      ${body}
    </tbody>
  </table>`;
}

function rubricSection(run: RunRecord, rows: readonly RolloutRow[]): SafeHtml {
  const summary = rubricSummaryOf(rows, clippingOf(run.settings));
  const { items, aggregate } = summary;
  return html`<section id="env-summary">
    <h2>Rubric score</h2>
    <table class="facts">
      <tbody>
        ${row('Score ± bootstrap SD', `${headlineText(summary.headline)}, n=${aggregate.n}`)}
        ${row('Other clipping rule', headlineText(summary.other))}
        ${row('Unscored (left out)', String(summary.unscored))}
        ${row('Rubric items', `${items.met} met · ${items.notMet} not met · ${items.unparseable} unparseable · ${items.failed} failed`)}
      </tbody>
    </table>
    ${breakdown(
      'Axis',
      aggregate.byAxis.map(({ axis, ...rest }) => ({ key: axis, ...rest })),
    )}
    ${breakdown(
      'Theme',
      aggregate.byTheme.map(({ theme, ...rest }) => ({ key: theme, ...rest })),
    )}
  </section>`;
}
