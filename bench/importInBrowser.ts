// Issue 4: importing a big results.jsonl in the real app. A 10,000-line file (~50 MB, written by our
// own exporter from synthetic records with long prompts, responses and judge replies) is picked on
// the Results page in headless Chromium; we time it until the import summary shows, and watch the
// page (UI thread) while the worker parses and stores: long tasks > 50 ms and peak JS heap. The
// worker's own heap is not visible from the page (`performance.memory` covers the page's isolate).
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  judgeScore,
  parseJudgeReply,
  scoreRollout,
  type ParsedJudgeReply,
} from '../src/core/envs/mtsamples/judge';
import { toResultsJsonl, toResultsRows, type ExampleInfo } from '../src/core/results/exportRun';
import type { JudgeCall, RolloutRecord, RunRecord } from '../src/core/schema/run';
import { CHROMIUM_ARGS, findChromium } from '../test/support/browser';
import { sampleRun } from '../test/core/results/sampleRun';
import { mulberry32 } from '../src/core/stats/bootstrap';
import { median } from './stats';

const LINES = 10_000;
const ROLLOUTS_PER_EXAMPLE = 8;
const ROUNDS = 3;
/** Lines replaced by junk, to exercise the bad-line report (it must list exactly these). */
const BROKEN_LINES = [17, 5_001];
const MIB = 1024 * 1024;

const WORDS = (
  'patient underwent laparoscopic appendectomy under general anaesthesia with no complications ' +
  'postoperative course uneventful discharged on day two with oral analgesia follow up in clinic ' +
  'café naïve 30 mg/m² — haemostasis achieved port sites closed with absorbable sutures wound care ' +
  'antibiotics were continued for twenty four hours the specimen was sent to pathology'
).split(' ');

function prose(random: () => number, chars: number): string {
  const out: string[] = [];
  let length = 0;
  while (length < chars) {
    const word = WORDS[Math.floor(random() * WORDS.length)] ?? 'note';
    out.push(word);
    length += word.length + 1;
  }
  return out.join(' ');
}

function judgeReply(random: () => number): { raw: string; parsed: ParsedJudgeReply } {
  const verdict = () => ({
    score: 1 + Math.floor(random() * 5),
    explanation: prose(random, 40),
  });
  const raw = `Here is my assessment.\n\`\`\`json\n${JSON.stringify({ accuracy: verdict(), completeness: verdict(), clarity: verdict() }, null, 2)}\n\`\`\``;
  return { raw, parsed: parseJudgeReply(raw) };
}

