// Issue 3 overhead in the real app: 131 examples × 3 judges against the loopback mock with 0 ms
// latency, in headless Chromium. Measures rollouts per second end to end (worker, IndexedDB, live
// queries, rendering) and the main thread's long tasks (> 50 ms) while the run's table updates.
import type { Page } from 'playwright-core';
import { launchBrowser } from '../test/support/browser';
import { judgeJson, startMockOpenAI } from '../test/support/mockOpenAI';
import { fmt, median, type BenchSection } from './stats';

const EXAMPLES = 131;
const ROUNDS = 3;

function examplesJsonl(): string {
  const notes = 'Patient with a displaced distal radius fracture after a fall. '.repeat(18);
  return Array.from({ length: EXAMPLES }, (_, i) =>
    JSON.stringify({
      question: `${i}. ${notes}`,
      answer: `Plan ${i}: closed reduction, cast, review in 2 weeks.`,
      filename: `n${i}.txt`,
    }),
  ).join('\n');
}

// Page scripts are strings so the bench runner's transforms cannot inject helpers the page lacks.
const WATCH_LONG_TASKS = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.duration, e.startTime - (window.__t0 || 0)]); })
    .observe({ type: 'longtask' });
})()`;

async function oneRun(
  page: Page,
  appUrl: string,
  baseUrl: string,
): Promise<{ ms: number; longTasks: number[] }> {
  await page.goto(`${appUrl}#/dataset`);
  await page.getByTestId('import-files').setInputFiles({
    name: 'bench.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(examplesJsonl()),
  });
  await page.getByTestId('import-result').waitFor();
  await page.goto(`${appUrl}#/run`);
  const fill = async (testId: string, model: string) => {
    const box = page.getByTestId(testId);
    await box.locator('input[name="baseUrl"]').fill(baseUrl);
    await box.locator('input[name="model"]').fill(model);
  };
  await fill('endpoint-model', 'model-x');
  await page.getByTestId('endpoint-model').locator('input[name="apiKey"]').fill('bench-key-000000');
  await fill('endpoint-judge-0', 'judge-a');
  await page.getByTestId('add-judge').click();
  await fill('endpoint-judge-1', 'judge-b');
  await page.getByTestId('add-judge').click();
  await fill('endpoint-judge-2', 'judge-c');
  await page.getByLabel('Examples', { exact: true }).selectOption('all');
  await page.getByLabel('Concurrency (rollouts in flight)').fill('16');
  await page.evaluate(WATCH_LONG_TASKS);
  const t0 = Date.now();
  await page.evaluate('window.__t0 = performance.now()');
  await page.getByTestId('run-start').click();
  await page
    .locator('[data-testid="run-status"][data-status="done"]')
    .waitFor({ timeout: 120_000 });
  const ms = Date.now() - t0;
  const entries = await page.evaluate<[number, number][]>('window.__longTasks');
  if (process.env.BENCH_DEBUG)
    console.log('long tasks [duration, ms after Start]', JSON.stringify(entries), 'run ms', ms);
  return { ms, longTasks: entries.map(([duration]) => duration) };
}

export async function benchRunInBrowser(appUrl: string): Promise<BenchSection> {
  const mock = await startMockOpenAI({ latencyMs: 0 });
  mock.setDefault((request) =>
    JSON.stringify(request.body).includes('patient_notes')
      ? {
          reply: judgeJson({ accuracy: 4, completeness: 3, clarity: 5 }),
          usage: { prompt_tokens: 900, completion_tokens: 120 },
        }
      : {
          reply:
            'Plan: closed reduction under haematoma block; above-elbow cast; review in clinic.',
          usage: { prompt_tokens: 400, completion_tokens: 60 },
        },
  );
  const browser = await launchBrowser();
  const results: { ms: number; longTasks: number[] }[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      results.push(await oneRun(page, appUrl, mock.baseUrl));
      await context.close();
    }
  } finally {
    await browser.close();
    await mock.close();
  }
  const rates = results.map((r) => EXAMPLES / (r.ms / 1000));
  const worst = results.map((r) => Math.max(0, ...r.longTasks));
  const counts = results.map((r) => r.longTasks.length);
  return {
    title: 'Run overhead in the app (headless Chromium)',
    lines: [
      `${EXAMPLES} examples × (1 generation + 3 judges) = ${EXAMPLES * 4} requests to a loopback mock with 0 ms latency; concurrency 16; ${ROUNDS} fresh browser profiles. Timed from "Start" to the run showing done (worker, IndexedDB journal, live queries and rendering included).`,
      '',
      '| measure | median | all runs |',
      '|---|---|---|',
      `| wall time | ${fmt(median(results.map((r) => r.ms)))} | ${results.map((r) => r.ms).join(', ')} |`,
      `| **rollouts per second** | **${median(rates).toFixed(1)}** | ${rates.map((r) => r.toFixed(1)).join(', ')} |`,
      `| main-thread long tasks (> 50 ms) during the run | ${median(counts)} | ${counts.join(', ')} |`,
      `| longest main-thread task during the run | ${fmt(median(worst))} | ${worst.map((w) => w.toFixed(0)).join(', ')} |`,
    ],
  };
}
