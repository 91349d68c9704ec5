// Issue 4, the results table at scale: 10,000 rollouts (3 judges each) seeded straight into the app's
// IndexedDB, then in headless Chromium: open → first rows, sort by reward, one search keystroke,
// scrolling to the bottom (long tasks), and the heap after opening.
import { chromium, type Page } from 'playwright-core';
import { judgeScore, parseJudgeReply, scoreRollout } from '../src/core/envs/mtsamples/judge';
import { toRolloutRow } from '../src/core/results/rolloutRow';
import { DATASET_SCHEMA_VERSION, type ExampleRecord } from '../src/core/schema/dataset';
import type { JudgeCall, RolloutRecord, RolloutStatus, RunRecord } from '../src/core/schema/run';
import { mulberry32 } from '../src/core/stats/bootstrap';
import { CHROMIUM_ARGS, findChromium } from '../test/support/browser';
import { runSettings } from '../test/support/seedDataset';
import { fmt, median, type BenchSection } from './stats';

const ROLLOUTS = 10_000;
const PER_EXAMPLE = 3;
const ROUNDS = 5;
const CHUNK = 1_000;
const RUN_ID = 'bench-results-run';
const DATASET_ID = 'bench-results-dataset';
const JUDGES = ['judge-a', 'judge-b', 'judge-c'];
/** One search keystroke: present in every tenth response only, so the rows on screen change. */
const SEARCH_CHAR = 'ß';
const COLD_CHAR = '¤';

const NOTE = 'PREOPERATIVE DIAGNOSIS: Displaced distal radius fracture after a fall. '.repeat(14);

function judgeCall(index: number, random: () => number): JudgeCall {
  const score = () => 1 + Math.floor(random() * 5);
  const verdict = (name: string) => ({
    score: score(),
    explanation: `The ${name} of the plan is judged against the reference; the cast and follow-up are covered.`,
  });
  const raw = JSON.stringify({
    accuracy: verdict('accuracy'),
    completeness: verdict('completeness'),
    clarity: verdict('clarity'),
  });
  const parsed = parseJudgeReply(raw);
  return {
    judgeIndex: index,
    model: JUDGES[index] ?? '',
    raw,
    parsed,
    score: judgeScore(parsed),
    usage: { inputTokens: 900, outputTokens: 120 },
    costUsd: 0.0004,
    latencyMs: 2_000,
    attempts: 1,
    cached: false,
    finishedAt: 1,
  };
}

function statusFor(random: () => number): RolloutStatus {
  const draw = random();
  return draw < 0.85 ? 'done' : draw < 0.92 ? 'unscored' : draw < 0.97 ? 'error' : 'pending';
}

function rollout(index: number, random: () => number): RolloutRecord {
  const exampleId = Math.floor(index / PER_EXAMPLE);
  const rolloutIndex = index % PER_EXAMPLE;
  const status = statusFor(random);
  const key = `${exampleId}:${rolloutIndex}`;
  const base: RolloutRecord = {
    schemaVersion: 1,
    runId: RUN_ID,
    key,
    example_id: exampleId,
    rollout_index: rolloutIndex,
    exampleKey: `n${exampleId}`,
    section: ['PLAN', 'PROCEDURE', 'DISPOSITION'][exampleId % 3] ?? null,
    status,
    prompt: [{ role: 'user', content: `${exampleId}. ${NOTE}` }],
    judges: JUDGES.map(() => null),
    updatedAt: 1_760_000_000_000 + index,
    ...(index % 20 === 0 ? { notes: 'Check the cast duration against the reference.' } : {}),
    ...(index % 33 === 0 ? { ratings: { accuracy: 4 } } : {}),
  };
  if (status === 'pending') return base;
  const content =
    `Plan ${key}: closed reduction under haematoma block, above-elbow cast, review in clinic in two weeks${index % 10 === 3 ? ' (Straße)' : ''}. `.repeat(
      6,
    );
  const generation = {
    content,
    reasoning: null,
    finishReason: 'stop',
    requestBody: {},
    usage: { inputTokens: 400, outputTokens: 160 },
    costUsd: 0.0002,
    latencyMs: 1_000 + Math.floor(random() * 4_000),
    attempts: 1,
    cached: false,
    finishedAt: 1,
  };
  if (status === 'error') {
    return { ...base, error: { kind: 'server', message: 'HTTP 500', stage: 'generation' } };
  }
  const judges = JUDGES.map((_, j) =>
    status === 'unscored' && j > 0 ? null : judgeCall(j, random),
  );
  const score = scoreRollout(judges.map((call) => call?.parsed ?? null));
  return { ...base, generation, judges, score };
}

