// Issue 14 figures, in headless Chromium against the built app and an OpenAI-compatible mock in its
// own process (HTTP/2 over TLS unless said otherwise), MTSamples-shaped examples, 1 generation + 1
// judge per rollout:
// - 2,000 rollouts, 20 ms per request, concurrency 32: the app's Start → done against a plain-fetch
//   floor measured in the same page and round (32 lanes of generate-then-judge, same bodies);
// - 131 rollouts, 200 ms per request, concurrency 16: Start → done against the ideal
//   (waves × 2 × latency); the same over HTTP/1.1 for what a browser's 6 connections do;
// - main-thread long tasks during each run, preflights and request headers sent.
// Start → first request and the journal at 500 and 5,000 rollouts are in runStartInBrowser.ts.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../test/support/browser';
import { startMockProcess, type MockProcess, type MockStats } from './mockProcess';
import { median, type BenchSection } from './stats';
import { formatProfile, profileTrace } from './traceProfile';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const KEY = 'bench-key-000000';
const NOTES =
  'PREOPERATIVE DIAGNOSIS: Displaced distal radius fracture after a fall on the outstretched hand. '.repeat(
    12,
  );

export interface Scenario {
  rollouts: number;
  latencyMs: number;
  concurrency: number;
}

const BIG: Scenario = { rollouts: 2000, latencyMs: 20, concurrency: 32 };
const SMALL: Scenario = { rollouts: 131, latencyMs: 200, concurrency: 16 };

function examplesJsonl(count: number): Buffer {
  return Buffer.from(
    Array.from({ length: count }, (_, i) =>
      JSON.stringify({
        question: `${i}. ${NOTES}`,
        answer: `Plan ${i}: closed reduction, cast, review in 2 weeks.`,
        filename: `n${i}.txt`,
      }),
    ).join('\n'),
  );
}

// Page scripts are strings so the bench runner's transforms cannot inject helpers the page lacks.
const WATCH = `(() => {
  window.__longTasks = [];
  window.__longTaskAt = [];
  window.__startAt = 0;
  window.__doneAt = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) { window.__longTasks.push(e.duration); window.__longTaskAt.push(Math.round(performance.timeOrigin + e.startTime)); } })
    .observe({ type: 'longtask' });
  document.querySelector('[data-testid="run-start"]').addEventListener('click', () => { window.__startAt = Date.now(); }, { capture: true });
  new MutationObserver(() => {
    const status = document.querySelector('[data-testid="run-status"]');
    if (window.__doneAt === 0 && status && status.getAttribute('data-status') === 'done') window.__doneAt = Date.now();
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
})()`;

const READ_RUN = `(async () => {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('medeval');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const runs = await new Promise((resolve) => {
    const all = db.transaction('runs').objectStore('runs').getAll();
    all.onsuccess = () => resolve(all.result);
  });
  db.close();
  const run = runs.sort((a, b) => b.createdAt - a.createdAt)[0];
  return { startedAt: run.startedAt, finishedAt: run.finishedAt, status: run.status };
})()`;

/** The plain-fetch floor: `concurrency` lanes of generate-then-judge with the app's request bodies. */
function floorScript(baseUrl: string, s: Scenario): string {
  return `(async () => {
    const longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); })
      .observe({ type: 'longtask' });
    const notes = ${JSON.stringify(NOTES)};
    const headers = { authorization: 'Bearer ${KEY}', 'content-type': 'application/json' };
    const url = '${baseUrl}/chat/completions';
    const t0 = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: ${s.concurrency} }, async () => {
      for (let i = next++; i < ${s.rollouts}; i = next++) {
        const generation = await (await fetch(url, { method: 'POST', headers, body: JSON.stringify({
          model: 'model-x', messages: [{ role: 'user', content: i + '. ' + notes }] }) })).json();
        const plan = generation.choices[0].message.content;
        const verdict = await (await fetch(url, { method: 'POST', headers, body: JSON.stringify({
          model: 'judge-a', messages: [{ role: 'user', content: '<patient_notes>' + i + '. ' + notes + '</patient_notes><response>' + plan + '</response><reference>Plan ' + i + '</reference>' }] }) })).json();
        if (!verdict.choices[0].message.content) throw new Error('no verdict');
      }
    }));
    const ms = performance.now() - t0;
    // Entries of the last tasks are delivered after them.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return { ms, longTasks };
  })()`;
}

