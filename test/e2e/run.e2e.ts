// Issue 3 end to end: configure a model and two judges against a loopback OpenAI-compatible mock,
// run 10 examples, watch progress to the final mean reward; reload mid-run and resume without losing
// or repeating finished work; a bad key stops the run early with a banner.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeProblems } from '../support/browser';
import { judgeJson, startMockOpenAI, type MockOpenAI } from '../support/mockOpenAI';
import { describeInChromium } from './describeInChromium';
import { importExamples, isJudgeRequest } from './runSupport';

const KEY = 'mock-key-0123456789';

// Judge A gives 4/4/5 (0.8667), judge B 3/3/3 (0.6): every rollout's reward is their mean, 0.7333.
const EXPECTED_REWARD = ((13 / 15 + 9 / 15) / 2).toFixed(3);

/**
 * The mock endpoint: a plan for every generation, fixed verdicts from the two judges. While
 * `hold.from` is set, generation requests for examples from that index on hang (until the page that
 * sent them goes away), so a run stays mid-way for as long as the test needs.
 */
async function startMock(latencyMs: number, hold = { from: Infinity }): Promise<MockOpenAI> {
  const mock = await startMockOpenAI({ apiKey: KEY, latencyMs });
  mock.setDefault((request) => {
    const body = request.body as { model?: string };
    if (!isJudgeRequest(body)) {
      const example = Number(/Patient (\d+):/.exec(JSON.stringify(body))?.[1] ?? -1);
      if (example >= hold.from) return { hang: true };
      return { reply: 'Plan: ice, elevation, and review in clinic in two weeks.' };
    }
    return body.model === 'judge-a'
      ? { reply: judgeJson({ accuracy: 4, completeness: 4, clarity: 5 }) }
      : {
          reply: `Here is my verdict:\n${judgeJson({ accuracy: 3, completeness: 3, clarity: 3 })}`,
        };
  });
  return mock;
}

async function fillEndpoint(
  page: Page,
  testId: string,
  baseUrl: string,
  model: string,
  key?: string,
) {
  const box = page.getByTestId(testId);
  await box.locator('input[name="baseUrl"]').fill(baseUrl);
  await box.locator('input[name="model"]').fill(model);
  if (key !== undefined) await box.locator('input[name="apiKey"]').fill(key);
}

async function configureRun(
  page: Page,
  mock: MockOpenAI,
  opts: { key: string; concurrency: number },
) {
  await page.goto(`${page.url().split('#')[0] ?? ''}#/run`);
  await fillEndpoint(page, 'endpoint-model', mock.baseUrl, 'model-x', opts.key);
  await fillEndpoint(page, 'endpoint-judge-0', mock.baseUrl, 'judge-a');
  await page.getByTestId('add-judge').click();
  await fillEndpoint(page, 'endpoint-judge-1', mock.baseUrl, 'judge-b');
  await page.getByTestId('examples-n').fill('10');
  await page.getByLabel('Concurrency (rollouts in flight)').fill(String(opts.concurrency));
}

const progressOf = async (page: Page) => {
  const text = (await page.getByTestId('run-progress').textContent()) ?? '';
  return Number(/(\d+)\s*\/\s*\d+/.exec(text)?.[1] ?? -1);
};

describeInChromium('evaluation runs in Chromium', (chromium) => {
  it('runs 10 examples with two judges, survives a reload mid-run, and shows the mean reward', async () => {
    // Examples 6 to 9 wait until the reload: it always comes mid-run, however slow the machine.
    const hold = { from: 6 };
    const mock = chromium.closeAfterTest(await startMock(50, hold));
    const app = await chromium.openApp('#/dataset');
    const { page } = app;
    await importExamples(page, 12);
    await configureRun(page, mock, { key: KEY, concurrency: 2 });
    await expect.poll(() => page.getByTestId('run-estimate').textContent()).toMatch(/30/); // 10 × (1 + 2) requests
    await page.getByTestId('run-start').click();
    await expect
      .poll(() => progressOf(page), { timeout: 20_000, interval: 50 })
      .toBeGreaterThanOrEqual(2);
    const beforeReload = await progressOf(page);
    expect(beforeReload).toBeLessThanOrEqual(6);

    await page.reload();
    hold.from = Infinity;
    await expect
      .poll(() => page.getByTestId('run-status').getAttribute('data-status'))
      .toBe('interrupted');
    const afterReload = await progressOf(page);
    expect(afterReload).toBeGreaterThanOrEqual(beforeReload);
    await page.getByTestId('run-resume').click();
    const prompt = page.getByTestId('run-key-prompt');
    await prompt.locator('input[name="apiKey"]').first().fill(KEY);
    await prompt.getByRole('button', { name: 'Continue' }).click();

    await expect
      .poll(() => page.getByTestId('run-status').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('done');
    // Rollout counts refresh at most 4 times a second (throttled live query): poll.
    await expect.poll(() => progressOf(page)).toBe(10);
    await expect
      .poll(() => page.getByTestId('run-mean-reward').textContent())
      .toContain(EXPECTED_REWARD);

    // Nothing finished was paid for twice: 10 generations and 20 judge calls, plus at most the
    // requests that were in flight when the page reloaded (≤ concurrency × 3).
    const chats = mock.requests.filter((r) => r.path.endsWith('/chat/completions'));
    const generations = chats.filter((r) => !isJudgeRequest(r.body));
    expect(generations.length).toBeGreaterThanOrEqual(10);
    expect(generations.length).toBeLessThanOrEqual(10 + 2);
    expect(chats.length).toBeLessThanOrEqual(30 + 2 * 3);
    // The key went only to the endpoint, in the Authorization header; never into storage.
    const stored = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('medeval');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(new Error(String(open.error)));
      });
      const dump: Record<string, unknown[]> = {};
      for (const name of db.objectStoreNames) {
        dump[name] = await new Promise<unknown[]>((resolve, reject) => {
          const all = db.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(new Error(String(all.error)));
        });
      }
      db.close();
      const local = Object.fromEntries(
        Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]),
      );
      return JSON.stringify({ dump, local, url: location.href });
    });
    expect(stored).toContain('judge-b'); // the dump really holds the run
    expect(stored).not.toContain(KEY);
    expect(await page.getByTestId('prime-command').textContent()).toContain(
      'prime eval run mtsamples_procedures',
    );
    expect(await page.getByTestId('prime-command').textContent()).not.toContain(KEY);
    expect(describeProblems(app.pageErrors)).toBe('');
  });

  it('stops early on a bad key with a banner instead of burning through every example', async () => {
    const mock = chromium.closeAfterTest(await startMock(0));
    const app = await chromium.openApp('#/dataset');
    const { page } = app;
    await importExamples(page, 10);
    await configureRun(page, mock, { key: 'wrong-key-000000', concurrency: 2 });
    await page.getByTestId('run-start').click();
    const banner = page.getByTestId('run-stop-banner');
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.textContent()).toMatch(/401|key/i);
    expect(await banner.textContent()).not.toContain('wrong-key-000000');
    expect(await page.getByTestId('run-status').getAttribute('data-status')).toBe('stopped');
    expect(
      mock.requests.filter((r) => r.path.endsWith('/chat/completions')).length,
    ).toBeLessThanOrEqual(3);
  });
});