function seedRecords(count: number) {
  const random = mulberry32(4);
  const rollouts = Array.from({ length: count }, (_, i) => rollout(i, random));
  const examples: ExampleRecord[] = Array.from({ length: count / PER_EXAMPLE + 1 }, (_, i) => ({
    schemaVersion: DATASET_SCHEMA_VERSION,
    datasetId: DATASET_ID,
    example_id: i,
    id: `n${i}`,
    filename: `n${i}.txt`,
    extracted_section: 'PLAN',
    question: `${i}. ${NOTE}`,
    answer: `Reference plan ${i}: closed reduction, cast for six weeks, physiotherapy afterwards.`,
  }));
  const settings = runSettings({
    baseUrl: 'http://127.0.0.1:9/v1',
    datasetId: DATASET_ID,
    judgeModels: JUDGES,
  });
  const run: RunRecord = {
    schemaVersion: 1,
    id: RUN_ID,
    name: 'Bench: 10,000 rollouts',
    kind: 'generate',
    status: 'done',
    settings,
    dataset: { id: DATASET_ID, label: 'Bench', rulesVersion: 1, inputCut: 'helm' },
    appVersion: 'bench',
    createdAt: 1_760_000_000_000,
    updatedAt: 1_760_000_000_000,
  };
  return { run, rollouts, examples };
}

// Page scripts are strings so the bench runner's transforms cannot inject helpers the page lacks.
// The app must have created its database first: opening it without a version would create an empty one.
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