async function importExamples(page: Page, appUrl: string, count: number): Promise<void> {
  await page.goto(`${appUrl}#/dataset`);
  await page.getByTestId('import-files').setInputFiles({
    name: `bench-${count}.jsonl`,
    mimeType: 'application/x-ndjson',
    buffer: examplesJsonl(count),
  });
  await page.getByTestId('import-result').waitFor({ timeout: 120_000 });
}

async function configure(page: Page, appUrl: string, baseUrl: string, concurrency: number) {
  await page.goto(`${appUrl}#/run`);
  const model = page.getByTestId('endpoint-model');
  await model.locator('input[name="baseUrl"]').fill(baseUrl);
  await model.locator('input[name="model"]').fill('model-x');
  await model.locator('input[name="apiKey"]').fill(KEY);
  const judge = page.getByTestId('endpoint-judge-0');
  await judge.locator('input[name="baseUrl"]').fill(baseUrl);
  await judge.locator('input[name="model"]').fill('judge-a');
  await page.getByLabel('Examples', { exact: true }).selectOption('all');
  await page.getByLabel('Concurrency (rollouts in flight)').fill(String(concurrency));
}

/**
 * The floor runs in a page of the app's origin with no service worker and no app (the static
 * server's 404 page), so it pays only for the browser's own fetch path.
 */
async function floor(browser: Browser, appUrl: string, mock: MockProcess, s: Scenario) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(`${appUrl}floor-page`);
    await mock.reset();
    const floorRun = await page.evaluate<{ ms: number; longTasks: number[] }>(
      floorScript(mock.baseUrl, s),
    );
    return {
      floorMs: floorRun.ms,
      floorLongTasks: floorRun.longTasks,
      floorMock: await mock.stats(),
    };
  } finally {
    await context.close();
  }
}

export interface AppRun {
  /** Click on Start → the page shows the run done. */
  ms: number;
  startToFirstRequestMs: number;
  /** The mock's last response → the run record says done (the journal is complete). */
  lastResponseToStoredMs: number;
  lastResponseToShownMs: number;
  /** Done shown → the rollouts table drawn (an upper bound: Node's clock after the wait). */
  doneToTableMs: number;
  /** From the Start click until the table is drawn. */
  longTasks: number[];
  mock: MockStats;
}

export async function appRun(
  browser: Browser,
  appUrl: string,
  mock: MockProcess,
  s: Scenario,
  profileTo?: string,
): Promise<{ app: AppRun; floorMs: number; floorLongTasks: number[]; floorMock: MockStats }> {
  await mock.setLatency(s.latencyMs);
  const { floorMs, floorLongTasks, floorMock } = await floor(browser, appUrl, mock, s);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await importExamples(page, appUrl, s.rollouts);
    await configure(page, appUrl, mock.baseUrl, s.concurrency);
    await page.evaluate(WATCH);
    await mock.reset();
    if (profileTo !== undefined) {
      await browser.startTracing(page, {
        categories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'disabled-by-default-v8.cpu_profiler',
          'v8.execute',
        ],
      });
    }
    await page.getByTestId('run-start').click();
    await page
      .locator('[data-testid="run-status"][data-status="done"]')
      .waitFor({ timeout: 600_000 });
    // The run's end includes the page drawing the stopped run's table (its long tasks count too).
    await page.getByTestId('rollouts-table').waitFor({ timeout: 600_000 });
    const tableAt = Date.now();
    if (profileTo !== undefined) {
      const trace = (await browser.stopTracing()).toString('utf8');
      writeFileSync(profileTo, trace);
      console.log(formatProfile(profileTrace(trace)));
    }
    const stats = await mock.stats();
    const shown = await page.evaluate<{
      startAt: number;
      doneAt: number;
      longTasks: number[];
      longTaskAt: number[];
    }>(
      '({ startAt: window.__startAt, doneAt: window.__doneAt, longTasks: window.__longTasks, longTaskAt: window.__longTaskAt })',
    );
    // Where the time and each long task fell, to tell the run's start and end from its middle.
    console.log(
      `${s.rollouts} rollouts: Start → first request ${stats.firstAt - shown.startAt} ms, first request → last response ${stats.lastAnsweredAt - stats.firstAt} ms, last response → done shown ${shown.doneAt - stats.lastAnsweredAt} ms; long tasks (ms after Start: duration): ` +
        shown.longTaskAt
          .map((at, i) => `${at - shown.startAt}: ${Math.round(shown.longTasks[i] ?? 0)}`)
          .join(', '),
    );
    const run = await page.evaluate<{ finishedAt: number; status: string }>(READ_RUN);
    if (run.status !== 'done') throw new Error(`the bench run ended ${run.status}`);
    return {
      floorMs,
      floorLongTasks,
      floorMock,
      app: {
        doneToTableMs: tableAt - shown.doneAt,
        ms: shown.doneAt - shown.startAt,
        startToFirstRequestMs: stats.firstAt - shown.startAt,
        lastResponseToStoredMs: run.finishedAt - stats.lastAnsweredAt,
        lastResponseToShownMs: shown.doneAt - stats.lastAnsweredAt,
        longTasks: shown.longTasks,
        mock: stats,
      },
    };
  } finally {
    await context.close();
  }
}

