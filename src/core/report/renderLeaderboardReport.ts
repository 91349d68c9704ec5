// The leaderboard as a self-contained HTML report: the same section the run report style uses, under
// the same no-script CSP (renderRunReport.ts). Pure.
import type { Leaderboard } from '../suites/leaderboard';
import { leaderboardSection, type LeaderboardViewState } from '../suites/leaderboardView';
import { html } from './escapeHtml';
import { REPORT_CSP } from './renderRunReport';

const STYLE = `body { margin: 0 auto; max-width: 90rem; padding: 1.5rem; font: 15px/1.5 system-ui, sans-serif; }
table { border-collapse: collapse; } th, td { padding: .2rem .6rem; border-bottom: 1px solid #d1d9e0; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; } .scroll { overflow-x: auto; }`;

export function renderLeaderboardReport(
  board: Leaderboard,
  state: LeaderboardViewState,
  suiteLabel: string,
  generatedAt: number,
  appVersion: string,
): string {
  const when = new Date(generatedAt).toISOString();
  return `<!doctype html>\n${
    html`<html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}" />
        <title>Leaderboard: ${suiteLabel}</title>
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        ${leaderboardSection(board, state, suiteLabel)}
        <p><small>Written by medeval ${appVersion} on ${when}.</small></p>
      </body>
    </html>`.value
  }\n`;
}
