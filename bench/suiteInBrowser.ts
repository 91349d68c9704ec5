// Issue 15 at scale, in headless Chromium: (1) the leaderboard of 10 models × 30 suite entries, each
// a finished run with a digest and the rewards of 1,000 examples, seeded into IndexedDB; navigation →
// every row rendered, then → the win rates (computed by the worker) shown, and the main thread's long
// tasks meanwhile, against a raw IndexedDB read of the records the page reads, in the same page (the
// floor). (2) "Load all datasets" on the Suites page: MedQA (1,273
// rows) and a MedMCQA-shaped split of 20,000 rows from the Hugging Face imitation, timed against a
// plain fetch of the same Parquet bytes, with the long tasks the page saw while the worker loaded.
import { chromium, type Page } from 'playwright-core';
import { MEDMARKS_VERIFIED } from '../src/core/suites/medmarksVerified';
import { RUN_DIGEST_VERSION, type RunDigest, type RunRewards } from '../src/core/suites/runDigest';
import { SUITE_RECORD_VERSION, type SuiteRunRecord } from '../src/core/suites/suiteRun';
import type { RunRecord } from '../src/core/schema/run';
import { mulberry32 } from '../src/core/stats/bootstrap';
import { CHROMIUM_ARGS, findChromium } from '../test/support/browser';
import { startFakeHuggingFace } from '../test/support/fakeHuggingFace';
import {
  medmcqaParquet,
  medmcqaRows,
  medqaParquet,
  medqaRows,
} from '../test/support/parquetFixtures';
import { runSettings } from '../test/support/seedDataset';
import { fmt, median, type BenchSection } from './stats';
import { formatProfile, profileTrace } from './traceProfile';

const MODELS = 10;
const ENTRIES = 30;
const EXAMPLES = 1_000;
const ROUNDS = 5;
const LOAD_ROUNDS = 3;
const MCQA_ROWS = 20_000;
/** Never called: the seeded runs are finished. */
const MOCK_URL = 'http://127.0.0.1:9/v1';

function seedRecords() {
  const random = mulberry32(15);
  const entries = MEDMARKS_VERIFIED.entries.slice(0, ENTRIES);
  const runs: RunRecord[] = [];
  const digests: RunDigest[] = [];
  const rewardRecords: RunRewards[] = [];
  const suiteRuns: SuiteRunRecord[] = [];
  for (let m = 0; m < MODELS; m++) {
    const model = `bench-model-${m}`;
    const skill = 0.4 + m * 0.05;
    const runEntries = entries.map((entry, e) => {
      const id = `bench-run-${m}-${e}`;
      const settings = runSettings({ baseUrl: MOCK_URL, datasetId: 'bench', judgeModels: [] });
      runs.push({
        schemaVersion: 1,
        id,
        name: `${model}: ${entry.key}`,
        kind: 'generate',
        status: 'done',
        settings: { ...settings, model: { ...settings.model, model } },
        dataset: { id: 'bench', label: 'bench', rulesVersion: 1, inputCut: 'helm' },
        appVersion: 'bench',
        createdAt: 1,
        updatedAt: 2,
      });
      const rewards = Array.from({ length: EXAMPLES }, () => (random() < skill ? 1 : 0));
      const mean = rewards.reduce((a: number, b) => a + b, 0) / EXAMPLES;
      digests.push({
        v: RUN_DIGEST_VERSION,
        runId: id,
        runUpdatedAt: 2,
        rows: EXAMPLES,
        counts: { total: EXAMPLES, scored: EXAMPLES, unscored: 0, error: 0, pending: 0 },
        score: { mean, low: mean - 0.03, high: mean + 0.03, n: EXAMPLES, method: 'wilson' },
        tokens: { input: 300_000, output: 50_000 },
        costUsd: 0.12,
        rowsWithoutCost: 0,
      });
      rewardRecords.push({
        runId: id,
        runUpdatedAt: 2,
        rows: EXAMPLES,
        exampleIds: Float64Array.from({ length: EXAMPLES }, (_, i) => i),
        rewards: Float64Array.from(rewards),
      });
      return { key: entry.key, runId: id };
    });
    suiteRuns.push({
      schemaVersion: SUITE_RECORD_VERSION,
      id: `bench-suite-run-${m}`,
      name: model,
      suite: MEDMARKS_VERIFIED,
      model: { ...runSettings({ baseUrl: MOCK_URL, datasetId: 'bench' }).model, model },
      options: { examplesPerEntry: null, concurrency: 8, maxAttempts: 3, useCache: true },
      entries: runEntries,
      createdAt: 1,
      updatedAt: 1,
    });
  }
  return { runs, digests, rewardRecords, suiteRuns };
}

