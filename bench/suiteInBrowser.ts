// Issue 15 at scale, in headless Chromium: (1) the leaderboard of 10 models × 30 suite entries, each
// a finished run with a digest and the rewards of 1,000 examples, seeded into IndexedDB; navigation →
// every row rendered, then → the win rates (computed by the worker) shown, and the main thread's long
// tasks meanwhile, against a raw IndexedDB read of the records the page reads, in the same page (the
// floor). (2) "Load all datasets" on the Suites page: every dataset the Medmarks verified suite loads —
// the Hugging Face ones served by the Hugging Face imitation in their real Parquet shapes at their real
// split sizes (the reference fixtures' rows replicated), the GitHub-hosted ones (LongHealth,
// SCT-Public, PubMedQA's test-subset list) by the GitHub imitation (suiteGithubFiles.ts) — timed
// against a plain fetch of the same Parquet bytes, with each dataset's ready time, the stored size,
// and the long tasks the page saw while the worker loaded against the same page left idle as long
// (the load on the machine); then once more with the GitHub host down (503 on every request), when
// the Hugging Face datasets must be ready about as soon as with every host up.
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium, type Page } from 'playwright-core';
import { MEDMARKS_VERIFIED } from '../src/core/suites/medmarksVerified';
import { RUN_DIGEST_VERSION, type RunDigest, type RunRewards } from '../src/core/suites/runDigest';
import { SUITE_RECORD_VERSION, type SuiteRunRecord } from '../src/core/suites/suiteRun';
import type { RunRecord } from '../src/core/schema/run';
import { mulberry32 } from '../src/core/stats/bootstrap';
import { CHROMIUM_ARGS, findChromium } from '../test/support/browser';
import { startFakeGitHub, type FakeGitHub } from '../test/support/fakeGitHub';
import { startFakeHuggingFace } from '../test/support/fakeHuggingFace';
import { startStaticServer } from '../test/support/staticServer';
import { appWithBlobSwaps, suiteGithubFiles, type SuiteGithubFiles } from './suiteGithubFiles';
import { runSettings } from '../test/support/seedDataset';
import { suiteDatasets, type ServedSplit, ROW_GROUP_ROWS } from './suiteDatasets';
import { fmt, median, type BenchSection } from './stats';
import { formatProfile, profileTrace } from './traceProfile';

const MODELS = 10;
const ENTRIES = 30;
const EXAMPLES = 1_000;
const ROUNDS = 5;
const LOAD_ROUNDS = 3;
/** An idle window of the page is at most this long (the machine's long tasks without the load). */
const IDLE_MAX_MS = 20_000;
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
    if (window.__ready !== undefined) {
      for (const li of document.querySelectorAll('[data-testid="suite-dataset"][data-status="ready"]')) {
        const name = li.textContent.split(':')[0];
        if (!(name in window.__ready)) window.__ready[name] = performance.now() - window.__t0;
      }
      for (const li of document.querySelectorAll('[data-testid="suite-dataset"]')) {
        const name = li.textContent.split(':')[0];
        if (li.textContent.includes(': failed') && !(name in window.__failed)) window.__failed[name] = performance.now() - window.__t0;
      }
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
  /** When each long task began, ms after the click (to tell which dataset was loading). */
  taskStarts: number[];
  /** The same page, datasets loaded, left idle for as long (capped): the machine's own long tasks. */
  idleMs: number;
  idleTasks: number[];
  /** Dataset line (env — variant) → ms from the click until it showed ready. */
  ready: Record<string, number>;
  /** The same for the lines that failed (the GitHub-hosted datasets when their host is down). */
  failed: Record<string, number>;
  notReady: string[];
  storedBytes: number;
}

const FETCH_FLOOR = (urls: string[]) => `(async () => {
  const t0 = performance.now();
  await Promise.all(${JSON.stringify(urls)}.map(async (u) => (await fetch(u)).arrayBuffer()));
  return performance.now() - t0;
})()`;