const list = (values: readonly number[], digits = 0) =>
  values.map((v) => v.toFixed(digits)).join(', ');
const longest = (r: AppRun) => Math.max(0, ...r.longTasks);

const load = () =>
  loadavg()
    .map((v) => v.toFixed(1))
    .join(', ');
const over50 = (tasks: readonly number[]) => tasks.filter((t) => t > 50).length;

function idealMs(s: Scenario): number {
  return Math.ceil(s.rollouts / s.concurrency) * 2 * s.latencyMs;
}

export async function benchRunSpeedInBrowser(appUrl: string): Promise<BenchSection> {
  const h2 = await startMockProcess({ http2: true, preflightMaxAgeSeconds: 600 });
  const h1 = await startMockProcess({ preflightMaxAgeSeconds: 600 });
  const browser = await launchBrowser();
  const big: Awaited<ReturnType<typeof appRun>>[] = [];
  const small: Awaited<ReturnType<typeof appRun>>[] = [];
  const smallH1: Awaited<ReturnType<typeof appRun>>[] = [];
  const only = process.env.BENCH_SPEED ?? 'big,small,h1';
  const loadBefore = load();
  const loads: string[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const profile =
        round === 0 && process.env.BENCH_PROFILE !== undefined
          ? '/tmp/medeval-run.trace.json'
          : undefined;
      if (only.includes('big')) big.push(await appRun(browser, appUrl, h2, BIG, profile));
      if (only.includes('small')) small.push(await appRun(browser, appUrl, h2, SMALL));
      if (only.includes('h1')) smallH1.push(await appRun(browser, appUrl, h1, SMALL));
      loads.push(load());
      console.log(`run speed round ${round + 1}/${ROUNDS} done`);
    }
  } finally {
    await browser.close();
    await h2.close();
    await h1.close();
  }
  const bigRatios = big.map((r) => r.app.ms / r.floorMs);
  const smallRatios = small.map((r) => r.app.ms / idealMs(SMALL));
  const smallFloorRatios = small.map((r) => r.floorMs / idealMs(SMALL));
  const h1Ratios = smallH1.map((r) => r.app.ms / idealMs(SMALL));
  const allRuns = [...big, ...small].map((r) => r.app);
  const sample = big[0]?.app.mock ?? small[0]?.app.mock;
  const row = (label: string, values: number[], digits = 0, bold = false, target = '—') => {
    const m = median(values).toFixed(digits);
    return `| ${label} | ${bold ? `**${m}**` : m} | ${list(values, digits)} | ${target} |`;
  };
  return {
    title: 'Run speed in the app over HTTP/2 (headless Chromium)',
    lines: [
      `MTSamples-shaped examples (notes of ${NOTES.length + 6} characters), 1 generation + 1 judge per rollout, against the OpenAI-compatible mock in its own process over HTTP/2 with TLS (certificate made at start; preflights may be cached for 10 minutes, as providers allow). ${ROUNDS} rounds, each in a fresh browser profile; the plain-fetch floor runs in the same page just before the app, with the same request bodies and ${BIG.concurrency} lanes. Start is the click on "Start"; done is the page showing the run done.`,
      '',
      '| measure | median | all runs | target |',
      '|---|---|---|---|',
      row(
        `${BIG.rollouts} rollouts, ${BIG.latencyMs} ms, concurrency ${BIG.concurrency}: plain-fetch floor (ms)`,
        big.map((r) => r.floorMs),
      ),
      row(
        '… the app, Start → done (ms)',
        big.map((r) => r.app.ms),
      ),
      row('… **app / floor**', bigRatios, 2, true, '≤ 3'),
      row(
        `${SMALL.rollouts} rollouts, ${SMALL.latencyMs} ms, concurrency ${SMALL.concurrency}: the app, Start → done (ms; ideal ${idealMs(SMALL)} ms = ${Math.ceil(SMALL.rollouts / SMALL.concurrency)} waves × 2 × ${SMALL.latencyMs} ms)`,
        small.map((r) => r.app.ms),
      ),
      row('… **app / ideal**', smallRatios, 2, true, '≤ 1.15'),
      row('… plain fetch / ideal (same lanes)', smallFloorRatios, 2),
      row('… the same over HTTP/1.1, app / ideal', h1Ratios, 2),
      row(
        '… HTTP/1.1: most requests at the endpoint at once',
        smallH1.map((r) => r.app.mock.maxInFlight),
      ),
      row(
        '… HTTP/2: most requests at the endpoint at once',
        small.map((r) => r.app.mock.maxInFlight),
      ),
      row(
        `${SMALL.rollouts} rollouts: Start → first request (ms)`,
        small.map((r) => r.app.startToFirstRequestMs),
      ),
      row(
        '… first request → last response / ideal (the network part)',
        small.map((r) => (r.app.mock.lastAnsweredAt - r.app.mock.firstAt) / idealMs(SMALL)),
        2,
      ),
      row(
        '… last response → page shows done (ms)',
        small.map((r) => r.app.lastResponseToShownMs),
      ),
      row(
        `**main-thread tasks > 50 ms**, ${BIG.rollouts}-rollout run (Start → its table drawn)`,
        big.map((r) => over50(r.app.longTasks)),
        0,
        true,
        '0',
      ),
      row(
        `**main-thread tasks > 50 ms**, ${SMALL.rollouts}-rollout run (Start → its table drawn)`,
        small.map((r) => over50(r.app.longTasks)),
        0,
        true,
        '0',
      ),
      row(
        `… load reference: tasks > 50 ms in the plain-fetch floor page (${BIG.rollouts} rollouts; its fetches run on its main thread)`,
        big.map((r) => over50(r.floorLongTasks)),
      ),
      row(
        `… load reference: the same, ${SMALL.rollouts} rollouts`,
        small.map((r) => over50(r.floorLongTasks)),
      ),
      row(
        '… done shown → table drawn (ms)',
        [...big, ...small].map((r) => r.app.doneToTableMs),
      ),
      row('longest main-thread task (ms)', allRuns.map(longest)),
      row(
        'preflights per app run',
        allRuns.map((r) => r.mock.preflights),
      ),
      '',
      `Machine load average (1, 5, 15 min, \`uptime\`): ${loadBefore} before; after each round ${loads.join(' | ')} (2 cores, shared). Long tasks are wall-clock: on a loaded machine a task of a few milliseconds of CPU can last over 50 ms, so the floor page's count is the reference for what load alone does.`,
      '',
      `Requests per app run: ${allRuns.map((r) => r.mock.requests).join(', ')} (2 per rollout). Headers the app's requests carry besides the browser's own: ${sample?.headerNames.join(', ') ?? '—'}; preflights asked for: ${sample?.preflightHeaders.join(' | ') ?? '—'}. Protocols seen by the mock: ${
        sample === undefined
          ? '—'
          : Object.entries(sample.httpVersions)
              .map(([v, n]) => `HTTP/${v} × ${n}`)
              .join(', ')
      }.`,
    ],
  };
}