const SEED = `async (payload) => {
  for (let i = 0; i < 200; i++) {
    const found = (await indexedDB.databases()).find((d) => d.name === 'medeval');
    if (found !== undefined && found.version >= 60) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('medeval');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction(['runs', 'runDigests', 'runRewards', 'suiteRuns'], 'readwrite');
  for (const r of payload.runs) tx.objectStore('runs').put(r);
  for (const d of payload.digests) tx.objectStore('runDigests').put(d);
  // JSON carries the Float64Arrays as plain arrays.
  for (const r of payload.rewardRecords) {
    tx.objectStore('runRewards').put({ ...r, exampleIds: Float64Array.from(r.exampleIds), rewards: Float64Array.from(r.rewards) });
  }
  for (const s of payload.suiteRuns) tx.objectStore('suiteRuns').put(s);
  await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
  db.close();
}`;

const INIT = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
  const observer = new MutationObserver(() => {
    if (window.__shell === undefined && document.querySelector('[data-testid="app-shell"]') !== null) {
      window.__shell = performance.now();
    }
    if (document.querySelectorAll('[data-testid="lb-row"]').length >= ${MODELS} && window.__rows === undefined) {
      window.__rows = performance.now();
    }
    if (document.querySelector('[data-testid="lb-winrate"][data-ready="true"]') !== null && window.__winRates === undefined) {
      window.__winRates = performance.now();
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
})()`;

/** The floor: the records the page reads (runs, digests, suite runs), straight from IndexedDB. */
const rawRead = (stores: string[]) => `(async () => {
  const db = await new Promise((resolve) => { const r = indexedDB.open('medeval'); r.onsuccess = () => resolve(r.result); });
  const t0 = performance.now();
  const all = (store) => new Promise((resolve) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => resolve(r.result); });
  await Promise.all(${JSON.stringify(stores)}.map(all));
  db.close();
  return performance.now() - t0;
})()`;

interface OpenRound {
  /** Navigation → the app's shell (header, navigation) in the page: the app's own start. */
  shell: number;
  open: number;
  winRates: number;
  floor: number;
  /** The per-example rewards, which only the worker reads (for the win rates). */
  rewardsRead: number;
  tasks: number[];
}

async function openRound(page: Page, url: string): Promise<OpenRound> {
  await page.goto('about:blank');
  await page.goto(url);
  await page
    .getByTestId('lb-row')
    .nth(MODELS - 1)
    .waitFor({ timeout: 30_000 });
  await page.locator('[data-testid="lb-winrate"][data-ready="true"]').first().waitFor();
  const shell = await page.evaluate<number>('window.__shell');
  const open = await page.evaluate<number>('window.__rows');
  const winRates = await page.evaluate<number>('window.__winRates');
  const tasks = await page.evaluate<number[]>('window.__longTasks.map(([, d]) => d)');
  const floor = await page.evaluate<number>(rawRead(['runs', 'runDigests', 'suiteRuns']));
  const rewardsRead = await page.evaluate<number>(rawRead(['runRewards']));
  return { shell, open, winRates, floor, rewardsRead, tasks };
}

interface LoadRound {
  load: number;
  fetchFloor: number;
  tasks: number[];
}

const FETCH_FLOOR = (urls: string[]) => `(async () => {
  const t0 = performance.now();
  await Promise.all(${JSON.stringify(urls)}.map(async (u) => (await fetch(u)).arrayBuffer()));
  return performance.now() - t0;
})()`;

async function loadRound(page: Page, url: string, parquetUrls: string[]): Promise<LoadRound> {
  await page.goto('about:blank');
  await page.goto(url);
  const button = page.getByTestId('suite-load-all');
  await button.waitFor();
  const fetchFloor = await page.evaluate<number>(FETCH_FLOOR(parquetUrls));
  const t0 = await page.evaluate<number>('window.__longTasks = []; performance.now()');
  await button.click();
  await page
    .locator('[data-testid="suite-dataset"][data-status="ready"]')
    .nth(1)
    .waitFor({ timeout: 120_000 });
  const load = (await page.evaluate<number>('performance.now()')) - t0;
  const tasks = await page.evaluate<number[]>('window.__longTasks.map(([, d]) => d)');
  return { load, fetchFloor, tasks };
}

async function deleteDb(page: Page): Promise<void> {
  await page.evaluate(
    `new Promise((resolve) => { const r = indexedDB.deleteDatabase('medeval'); r.onsuccess = r.onerror = r.onblocked = () => resolve(); })`,
  );
}

export async function benchSuiteInBrowser(appUrl: string): Promise<BenchSection> {
  const executablePath = findChromium();
  if (executablePath === null) throw new Error('Chromium not found');
  const lightevalRows = medmcqaRows(MCQA_ROWS).map((row) => ({ ...row, cop: row.cop + 1 }));
  const fake = await startFakeHuggingFace({
    datasets: [
      {
        id: 'GBaker/MedQA-USMLE-4-options',
        revision: 'c'.repeat(40),
        configs: {
          default: { test: { rows: medqaRows(1273), parquet: medqaParquet(medqaRows(1273)) } },
        },
      },
      {
        // The suite's med_mcqa entries read lighteval's copy, as MedARC does (cop 1-based).
        id: 'lighteval/med_mcqa',
        revision: 'd'.repeat(40),
        configs: {
          default: {
            validation: { rows: lightevalRows, parquet: medmcqaParquet(lightevalRows) },
          },
        },
      },
    ],
  });
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  const opens: OpenRound[] = [];
  const loads: LoadRound[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.addInitScript(INIT);
    await page.goto(`${appUrl}#/leaderboard`);
    await page.getByTestId('app-shell').waitFor();
    const records = seedRecords();
    const payload = {
      ...records,
      rewardRecords: records.rewardRecords.map((r) => ({
        ...r,
        exampleIds: [...r.exampleIds],
        rewards: [...r.rewards],
      })),
    };
    await page.evaluate(`(${SEED})(${JSON.stringify(payload)})`);
    for (let round = 0; round < ROUNDS; round++) {
      opens.push(await openRound(page, `${appUrl}#/leaderboard?all=1`));
    }
    if (process.env.BENCH_PROFILE !== undefined) {
      // Where an open's time goes (not a figure): one more open under the sampling profiler.
      await browser.startTracing(page, {
        categories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'disabled-by-default-v8.cpu_profiler',
          'v8.execute',
        ],
      });
      await openRound(page, `${appUrl}#/leaderboard?all=1`);
      console.log(formatProfile(profileTrace((await browser.stopTracing()).toString('utf8'))));
    }
    const params = new URLSearchParams({ hfViewer: fake.viewerBase, hfHub: fake.hubBase });
    const parquetUrls = [
      `${fake.hubBase}/datasets/GBaker/MedQA-USMLE-4-options/resolve/refs%2Fconvert%2Fparquet/default/test/0000.parquet`,
      `${fake.hubBase}/datasets/lighteval/med_mcqa/resolve/refs%2Fconvert%2Fparquet/default/validation/0000.parquet`,
    ];
    for (let round = 0; round < LOAD_ROUNDS; round++) {
      await deleteDb(page);
      loads.push(await loadRound(page, `${appUrl}?${params.toString()}#/suites`, parquetUrls));
    }
    await context.close();
  } finally {
    await browser.close();
    await fake.close();
  }
  return report(opens, loads);
}

