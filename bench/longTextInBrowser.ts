// Issue 10 item 5, a 10 MB model reply: a finished run with one short and one 10 MB reply seeded
// into the app's IndexedDB, then in headless Chromium: open each rollout's detail on the Run page and
// on the Results page, and time it until the reply is on screen and painted, with the long tasks on
// the way. The short reply, opened the same way in the same round, is the baseline.
import { chromium, type Page } from 'playwright-core';
import { toRolloutRow } from '../src/core/results/rolloutRow';
import { DATASET_SCHEMA_VERSION, type ExampleRecord } from '../src/core/schema/dataset';
import type { RolloutRecord, RunRecord } from '../src/core/schema/run';
import { CHROMIUM_ARGS, findChromium } from '../test/support/browser';
import { runSettings } from '../test/support/seedDataset';
import { fmt, median, type BenchSection } from './stats';

const ROUNDS = 3;
const RUN_ID = 'bench-long-text-run';
const DATASET_ID = 'bench-long-text-dataset';
const SHORT = '0:0';
const LONG = '1:0';

/** About 10 MB of Markdown-looking text. */
function hugeReply(): string {
  const paragraph =
    'The patient tolerated the procedure well. Estimated blood loss was minimal; ' +
    'no complications were noted, and the patient was taken to recovery in stable condition. ';
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < 10 * 1024 * 1024; i++) {
    const line = i % 40 === 0 ? `## Section ${i / 40}` : paragraph.repeat(1 + (i % 5));
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

function rollout(exampleId: number, content: string): RolloutRecord {
  return {
    schemaVersion: 1,
    runId: RUN_ID,
    key: `${exampleId}:0`,
    example_id: exampleId,
    rollout_index: 0,
    exampleKey: `n${exampleId}`,
    section: 'PLAN',
    status: 'error',
    prompt: [{ role: 'user', content: `Patient ${exampleId}: wrist fracture.` }],
    generation: {
      content,
      reasoning: null,
      finishReason: 'stop',
      requestBody: {},
      usage: { inputTokens: 40, outputTokens: Math.ceil(content.length / 4) },
      costUsd: null,
      latencyMs: 1_000,
      attempts: 1,
      cached: false,
      finishedAt: 1,
    },
    judges: [null],
    error: { kind: 'server', message: 'HTTP 500', stage: 'judge' },
    updatedAt: 1_760_000_000_000,
  };
}

function seedRecords() {
  const rollouts = [rollout(0, 'Plan: closed reduction and a cast.'), rollout(1, hugeReply())];
  const examples: ExampleRecord[] = [0, 1].map((i) => ({
    schemaVersion: DATASET_SCHEMA_VERSION,
    datasetId: DATASET_ID,
    example_id: i,
    id: `n${i}`,
    filename: `n${i}.txt`,
    extracted_section: 'PLAN',
    question: `Patient ${i}: wrist fracture.`,
    answer: 'Closed reduction, cast for six weeks.',
  }));
  const settings = runSettings({
    baseUrl: 'http://127.0.0.1:9/v1',
    datasetId: DATASET_ID,
    judgeModels: ['judge-a'],
  });
  const run: RunRecord = {
    schemaVersion: 1,
    id: RUN_ID,
    name: 'Bench: a 10 MB reply',
    kind: 'generate',
    status: 'done',
    settings,
    dataset: { id: DATASET_ID, label: 'Bench', rulesVersion: 1, inputCut: 'helm' },
    appVersion: 'bench',
    createdAt: 1_760_000_000_000,
    updatedAt: 1_760_000_000_000,
  };
  return { runs: [run], rollouts, rows: rollouts.map(toRolloutRow), examples };
}

// Page scripts are strings so the bench runner's transforms cannot inject helpers the page lacks.
const SEED = `async (payload) => {
  for (let i = 0; i < 200; i++) {
    const found = (await indexedDB.databases()).find((d) => d.name === 'medeval');
    if (found !== undefined && found.version >= 30) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('medeval');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction(['runs', 'rollouts', 'rolloutRows', 'examples'], 'readwrite');
  for (const run of payload.runs) tx.objectStore('runs').put(run);
  for (const r of payload.rollouts) tx.objectStore('rollouts').put(r);
  for (const r of payload.rows) tx.objectStore('rolloutRows').put(r);
  for (const e of payload.examples) tx.objectStore('examples').put(e);
  await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
  db.close();
}`;

/** Goes to `hash`, then resolves when the detail's reply is on screen and painted. */
const openDetail = (hash: string) => `(async () => {
  const tasks = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e.duration); });
  observer.observe({ type: 'longtask' });
  const t0 = performance.now();
  location.hash = ${JSON.stringify(hash)};
  while (document.querySelector('[data-testid="rollout-detail"] [data-testid="rollout-response"]') === null) {
    await new Promise((r) => setTimeout(r, 1));
  }
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 100));
  for (const e of observer.takeRecords()) tasks.push(e.duration);
  observer.disconnect();
  return { ms, tasks };
})()`;

interface Opening {
  ms: number;
  tasks: number[];
}

const PAGES = {
  run: { list: `#/run?run=${RUN_ID}`, open: (key: string) => `#/run?run=${RUN_ID}&rollout=${key}` },
  results: {
    list: `#/results?run=${RUN_ID}`,
    open: (key: string) => `#/results?run=${RUN_ID}&open=${key}`,
  },
} as const;

async function openOnce(page: Page, appUrl: string, where: keyof typeof PAGES, key: string) {
  await page.goto('about:blank');
  await page.goto(`${appUrl}${PAGES[where].list}`);
  const row =
    where === 'run' ? '[data-testid="rollouts-table"] tbody tr' : '[data-testid="results-row"]';
  await page.locator(row).first().waitFor({ timeout: 30_000 });
  return page.evaluate<Opening>(openDetail(PAGES[where].open(key)));
}

function line(label: string, short: Opening[], long: Opening[]): string {
  const time = median(long.map((o) => o.ms));
  const base = median(short.map((o) => o.ms));
  const longest = median(long.map((o) => Math.max(0, ...o.tasks)));
  const total = median(long.map((o) => o.tasks.reduce((a, b) => a + b, 0)));
  return `| ${label} | ${fmt(base)} | ${fmt(time)} | ${(time / base).toFixed(1)}× | ${fmt(longest)} | ${fmt(total)} |`;
}

export async function benchLongTextInBrowser(appUrl: string): Promise<BenchSection> {
  const executablePath = findChromium();
  if (executablePath === null) throw new Error('Chromium not found');
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  const results: Record<string, Opening[]> = {};
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.goto(appUrl);
    await page.getByTestId('app-shell').waitFor();
    await page.evaluate(`(${SEED})(${JSON.stringify(seedRecords())})`);
    for (let round = 0; round < ROUNDS; round++) {
      for (const where of ['run', 'results'] as const) {
        for (const key of [SHORT, LONG]) {
          (results[`${where}:${key}`] ??= []).push(await openOnce(page, appUrl, where, key));
        }
      }
    }
  } finally {
    await browser.close();
  }
  const of = (name: string) => results[name] ?? [];
  return {
    title: 'A 10 MB model reply (issue 10)',
    lines: [
      `Opening a rollout's detail until its reply is painted, median of ${ROUNDS} rounds; the baseline is a`,
      'one-line reply opened the same way in the same round. Long tasks are those of the 10 MB opening',
      '(before the fix: one task of 12.1 s on the Run page, 2 × 3.3 s on Results).',
      '',
      '| page | one-line reply | 10 MB reply | ratio | longest task | long tasks, total |',
      '| ---- | -------------- | ----------- | ----- | ------------ | ----------------- |',
      line('Run', of(`run:${SHORT}`), of(`run:${LONG}`)),
      line('Results', of(`results:${SHORT}`), of(`results:${LONG}`)),
    ],
  };
}
