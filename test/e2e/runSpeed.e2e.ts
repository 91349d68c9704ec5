// Issue 14 end to end in Chromium: a run against an endpoint over HTTP/2 with TLS shows its speed and
// no HTTP/1.1 notice; the same endpoint over plain HTTP/1.1 gets the notice before and during the
// run; and a page closed right after the last response finds every answered request stored.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  describeProblems,
  launchBrowser,
  newAppPage,
  requireChromium,
  type AppPage,
} from '../support/browser';
import { judgeJson, startMockOpenAI, type MockOpenAI } from '../support/mockOpenAI';

const chromiumPath = requireChromium();
const KEY = 'mock-key-speed-0123456789';

function isJudgeRequest(body: unknown): boolean {
  return JSON.stringify(body).includes('patient_notes');
}

async function startMock(options: { http2: boolean; latencyMs: number }): Promise<MockOpenAI> {
  const mock = await startMockOpenAI({
    apiKey: KEY,
    http2: options.http2,
    latencyMs: options.latencyMs,
    timingAllowOrigin: true,
    preflightMaxAgeSeconds: 600,
  });
  mock.setDefault((request) =>
    isJudgeRequest(request.body)
      ? { reply: judgeJson({ accuracy: 4, completeness: 4, clarity: 5 }) }
      : { reply: 'Plan: ice, elevation, and review in clinic in two weeks.' },
  );
  return mock;
}

async function importExamples(page: Page, count: number) {
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      question: `Patient ${i}: knee swelling after a fall.`,
      answer: `Plan ${i}: RICE.`,
      filename: `note-${i}.txt`,
    }),
  );
  await page.getByTestId('import-files').setInputFiles({
    name: 'examples.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(lines.join('\n')),
  });
  await expect
    .poll(() => page.getByTestId('import-result').textContent(), { timeout: 60_000 })
    .toMatch(`Imported ${count} examples`);
}