function report(opens: OpenRound[], loads: LoadRound[]): BenchSection {
  const all = <T>(rounds: T[], pick: (r: T) => number) =>
    rounds.map((r) => pick(r).toFixed(0)).join(', ');
  const longest = (tasks: number[]) => Math.max(0, ...tasks);
  return {
    title: 'Suites: leaderboard and loading a suite’s datasets (headless Chromium)',
    lines: [
      `Leaderboard: ${MODELS} models × ${ENTRIES} entries of Medmarks verified, each a finished run with its digest and its ${EXAMPLES.toLocaleString('en-US')} per-example rewards, seeded into IndexedDB; ${ROUNDS} page loads of \`#/leaderboard?all=1\` (every column), from navigation start (the app's start included). The page reads runs, digests and suite runs; the worker reads the rewards and computes the win rates, which fill in after the rows. The floor is a raw IndexedDB read of the records the page reads, in the same page. Loading: "Load all datasets" on the Suites page, MedQA (1,273 rows) and a split of ${MCQA_ROWS.toLocaleString('en-US')} rows in the shape of lighteval/med_mcqa (the copy the suite's med_mcqa entries read) from the loopback Hugging Face imitation (the suite's other datasets are not served and fail at once), a fresh database each of ${LOAD_ROUNDS} rounds; the floor is a plain \`fetch\` of the same Parquet files from the page.`,
      '',
      '| measure | median | all rounds | target |',
      '|---|---|---|---|',
      `| navigation → all ${MODELS} leaderboard rows rendered | **${fmt(median(opens.map((r) => r.open)))}** | ${all(opens, (r) => r.open)} | < 300 ms |`,
      `| …of which navigation → the app's shell rendered (the app's start, any page) | ${fmt(median(opens.map((r) => r.shell)))} | ${all(opens, (r) => r.shell)} | — |`,
      `| …and shell → all rows rendered (the leaderboard's own part) | ${fmt(median(opens.map((r) => r.open - r.shell)))} | ${all(opens, (r) => r.open - r.shell)} | — |`,
      `| …raw IndexedDB read of runs, digests and suite runs (floor) | ${fmt(median(opens.map((r) => r.floor)))} | ${all(opens, (r) => r.floor)} | — |`,
      `| rows rendered / floor | **${median(opens.map((r) => r.open / r.floor)).toFixed(1)}×** | ${opens.map((r) => (r.open / r.floor).toFixed(1)).join(', ')} | — |`,
      `| navigation → win rates shown (worker) | ${fmt(median(opens.map((r) => r.winRates)))} | ${all(opens, (r) => r.winRates)} | — |`,
      `| …raw IndexedDB read of the ${MODELS * ENTRIES} runs' rewards (what the worker reads) | ${fmt(median(opens.map((r) => r.rewardsRead)))} | ${all(opens, (r) => r.rewardsRead)} | — |`,
      `| main-thread long tasks (> 50 ms) while opening | **${median(opens.map((r) => r.tasks.length))}** | ${all(opens, (r) => r.tasks.length)} | — |`,
      `| longest task while opening | ${fmt(median(opens.map((r) => longest(r.tasks))))} | ${all(opens, (r) => longest(r.tasks))} | — |`,
      `| "Load all" → both datasets ready (${(1273 + MCQA_ROWS).toLocaleString('en-US')} rows) | **${fmt(median(loads.map((r) => r.load)))}** | ${all(loads, (r) => r.load)} | — |`,
      `| …plain fetch of the same Parquet files (floor) | ${fmt(median(loads.map((r) => r.fetchFloor)))} | ${all(loads, (r) => r.fetchFloor)} | — |`,
      `| main-thread long tasks (> 50 ms) while loading | **${median(loads.map((r) => r.tasks.length))}** | ${all(loads, (r) => r.tasks.length)} | 0 |`,
      `| longest main-thread task while loading | ${fmt(median(loads.map((r) => longest(r.tasks))))} | ${all(loads, (r) => longest(r.tasks))} | < 50 ms |`,
    ],
  };
}