const INIT = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
  const observer = new MutationObserver(() => {
    if (document.querySelector('[data-testid="results-row"]') !== null) {
      window.__firstRow = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})()`;

/** Runs `action` (a statement), then resolves with ms until the next rows mark after it. */
const afterRowsMark = (action: string) => `(async () => {
  const t0 = performance.now();
  ${action}
  for (;;) {
    const marks = performance.getEntriesByName('medeval:results-rows');
    const last = marks[marks.length - 1];
    if (last !== undefined && last.startTime > t0) return last.startTime - t0;
    await new Promise((r) => setTimeout(r, 1));
  }
})()`;

/** How long the raw IndexedDB read of the run's compact rows takes (the floor for opening). */
const READ_ROWS = `(async () => {
  const db = await new Promise((resolve) => { const r = indexedDB.open('medeval'); r.onsuccess = () => resolve(r.result); });
  const t0 = performance.now();
  await new Promise((resolve) => {
    const r = db.transaction('rolloutRows').objectStore('rolloutRows').index('runId').getAll('${RUN_ID}');
    r.onsuccess = () => resolve(r.result);
  });
  db.close();
  return performance.now() - t0;
})()`;

const HEAP_MB = 'gc(), performance.memory.usedJSHeapSize / 1048576';

const CLICK_REWARD = `[...document.querySelectorAll('[data-testid="results-table"] th button')]
  .find((b) => b.textContent.startsWith('Reward')).click();`;

const typeOne = (char: string) => `(async () => {
  const box = document.querySelector('[data-testid="results-search"]');
  let inputAt = 0;
  box.addEventListener('input', () => { inputAt = performance.now(); }, { once: true });
  const before = performance.now();
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  setter.call(box, '${char}');
  box.dispatchEvent(new Event('input', { bubbles: true }));
  for (;;) {
    // The rows drawn from the worker's answer (until it comes, the previous answer stays on screen).
    const marks = (name) => performance.getEntriesByName(name).filter((m) => m.startTime > before);
    const search = marks('medeval:results-search');
    const done = marks('medeval:results-search-done');
    const rows = done.length === 0 ? [] : marks('medeval:results-rows').filter((m) => m.startTime >= done[0].startTime);
    if (rows.length > 0 && search.length > 0) {
      return { total: rows[0].startTime - inputAt, afterDebounce: rows[0].startTime - search[0].startTime };
    }
    await new Promise((r) => setTimeout(r, 1));
  }
})()`;

const SCROLL = `(async () => {
  const box = document.querySelector('.results-scroll');
  const t0 = performance.now();
  let steps = 0;
  const frames = [];
  while (box.scrollTop + box.clientHeight < box.scrollHeight - 1) {
    const before = performance.now();
    box.scrollTop += 1600;
    steps++;
    await new Promise((r) => requestAnimationFrame(() => r()));
    frames.push(performance.now() - before);
  }
  frames.sort((a, b) => a - b);
  await new Promise((r) => setTimeout(r, 200));
  const tasks = window.__longTasks.filter(([start]) => start > t0).map(([, d]) => d);
  const rows = document.querySelectorAll('[data-testid="results-row"]');
  return { steps, ms: performance.now() - t0, tasks, frameMedian: frames[Math.floor(frames.length / 2)], frameP95: frames[Math.floor(frames.length * 0.95)], lastRow: Number(rows[rows.length - 1]?.getAttribute('aria-rowindex') ?? 0) - 1 };
})()`;

/**
 * Opens the app at `appUrl` (so it creates its database) and writes a finished run of `count`
 * rollouts with 3 judges straight into IndexedDB; resolves with the run's id. Also for e2e tests.
 */
async function seedResultsRun(page: Page, appUrl: string, count: number): Promise<string> {
  const { run, rollouts, examples } = seedRecords(count);
  await page.goto(appUrl);
  await page.getByTestId('app-shell').waitFor();
  for (let start = 0; start < count; start += CHUNK) {
    const part = rollouts.slice(start, start + CHUNK);
    const payload = {
      runs: start === 0 ? [run] : [],
      rollouts: part,
      rows: part.map(toRolloutRow),
      examples: start === 0 ? examples : [],
    };
    await page.evaluate(`(${SEED})(${JSON.stringify(payload)})`);
  }
  return run.id;
}

interface Round {
  open: number;
  heapMb: number;
  sort: number;
  search: { total: number; afterDebounce: number };
  coldSearch: { total: number; afterDebounce: number };
  scroll: {
    steps: number;
    ms: number;
    tasks: number[];
    frameMedian: number;
    frameP95: number;
    lastRow: number;
  };
}

async function oneRound(page: Page, url: string): Promise<Round> {
  await page.goto('about:blank');
  await page.goto(url);
  // Not waitForFunction: the app's CSP forbids the eval it uses for a string predicate.
  await page.getByTestId('results-row').first().waitFor({ timeout: 30_000 });
  const open = await page.evaluate<number>('window.__firstRow');
  await page.waitForTimeout(300);
  const heapMb = await page.evaluate<number>(HEAP_MB);
  const dcl = await page.evaluate<number>(
    "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd",
  );
  // One search first: the worker builds its text of the run once per page load (measured apart).
  // It matches nothing, so the warm keystroke below is a new search, not the page's last answer.
  const coldSearch = await page.evaluate<Round['search']>(typeOne(COLD_CHAR));
  await clearSearch(page);
  const sort = await page.evaluate<number>(afterRowsMark(CLICK_REWARD));
  await page.waitForTimeout(300);
  const search = await page.evaluate<Round['search']>(typeOne(SEARCH_CHAR));
  await clearSearch(page);
  const scroll = await page.evaluate<Round['scroll']>(SCROLL);
  if (process.env.BENCH_DEBUG) {
    const readRows = await page.evaluate<number>(READ_ROWS);
    console.log({ dcl, open, readRows, coldSearch, search, sort });
  }
  return { open, heapMb, sort, coldSearch, search, scroll };
}

async function clearSearch(page: Page): Promise<void> {
  await page.getByTestId('results-search').fill('');
  await page
    .getByTestId('results-count')
    .filter({ hasText: /^10,000 of/ })
    .waitFor();
  await page.waitForTimeout(200);
}

export async function benchResultsInBrowser(appUrl: string): Promise<BenchSection> {
  const executablePath = findChromium();
  if (executablePath === null) throw new Error('Chromium not found');
  // gc() before reading the heap, so the figure is what the page keeps, not garbage not yet collected.
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  const rounds: Round[] = [];
  let baselineHeapMb = Number.NaN;
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    if (process.env.BENCH_DEBUG) {
      page.on('pageerror', (error) => console.log('pageerror', error.message));
      page.on('console', (m) => m.type() === 'error' && console.log('console', m.text()));
    }
    await seedResultsRun(page, `${appUrl}#/run`, ROLLOUTS);
    // The same profile with no run open: the heap figure below is read against it.
    await page.goto('about:blank');
    await page.goto(`${appUrl}#/results`);
    await page.getByTestId('app-shell').waitFor();
    await page.waitForTimeout(500);
    baselineHeapMb = await page.evaluate<number>(HEAP_MB);
    await page.addInitScript(INIT);
    for (let round = 0; round < ROUNDS; round++) {
      rounds.push(await oneRound(page, `${appUrl}#/results?run=${RUN_ID}`));
    }
    await context.close();
  } finally {
    await browser.close();
  }
  return report(rounds, baselineHeapMb);
}