/** A valid results.jsonl of LINES rows from synthetic records, through the app's own exporter. */
function bigResultsJsonl(): string {
  const random = mulberry32(20_251_104);
  const run: RunRecord = { ...sampleRun, id: 'bench-import' };
  const examples = new Map<number, ExampleInfo>();
  const rollouts: RolloutRecord[] = [];
  const t0 = 1_760_000_000_000;
  for (let i = 0; i < LINES; i++) {
    const exampleId = Math.floor(i / ROLLOUTS_PER_EXAMPLE);
    if (!examples.has(exampleId)) {
      examples.set(exampleId, {
        filename: `${exampleId}-procedure.txt`,
        question: prose(random, 350),
        answer: prose(random, 150),
        extracted_section: 'PLAN',
      });
    }
    const question = examples.get(exampleId)?.question ?? '';
    const prompt = [
      {
        role: 'system' as const,
        content:
          'Here are information about a patient, return a reasonable treatment plan for the patient.',
      },
      { role: 'user' as const, content: question },
    ];
    const judges: JudgeCall[] = [0, 1].map((judgeIndex) => {
      const { raw, parsed } = judgeReply(random);
      return {
        judgeIndex,
        model: sampleRun.settings.judges[judgeIndex]?.model ?? 'judge',
        raw,
        parsed,
        score: judgeScore(parsed),
        usage: { inputTokens: 1_800, outputTokens: 260 },
        costUsd: 0.0004,
        latencyMs: 2_000 + Math.floor(random() * 3_000),
        attempts: 1,
        cached: false,
        finishedAt: t0 + i * 100 + 5_000,
      };
    });
    rollouts.push({
      schemaVersion: 1,
      runId: run.id,
      key: `${exampleId}:${i % ROLLOUTS_PER_EXAMPLE}`,
      example_id: exampleId,
      rollout_index: i % ROLLOUTS_PER_EXAMPLE,
      exampleKey: `bench:${exampleId}-procedure.txt`,
      section: 'PLAN',
      status: 'done',
      prompt,
      generation: {
        content: prose(random, 450),
        reasoning: null,
        finishReason: 'stop',
        requestBody: { model: sampleRun.settings.model.model, temperature: 0.7, messages: prompt },
        usage: { inputTokens: 420, outputTokens: 310 },
        costUsd: 0.0002,
        latencyMs: 3_000 + Math.floor(random() * 4_000),
        attempts: 1,
        cached: false,
        finishedAt: t0 + i * 100,
      },
      judges,
      score: scoreRollout(judges.map((call) => call.parsed)),
      updatedAt: t0 + i * 100 + 6_000,
    });
  }
  const lines = toResultsJsonl(toResultsRows(run, rollouts, examples)).split('\n');
  for (const line of BROKEN_LINES) lines[line - 1] = '{"example_id": 3, "prompt": [';
  return lines.join('\n');
}

// Page scripts are strings: the bench runner (tsx) injects `__name` helpers into functions, and the
// page has none.
const WATCH_PAGE = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask' });
  window.__heapPeak = 0;
  window.__heapTimer = setInterval(() => {
    const used = performance.memory ? performance.memory.usedJSHeapSize : 0;
    if (used > window.__heapPeak) window.__heapPeak = used;
  }, 100);
  window.__pickedAt = null;
  document.addEventListener('change', () => { if (window.__pickedAt === null) window.__pickedAt = performance.now(); }, true);
  window.__summaryAt = null;
  new MutationObserver(() => {
    if (window.__summaryAt === null && document.querySelector('[data-testid="import-results-summary"]') !== null) window.__summaryAt = performance.now();
  }).observe(document.body, { childList: true, subtree: true });
})()`;
// The app's CSP forbids eval, so no waitForFunction: a MutationObserver notes when the summary shows.
const READ_PAGE = `(() => { clearInterval(window.__heapTimer); return {
  pickedAt: window.__pickedAt, summaryAt: window.__summaryAt, longTasks: window.__longTasks, heapPeak: window.__heapPeak,
  heapBefore: window.__heapBefore,
  summary: document.querySelector('[data-testid="import-results-summary"]').textContent,
  badLines: [...document.querySelectorAll('[data-testid="import-results-bad-lines"] li')].map((li) => Number(li.dataset.line)),
}; })()`;

interface PageFigures {
  pickedAt: number;
  summaryAt: number;
  longTasks: [number, number][];
  heapPeak: number;
  heapBefore: number;
  summary: string;
  badLines: number[];
}

interface Round {
  /** From setInputFiles to the summary, as seen from Node (includes handing the file to Chromium). */
  wallMs: number;
  /** From the input's change event to the summary appearing, measured in the page. */
  pageMs: number;
  longTasks: number[];
  heapPeakMb: number;
  heapBeforeMb: number;
  summary: string;
  badLines: number[];
}

async function oneRound(browser: Browser, appUrl: string, filePath: string): Promise<Round> {
  const context = await browser.newContext();
  try {
    const page: Page = await context.newPage();
    await page.goto(`${appUrl}#/results`);
    await page.getByTestId('import-results-files').waitFor({ state: 'attached' });
    await page.evaluate(WATCH_PAGE);
    await page.evaluate('window.__heapBefore = performance.memory.usedJSHeapSize');
    const t0 = Date.now();
    // A path, not a buffer: playwright refuses buffers over 50 MB.
    await page.getByTestId('import-results-files').setInputFiles(filePath);
    await page.getByTestId('import-results-summary').waitFor({ timeout: 300_000 });
    const wallMs = Date.now() - t0;
    const figures = await page.evaluate<PageFigures>(READ_PAGE);
    const shownAt = figures.summaryAt;
    return {
      wallMs,
      pageMs: shownAt - figures.pickedAt,
      longTasks: figures.longTasks
        .filter(([start]) => start >= figures.pickedAt && start <= shownAt)
        .map(([, duration]) => duration),
      heapPeakMb: figures.heapPeak / MIB,
      heapBeforeMb: figures.heapBefore / MIB,
      summary: figures.summary,
      badLines: figures.badLines,
    };
  } finally {
    await context.close();
  }
}

