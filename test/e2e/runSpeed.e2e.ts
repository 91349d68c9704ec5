// Issue 14 end to end in Chromium: a run against an endpoint over HTTP/2 with TLS shows its speed and
// no HTTP/1.1 notice; the same endpoint over plain HTTP/1.1 gets the notice before and during the
// run; and a page closed right after the last response finds every answered request stored.
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { describeProblems } from '../support/browser';
import { judgeJson, startMockOpenAI, type MockOpenAI } from '../support/mockOpenAI';
import { describeInChromium } from './describeInChromium';
import { configureRunOfAll, importExamples, isJudgeRequest } from './runSupport';

const KEY = 'mock-key-speed-0123456789';

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

const configureRun = (page: Page, baseUrl: string, concurrency: number) =>
  configureRunOfAll(page, { baseUrl, key: KEY, concurrency });

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

describeInChromium('run speed and honest concurrency in Chromium', (chromium) => {
  it('runs over HTTP/2 with TLS, shows the speed, and no HTTP/1.1 notice', async () => {
    // Slow enough that the run is still going when the speed view is read (at 150 ms the 40 rollouts
    // could finish before its first report, and the view is shown only while the run goes).
    const mock = chromium.closeAfterTest(await startMock({ http2: true, latencyMs: 600 }));
    const app = await chromium.openApp('#/dataset');
    const { page } = app;
    await importExamples(page, 40, { timeout: 60_000 });
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
    const mock = chromium.closeAfterTest(await startMock({ http2: false, latencyMs: 150 }));
    const app = await chromium.openApp('#/dataset');
    const { page } = app;
    await importExamples(page, 24, { timeout: 60_000 });
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
    const mock = chromium.closeAfterTest(await startMock({ http2: true, latencyMs: 0 }));
    const app = await chromium.openApp('#/dataset');
    const { page, context } = app;
    await importExamples(page, rollouts, { timeout: 60_000 });
    await configureRun(page, mock.baseUrl, 32);
    await page.getByTestId('run-start').click();
    const answered = () =>
      mock.requests.filter((r) => r.path.endsWith('/chat/completions') && r.answeredAt).length;
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