async function configureRun(page: Page, baseUrl: string, concurrency: number) {
  await page.goto(`${page.url().split('#')[0] ?? ''}#/run`);
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

const statusOf = (page: Page) => page.getByTestId('run-status').getAttribute('data-status');

/** Every rollout of the newest run, read straight from IndexedDB. */
async function storedRollouts(page: Page): Promise<{ status: string; answers: number }[]> {
  return page.evaluate(`(async () => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('medeval');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = await new Promise((resolve) => {
      const request = db.transaction('rollouts').objectStore('rollouts').getAll();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return all.map((r) => ({
      status: r.status,
      answers: (r.generation ? 1 : 0) + r.judges.filter((j) => j !== null).length,
    }));
  })()`);
}

describe.skipIf(chromiumPath === null)('run speed and honest concurrency in Chromium', () => {
  let browser: Browser;
  let mock: MockOpenAI | undefined;
  let app: AppPage | undefined;

  beforeAll(async () => {
    browser = await launchBrowser(chromiumPath ?? undefined);
  });
  afterAll(async () => {
    await browser.close();
  });
  afterEach(async () => {
    await app?.close();
    await mock?.close();
    app = undefined;
    mock = undefined;
  });

  it('runs over HTTP/2 with TLS, shows the speed, and no HTTP/1.1 notice', async () => {
    // Slow enough that the run is still going when the speed view is read (at 150 ms the 40 rollouts
    // could finish before its first report, and the view is shown only while the run goes).
    mock = await startMock({ http2: true, latencyMs: 600 });
    app = await newAppPage(browser, `${inject('appUrl')}#/dataset`);
    const { page } = app;
    await importExamples(page, 40);
    await configureRun(page, mock.baseUrl, 16);
    await expect
      .poll(() => page.getByTestId('concurrency-estimate').textContent())
      .toMatch(/16 rollouts at a time: about 6 rounds/);
    await page.getByTestId('run-start').click();
    const speed = page.getByTestId('run-speed');
    await expect
      .poll(() => speed.locator('li').first().getAttribute('data-protocol', { timeout: 1000 }))
      .toBe('h2');
    expect(await speed.textContent()).toMatch(/requests\/s · \d+ \/ 16 rollouts in progress/);
    await expect.poll(() => statusOf(page), { timeout: 30_000 }).toBe('done');
    expect(await page.getByTestId('concurrency-notice').count()).toBe(0);
    expect(mock.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(80);
    expect(new Set(mock.requests.map((r) => r.httpVersion))).toEqual(new Set(['2.0']));
    // No header beyond what the request needs: the SDK's x-stainless-* would force preflights.
    const names = new Set(mock.requests.flatMap((r) => Object.keys(r.headers)));
    expect([...names].filter((name) => name.startsWith('x-stainless'))).toEqual([]);
    // The server allows any header (Access-Control-Allow-Headers: *, echoed) and lets preflights be
    // cached: the browser asks only while the first lanes start, not before each of the 80 requests,
    // and asks only for the two headers a request needs.
    const preflights = mock.preflights;
    expect(preflights.length).toBeGreaterThanOrEqual(1);
    expect(preflights.length).toBeLessThanOrEqual(16);
    expect(new Set(preflights.map((r) => r.headers['access-control-request-headers']))).toEqual(
      new Set(['authorization,content-type']),
    );
    expect(describeProblems(app.pageErrors)).toBe('');
  });

  it('says an HTTP/1.1 endpoint caps the concurrency at 6, before and during the run', async () => {
    mock = await startMock({ http2: false, latencyMs: 150 });
    app = await newAppPage(browser, `${inject('appUrl')}#/dataset`);
    const { page } = app;
    await importExamples(page, 24);
    await configureRun(page, mock.baseUrl, 16);
    const estimate = page.getByTestId('concurrency-estimate');
    await expect
      .poll(() => estimate.getByTestId('concurrency-notice').textContent())
      .toMatch(/uses HTTP\/1\.1: browsers allow 6 requests at a time to one host, so 16 becomes 6/);
    expect(await estimate.textContent()).toMatch(/Concurrency 16 → 6 rollouts at a time/);
    await page.getByTestId('run-start').click();
    const live = page.getByTestId('run-speed').getByTestId('concurrency-notice');
    await expect.poll(() => live.textContent()).toMatch(/so 16 becomes 6/);
    expect(await page.getByTestId('run-speed').locator('li').first().textContent()).toMatch(
      /\(HTTP\/1\.1\): \d+ in flight \/ 6 allowed/,
    );
    await expect.poll(() => statusOf(page), { timeout: 30_000 }).toBe('done');
  });

  it('finds every answered request stored when the page is closed right after the last response, at 5,000 rollouts', async () => {
    // Issue 14's size: before the group-committing journal, the page read "52 / 5000" when the
    // endpoint had sent its last answer.
    const rollouts = 5000;
    mock = await startMock({ http2: true, latencyMs: 0 });
    app = await newAppPage(browser, `${inject('appUrl')}#/dataset`);
    const { page, context } = app;
    await importExamples(page, rollouts);
    await configureRun(page, mock.baseUrl, 32);
    await page.getByTestId('run-start').click();
    const answered = () =>
      mock?.requests.filter((r) => r.path.endsWith('/chat/completions') && r.answeredAt).length;
    await expect.poll(answered, { timeout: 240_000, interval: 5 }).toBe(rollouts * 2);
    await page.close();

    const reopened = await context.newPage();
    await reopened.goto(`${inject('appUrl')}#/run`);
    const stored = await storedRollouts(reopened);
    expect(stored).toHaveLength(rollouts);
    // The server has sent every answer, but the last ones may still be on their way through the
    // browser to the worker when the page dies: those were in flight. The rule is that a closed tab
    // loses at most the requests in flight (≤ 32 lanes); before the group-committing journal, the
    // journal lagged behind the network by most of the run.
    const lost = rollouts * 2 - stored.reduce((sum, r) => sum + r.answers, 0);
    expect(lost).toBeGreaterThanOrEqual(0);
    expect(lost).toBeLessThanOrEqual(32);
    expect(stored.filter((r) => r.status !== 'done').length).toBeLessThanOrEqual(32);
  }, 300_000);
});