function report(rounds: Round[], baselineHeapMb: number): BenchSection {
  const all = (pick: (r: Round) => number, digits = 0) =>
    rounds.map((r) => pick(r).toFixed(digits)).join(', ');
  const row = (label: string, pick: (r: Round) => number, target: string, unit = 'ms') => {
    const value = median(rounds.map(pick));
    const shown = unit === 'ms' ? fmt(value) : `${value.toFixed(0)} ${unit}`;
    return `| ${label} | **${shown}** | ${all(pick)} | ${target} |`;
  };
  const scrolledToEnd = rounds.every((r) => r.scroll.lastRow === ROLLOUTS);
  return {
    title: 'Results table at 10,000 rollouts (headless Chromium)',
    lines: [
      `${ROLLOUTS.toLocaleString('en-US')} rollouts × 3 judges seeded into IndexedDB; ${ROUNDS} page loads of \`#/results?run=…\`, median and all rounds. The search keystroke includes the 120 ms debounce by design; the row after it is the worker search + filter + render that follows.`,
      '',
      '| measure | median | all rounds | target |',
      '|---|---|---|---|',
      row('navigation → first rows visible', (r) => r.open, '≤ 500 ms'),
      row('click "Reward" to sort → rows updated', (r) => r.sort, '≤ 100 ms'),
      row('one search keystroke → rows updated (debounce included)', (r) => r.search.total, '—'),
      row('…of which search start → rows updated', (r) => r.search.afterDebounce, '≤ 50 ms'),
      row('first search of a page load (worker builds its text)', (r) => r.coldSearch.total, '—'),
      row(
        'long tasks (> 50 ms) scrolling to the bottom',
        (r) => r.scroll.tasks.length,
        '0',
        'tasks',
      ),
      row('longest task while scrolling', (r) => Math.max(0, ...r.scroll.tasks), '< 50 ms'),
      row('scroll step → next frame, median', (r) => r.scroll.frameMedian, '≤ 16.7 ms'),
      row('scroll step → next frame, 95th percentile', (r) => r.scroll.frameP95, '—'),
      row('JS heap with the run open, after gc()', (r) => r.heapMb, '—', 'MB'),
      `| …the same page with no run open | ${baselineHeapMb.toFixed(0)} MB | | — |`,
      '',
      scrolledToEnd ? '' : 'Warning: a round did not reach the last row.',
    ],
  };
}