/** Polls an expression from Node every 250 ms (the app's CSP forbids waitForFunction's eval). */
async function pollPage(page: Page, expression: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate<boolean>(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const USAGE = `navigator.storage.estimate().then((e) => e.usage ?? 0)`;

async function loadRound(page: Page, url: string, parquetUrls: string[]): Promise<LoadRound> {
  await page.goto('about:blank');
  await page.goto(url);
  const button = page.getByTestId('suite-load-all');
  await button.waitFor();
  await pollPage(
    page,
    `!document.querySelector('[data-testid="suite-load-all"]').disabled`,
    60_000,
  );
  const fetchFloor = await page.evaluate<number>(FETCH_FLOOR(parquetUrls));
  const usageBefore = await page.evaluate<number>(USAGE);
  const t0 = await page.evaluate<number>(
    'window.__longTasks = []; window.__ready = {}; window.__failed = {}; window.__t0 = performance.now(); window.__t0',
  );
  await button.click();
  // "Load all" loads the datasets one after another; done when the button is back (or says all loaded).
  await pollPage(
    page,
    `(() => { const b = document.querySelector('[data-testid="suite-load-all"]'); return b.textContent === 'All datasets loaded' || !b.disabled; })()`,
    900_000,
  );
  const load = (await page.evaluate<number>('performance.now()')) - t0;
  const tasks = await page.evaluate<number[]>('window.__longTasks.map(([, d]) => d)');
  const taskStarts = await page.evaluate<number[]>(
    'window.__longTasks.map(([start]) => start - window.__t0)',
  );
  const ready = await page.evaluate<Record<string, number>>('window.__ready');
  const failed = await page.evaluate<Record<string, number>>('window.__failed');
  const notReady = await page
    .locator('[data-testid="suite-dataset"]:not([data-status="ready"])')
    .allTextContents();
  const storedBytes = (await page.evaluate<number>(USAGE)) - usageBefore;
  // The idle floor: the same page reloaded (every dataset loaded, nothing to do), as long again.
  await page.goto('about:blank');
  await page.goto(url);
  await page.getByTestId('suite-load-all').waitFor();
  const idleMs = Math.min(load, IDLE_MAX_MS);
  await page.evaluate('window.__longTasks = []');
  await page.waitForTimeout(idleMs);
  const idleTasks = await page.evaluate<number[]>('window.__longTasks.map(([, d]) => d)');
  return {
    load,
    fetchFloor,
    tasks,
    taskStarts,
    idleMs,
    idleTasks,
    ready,
    failed,
    notReady,
    storedBytes,
  };
}

async function deleteDb(page: Page): Promise<void> {
  await page.evaluate(
    `new Promise((resolve) => { const r = indexedDB.deleteDatabase('medeval'); r.onsuccess = r.onerror = r.onblocked = () => resolve(); })`,
  );
}

/** The GitHub-hosted lines (one queue of "Load all"); PubMedQA also reads GitHub, in its own. */
const isGithubLine = (name: string) => /^(SCT-Public|LongHealth) —/.test(name);
const isPubmedqaLine = (name: string) => name.startsWith('PubMedQA —');

/** `dist`: the built app, copied with the two pinned blob ids swapped (suiteGithubFiles.ts). */
export async function benchSuiteInBrowser(dist: string): Promise<BenchSection> {
  const executablePath = findChromium();
  if (executablePath === null) throw new Error('Chromium not found');
  const { datasets, splits } = suiteDatasets();
  const pubmedqa = datasets.find((d) => d.id === 'qiaojin/PubMedQA')?.configs['pqa_labeled']?.[
    'train'
  ]?.rows;
  const github = suiteGithubFiles((pubmedqa ?? []).map((row) => Number(row['pubid'])));
  const appDir = appWithBlobSwaps(dist, github.pinnedBlobSwaps);
  const server = await startStaticServer({ root: appDir, prefix: '/medeval/' });
  const appUrl = server.url;
  const fake = await startFakeHuggingFace({ datasets });
  const gh: FakeGitHub = await startFakeGitHub({ notes: [], repoFiles: github.files });
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  const opens: OpenRound[] = [];
  const loads: LoadRound[] = [];
  let hostDown: LoadRound | undefined;
  const loadBefore = loadAverage();
  const machineLoads: string[] = [];
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
    const params = new URLSearchParams({
      hfViewer: fake.viewerBase,
      hfHub: fake.hubBase,
      raw: gh.bases.rawBase,
      mirror: gh.bases.mirrorBase,
      mirrorApi: gh.bases.mirrorApiBase,
    });
    const parquetUrls = splits.map(
      (split) =>
        `${fake.hubBase}/datasets/${split.dataset}/resolve/refs%2Fconvert%2Fparquet/${split.config}/${split.split}/0000.parquet`,
    );
    for (let round = 0; round < LOAD_ROUNDS; round++) {
      await deleteDb(page);
      const done = await loadRound(page, `${appUrl}?${params.toString()}#/suites`, parquetUrls);
      loads.push(done);
      machineLoads.push(loadAverage());
      console.log(`suite load round ${round + 1}: ${describeRound(done)}`);
    }
    // The GitHub host down: every request to its raw host and mirror answers 503 (retried).
    gh.fail({ host: 'raw', status: 503 });
    gh.fail({ host: 'cdn', status: 503 });
    await deleteDb(page);
    hostDown = await loadRound(page, `${appUrl}?${params.toString()}#/suites`, parquetUrls);
    machineLoads.push(loadAverage());
    console.log(`suite load, GitHub down: ${describeRound(hostDown)}`);
    await context.close();
  } finally {
    await browser.close();
    await fake.close();
    await gh.close();
    await server.close();
    rmSync(appDir, { recursive: true, force: true });
  }
  return report(opens, loads, hostDown, splits, github, loadBefore, machineLoads);
}

function describeRound(done: LoadRound): string {
  return `${done.load.toFixed(0)} ms, ${done.tasks.length} tasks > 50 ms at ${done.taskStarts.map((t, i) => `${t.toFixed(0)} (${done.tasks[i]?.toFixed(0)} ms)`).join(', ')}; ready at ${JSON.stringify(done.ready)}; failed at ${JSON.stringify(done.failed)} (idle page ${done.idleTasks.length} in ${done.idleMs.toFixed(0)} ms), load ${loadAverage()}, not ready: ${done.notReady.map((line) => line.split(':')[0]).join(' | ')}`;
}

const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(', ');

/** Which "Load all" queue a line is in (core/suites/loadQueues: one per set of hosts). */
const queueOf = (name: string) =>
  isGithubLine(name) ? 'github' : isPubmedqaLine(name) ? 'both' : 'huggingface';

/** When the last line of the Hugging Face queue (not PubMedQA's, which also needs GitHub) was ready. */
const hubReady = (round: LoadRound) =>
  Math.max(
    0,
    ...Object.entries(round.ready)
      .filter(([name]) => queueOf(name) === 'huggingface')
      .map(([, at]) => at),
  );
const githubDone = (round: LoadRound) =>
  Math.max(
    0,
    ...[...Object.entries(round.ready), ...Object.entries(round.failed)]
      .filter(([name]) => isGithubLine(name))
      .map(([, at]) => at),
  );
const pubmedqaReady = (round: LoadRound) =>
  Object.entries(round.ready).find(([name]) => isPubmedqaLine(name))?.[1] ?? Number.NaN;

function report(
  opens: OpenRound[],
  loads: LoadRound[],
  hostDown: LoadRound | undefined,
  splits: readonly ServedSplit[],
  github: SuiteGithubFiles,
  loadBefore: string,
  machineLoads: readonly string[],
): BenchSection {
  const all = <T>(rounds: T[], pick: (r: T) => number) =>
    rounds.map((r) => pick(r).toFixed(0)).join(', ');
  const longest = (tasks: number[]) => Math.max(0, ...tasks);
  const perTenSeconds = (count: number, ms: number) => ((count * 10_000) / ms).toFixed(1);
  const rows = splits.reduce((sum, split) => sum + split.rows, 0);
  const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
  // Each dataset line's own time: its ready time less the line before it in its queue.
  const names = Object.keys(loads[0]?.ready ?? {});
  const ownTimes = loads.map((round) => {
    const order = Object.entries(round.ready).sort((x, y) => x[1] - y[1]);
    return new Map(
      order.map(([name, at], i) => {
        const before = order.slice(0, i).filter(([other]) => queueOf(other) === queueOf(name));
        return [name, at - (before.at(-1)?.[1] ?? 0)];
      }),
    );
  });
  const datasetLines = names
    .map((name) => ({
      name,
      at: median(loads.map((round) => round.ready[name] ?? Number.NaN)),
      own: median(ownTimes.map((times) => times.get(name) ?? Number.NaN)),
      down: hostDown?.ready[name] ?? hostDown?.failed[name],
      failed: hostDown !== undefined && name in hostDown.failed,
    }))
    .sort((a, b) => a.at - b.at)
    .map(
      ({ name, at, own, down, failed }) =>
        `| ${name} | ${queueOf(name)} | ${fmt(at)} | ${fmt(own)} | ${down === undefined ? '—' : `${fmt(down)}${failed ? ' (failed)' : ''}`} |`,
    );
  const hubServed = loads.map(hubReady);
  const downLines = hostDown === undefined ? [] : hostDownLines(hostDown, median(hubServed));
  return {
    title: 'Suites: leaderboard and loading a suite’s datasets (headless Chromium)',
    lines: [
      `Leaderboard: ${MODELS} models × ${ENTRIES} entries of Medmarks verified, each a finished run with its digest and its ${EXAMPLES.toLocaleString('en-US')} per-example rewards, seeded into IndexedDB; ${ROUNDS} page loads of \`#/leaderboard?all=1\` (every column), from navigation start (the app's start included). The page reads runs, digests and suite runs; the worker reads the rewards and computes the win rates, which fill in after the rows. The floor is a raw IndexedDB read of the records the page reads, in the same page.`,
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
      '',
      `Loading: "Load all datasets" on the Suites page with every dataset the suite loads served: the Hugging Face ones by the loopback Hugging Face imitation in its real Parquet shape (the column shapes of the worker tests: structs, lists, int64), at its real split size: the reference fixtures' rows replicated, ids and question texts made distinct per copy, ${ROW_GROUP_ROWS.toLocaleString('en-US')}-row row groups, Snappy. ${splits.length} splits, ${rows.toLocaleString('en-US')} rows, ${mb(splits.reduce((sum, split) => sum + split.bytes, 0))} MB of Parquet (smaller than the Hub's files: replicated rows compress well). The GitHub-hosted ones (LongHealth's six variants and SCT-Public read files of MedARC's repository at pinned commits, PubMedQA its test-subset list) by the loopback GitHub imitation, the files below; the real LongHealth and SCT-Public tables are not on this machine, so the app is served from a copy of the build in which only their two pinned git blob ids are swapped for the served files' (download, blob check, parsing and writes run as for users). "Load all" keeps one queue per set of hosts (Hugging Face; GitHub; both, for PubMedQA), side by side. A fresh database each of ${LOAD_ROUNDS} rounds, then one more round with the GitHub host down; the fetch floor is a plain \`fetch\` of the same Parquet files from the page; the idle floor is the same page reloaded afterwards with nothing to load, left idle as long as the load took (at most ${IDLE_MAX_MS / 1000} s): the long tasks the loaded machine causes by itself. Machine load average (1, 5, 15 min, \`uptime\`): ${loadBefore} before; after each loading round ${machineLoads.join(' | ')} (2 cores, shared).`,
      '',
      '| served split (dataset / config / split) | rows | Parquet | size from |',
      '|---|---|---|---|',
      ...splits.map(
        (split) =>
          `| ${split.dataset} / ${split.config} / ${split.split} | ${split.rows.toLocaleString('en-US')} | ${(split.bytes / 1e3).toFixed(0)} kB | ${split.source} |`,
      ),
      '',
      '| served GitHub file | bytes | what |',
      '|---|---|---|',
      ...github.described.map(
        (file) => `| ${file.path} | ${file.bytes.toLocaleString('en-US')} | ${file.what} |`,
      ),
      '',
      '| measure | median | all rounds | target |',
      '|---|---|---|---|',
      `| "Load all" → every dataset ready (${rows.toLocaleString('en-US')} Parquet rows and the GitHub files) | **${fmt(median(loads.map((r) => r.load)))}** | ${all(loads, (r) => r.load)} | — |`,
      `| …the Hugging Face queue's last dataset ready | **${fmt(median(hubServed))}** | ${hubServed.map((v) => v.toFixed(0)).join(', ')} | — |`,
      `| …the GitHub queue's last dataset ready (SCT-Public, 6 × LongHealth) | ${fmt(median(loads.map(githubDone)))} | ${all(loads, githubDone)} | — |`,
      `| …PubMedQA ready (its own queue: the Hub and GitHub) | ${fmt(median(loads.map(pubmedqaReady)))} | ${all(loads, pubmedqaReady)} | — |`,
      `| …plain fetch of the same Parquet files (floor) | ${fmt(median(loads.map((r) => r.fetchFloor)))} | ${all(loads, (r) => r.fetchFloor)} | — |`,
      `| dataset lines ready / listed | ${median(loads.map((r) => Object.keys(r.ready).length))} / ${median(loads.map((r) => Object.keys(r.ready).length + r.notReady.length))} | — | — |`,
      `| stored (navigator.storage.estimate, after − before) | ${mb(median(loads.map((r) => r.storedBytes)))} MB | ${loads.map((r) => mb(r.storedBytes)).join(', ')} | — |`,
      `| main-thread long tasks (> 50 ms) while loading | **${median(loads.map((r) => r.tasks.length))}** | ${all(loads, (r) => r.tasks.length)} | 0 |`,
      `| …per 10 s of loading | ${median(loads.map((r) => Number(perTenSeconds(r.tasks.length, r.load))))} | ${loads.map((r) => perTenSeconds(r.tasks.length, r.load)).join(', ')} | — |`,
      `| longest main-thread task while loading | ${fmt(median(loads.map((r) => longest(r.tasks))))} | ${all(loads, (r) => longest(r.tasks))} | < 50 ms |`,
      `| idle floor: long tasks on the same page idle (window ms) | ${median(loads.map((r) => r.idleTasks.length))} | ${loads.map((r) => `${r.idleTasks.length} (${r.idleMs.toFixed(0)})`).join(', ')} | — |`,
      `| …per 10 s idle | ${median(loads.map((r) => Number(perTenSeconds(r.idleTasks.length, r.idleMs))))} | ${loads.map((r) => perTenSeconds(r.idleTasks.length, r.idleMs)).join(', ')} | — |`,
      `| longest task on the idle page | ${fmt(median(loads.map((r) => longest(r.idleTasks))))} | ${all(loads, (r) => longest(r.idleTasks))} | — |`,
      '',
      ...downLines,
      '',
      `Each dataset line: its queue, the median time from the click until it showed ready, its own time (ready less the line before it in its queue), and in the round with the GitHub host down when it was ready (or failed). Not ready in the last round with every host up: ${loads[loads.length - 1]?.notReady.map((line) => line.split(':')[0]?.trim() ?? line).join('; ') || '—'}.`,
      '',
      '| dataset line | queue | ready at | own time | GitHub down: ready at |',
      '|---|---|---|---|---|',
      ...datasetLines,
    ],
  };
}

/** The round with the GitHub host down, against the rounds with every host up. */
function hostDownLines(round: LoadRound, hubServed: number): string[] {
  const failed = Object.keys(round.failed);
  return [
    `With the GitHub host down (its raw host and mirror answer 503 to every request, retried: 5 attempts each, then the next host), one round: "Load all" ended after ${fmt(round.load)}; ${failed.length} lines failed (${failed.filter(isGithubLine).length} GitHub-hosted), ${Object.keys(round.ready).length} ready. Before the per-host queues, "Load all" loaded one line after another: in the run of e208a60 (load 8–9; the GitHub lines not served, so failing after their retries) it ended after 56.1 s, of which 11.7 s on the served datasets, and the Hugging Face lines listed after SCT-Public and LongHealth were ready only from 52.1 s on.`,
    '',
    '| GitHub host down | this round | every host up (median) | ratio |',
    '|---|---|---|---|',
    `| "Load all" → the Hugging Face queue's last dataset ready | **${fmt(hubReady(round))}** | ${fmt(hubServed)} | **${(hubReady(round) / hubServed).toFixed(2)}×** |`,
    `| …the last GitHub line failed | ${fmt(githubDone(round))} | — | — |`,
    `| …PubMedQA ready without its test-subset list (after that file's retries) | ${fmt(pubmedqaReady(round))} | — | — |`,
    `| main-thread long tasks (> 50 ms) while loading; longest | ${round.tasks.length}; ${fmt(Math.max(0, ...round.tasks))} | — | — |`,
  ];
}