export async function benchImportInBrowser(
  appUrl: string,
): Promise<{ title: string; lines: string[] }> {
  const title = 'Importing a 10,000-line results.jsonl in the app (headless Chromium)';
  const path = findChromium();
  if (path === null) return { title, lines: ['Skipped: no Chromium.'] };
  const dir = mkdtempSync(join(tmpdir(), 'medeval-bench-'));
  const filePath = join(dir, 'results.jsonl');
  writeFileSync(filePath, bigResultsJsonl());
  const fileBytes = statSync(filePath).size;
  // Precise figures: without the flag Chromium rounds usedJSHeapSize into coarse buckets.
  const browser = await chromium.launch({
    executablePath: path,
    headless: true,
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
  });
  const rounds: Round[] = [];
  try {
    for (let i = 0; i < ROUNDS; i++) rounds.push(await oneRound(browser, appUrl, filePath));
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (process.env.BENCH_DEBUG) console.log(JSON.stringify(rounds, null, 2));
  const col = (pick: (r: Round) => number, unit: string, digits = 0) =>
    `${median(rounds.map(pick)).toFixed(digits)}${unit} | ${rounds.map((r) => pick(r).toFixed(digits)).join(', ')}`;
  const reported = rounds.every((r) => r.badLines.join() === BROKEN_LINES.join());
  return {
    title,
    lines: [
      `${LINES.toLocaleString('en-US')} rows (${(fileBytes / MIB).toFixed(1)} MB; ${LINES / ROLLOUTS_PER_EXAMPLE} examples × ${ROLLOUTS_PER_EXAMPLE} rollouts, 2 judges each, written by the app's own exporter) with ${BROKEN_LINES.length} broken lines; picked on #/results with setInputFiles; ${ROUNDS} fresh browser profiles. The worker parses and stores (one IndexedDB transaction); the page only waits.`,
      '',
      '| measure | median | all runs |',
      '|---|---|---|',
      `| pick → summary shown (in the page) | ${col((r) => r.pageMs, ' ms')} |`,
      `| setInputFiles → summary shown (from Node, includes handing the file to Chromium) | ${col((r) => r.wallMs, ' ms')} |`,
      `| UI-thread long tasks (> 50 ms) during the import | ${col((r) => r.longTasks.length, '')} |`,
      `| longest UI-thread task during the import | ${col((r) => Math.max(0, ...r.longTasks), ' ms')} |`,
      `| page JS heap before the pick | ${col((r) => r.heapBeforeMb, ' MB', 1)} |`,
      `| peak page JS heap (sampled every 100 ms) | ${col((r) => r.heapPeakMb, ' MB', 1)} |`,
      '',
      `Summary shown: "${rounds[0]?.summary ?? ''}"; bad lines listed ${reported ? `exactly (${BROKEN_LINES.join(', ')})` : `WRONG: ${rounds.map((r) => r.badLines.join(',')).join(' / ')}`}.`,
      'The heap figures are the page’s only: the worker that parses the file and holds its rows has its own heap, which `performance.memory` does not report.',
    ],
  };
}
