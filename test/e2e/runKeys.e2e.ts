// Issue 13 items 1 and 3 in Chromium. A run on three hosts (model and two judges, each with its own
// key) reloaded mid-run: Resume asks for every key before a single request, then finishes without one
// 401. And the new-run form starts from the app's defaults or the user's own last run — never an
// imported run's settings (the reference CLI's concurrency 32 and single attempt) — and says which.
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { toMetadata, toResultsJsonl, toResultsRows } from '../../src/core/results/exportRun';
import { summarizeRun } from '../../src/core/runSummary';
import { sampleExamples, sampleRollouts, sampleRun } from '../core/results/sampleRun';
import { describeProblems } from '../support/browser';
import { judgeJson, startMockOpenAI } from '../support/mockOpenAI';
import { describeInChromium } from './describeInChromium';

const KEYS = ['model-key-0a1b2c3d4e', 'judge-a-key-5f6a7b8c9d', 'judge-b-key-0e1f2a3b4c'] as const;

async function importExamples(page: Page, count: number) {
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      question: `Patient ${i}: wrist pain.`,
      answer: `Plan ${i}.`,
      filename: `n${i}.txt`,
    }),
  );
  await page.getByTestId('import-files').setInputFiles({
    name: 'examples.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(lines.join('\n')),
  });
  await expect
    .poll(() => page.getByTestId('import-result').textContent(), { timeout: 20_000 })
    .toMatch(`Imported ${count}`);
}

const progressOf = async (page: Page) => {
  const text = (await page.getByTestId('run-progress').textContent()) ?? '';
  return Number(/(\d+)\s*\/\s*\d+/.exec(text)?.[1] ?? -1);
};

/** Imports a verifiers results file (no `medeval` block: the CLI's settings are assumed). */
async function importForeignResults(page: Page, model: string) {
  const run = {
    ...sampleRun,
    settings: { ...sampleRun.settings, model: { ...sampleRun.settings.model, model } },
  };
  const metadata = toMetadata(run, sampleRollouts, summarizeRun(sampleRollouts, 0));
  delete metadata['medeval'];
  await page.goto(`${inject('appUrl')}#/results`);
  await page.getByTestId('import-results-files').setInputFiles([
    {
      name: 'results.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(toResultsJsonl(toResultsRows(run, sampleRollouts, sampleExamples))),
    },
    {
      name: 'metadata.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(metadata)),
    },
  ]);
  await expect
    .poll(
      async () =>
        /run=/.test(page.url()) || (await page.getByTestId('import-results-open').count()) > 0,
      { timeout: 20_000 },
    )
    .toBe(true);
}

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

describeInChromium('keys and starting values of runs', (chromium) => {
  it('asks for every key after a reload before any request, and resumes without a 401 (#13)', async () => {
    const mocks = await Promise.all(
      KEYS.map(async (apiKey) =>
        chromium.closeAfterTest(await startMockOpenAI({ apiKey, latencyMs: 250 })),
      ),
    );
    for (const mock of mocks) {
      mock.setDefault((request) =>
        JSON.stringify(request.body).includes('patient_notes')
          ? { reply: judgeJson({ accuracy: 4, completeness: 4, clarity: 4 }) }
          : { reply: 'Plan: splint and review.' },
      );
    }
    const app = await chromium.openApp('#/dataset');
    const { page } = app;
    await importExamples(page, 10);
    await page.goto(`${inject('appUrl')}#/run`);
    await page.getByTestId('add-judge').click();
    const boxes = ['endpoint-model', 'endpoint-judge-0', 'endpoint-judge-1'];
    for (const [i, testId] of boxes.entries()) {
      const box = page.getByTestId(testId);
      await box.locator('input[name="baseUrl"]').fill(mocks[i]?.baseUrl ?? '');
      await box.locator('input[name="model"]').fill(`model-${i}`);
      await box.locator('input[name="apiKey"]').fill(KEYS[i] ?? '');
    }
    await page.getByTestId('examples-n').fill('10');
    await field(page, 'Concurrency (rollouts in flight)').fill('2');
    await page.getByTestId('run-start').click();
    await expect
      .poll(() => progressOf(page), { timeout: 20_000, interval: 50 })
      .toBeGreaterThanOrEqual(2);

    await page.reload();
    // The page reads the run as running until its worker and the Web Locks query answer.
    await expect
      .poll(() => page.getByTestId('run-status').getAttribute('data-status'), { timeout: 20_000 })
      .toBe('interrupted');
    const count = () => mocks.reduce((sum, mock) => sum + mock.requests.length, 0);
    const before = count();
    await page.getByTestId('run-resume').click();
    const prompt = page.getByTestId('run-key-prompt');
    await prompt.waitFor();
    // One field per host: the model's and each judge's.
    const keyFields = prompt.locator('input[name="apiKey"]');
    expect(await keyFields.count()).toBe(3);
    expect(count()).toBe(before);
    // Continue with a key still missing asks again, still without sending anything.
    await keyFields.nth(0).fill(KEYS[0]);
    await prompt.getByRole('button', { name: 'Continue', exact: true }).click();
    expect(await page.getByTestId('run-key-prompt').locator('input[name="apiKey"]').count()).toBe(
      2,
    );
    expect(count()).toBe(before);
    for (const [i, mock] of mocks.entries()) {
      if (i === 0) continue;
      await page
        .getByTestId('run-key-prompt')
        .locator(`input[data-origin="${mock.origin}"]`)
        .fill(KEYS[i] ?? '');
    }
    await page
      .getByTestId('run-key-prompt')
      .getByRole('button', { name: 'Continue', exact: true })
      .click();
    await expect
      .poll(() => page.getByTestId('run-status').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('done');
    await expect.poll(() => progressOf(page)).toBe(10);
    // Not one request without its key, before or after the reload: no 401 anywhere.
    for (const [i, mock] of mocks.entries()) {
      const chats = mock.requests.filter((r) => r.path.endsWith('/chat/completions'));
      expect(chats.length).toBeGreaterThanOrEqual(10);
      expect(chats.filter((r) => r.headers.authorization !== `Bearer ${KEYS[i]}`)).toEqual([]);
    }
    expect(describeProblems(app.pageErrors)).toBe('');
  });

  it('starts the form from the defaults or the user’s own run, never an import, and says so (#13)', async () => {
    const mock = chromium.closeAfterTest(await startMockOpenAI({ apiKey: KEYS[0] }));
    mock.setDefault((request) =>
      JSON.stringify(request.body).includes('patient_notes')
        ? { reply: judgeJson({ accuracy: 5, completeness: 5, clarity: 5 }) }
        : { reply: 'Plan: rest.' },
    );
    const app = await chromium.openApp('#/dataset');
    const { page } = app;
    await importExamples(page, 3);

    await importForeignResults(page, 'imported-model-1');
    await page.goto(`${inject('appUrl')}#/run`);
    const source = page.getByTestId('run-form-source');
    await source.waitFor();
    expect(await source.textContent()).toMatch(/app’s defaults/);
    expect(await field(page, 'Concurrency (rollouts in flight)').inputValue()).toBe('8');
    expect(await field(page, 'Attempts per request (5 = 4 retries)').inputValue()).toBe('5');

    // The user's own run, with settings of their own.
    for (const testId of ['endpoint-model', 'endpoint-judge-0']) {
      const box = page.getByTestId(testId);
      await box.locator('input[name="baseUrl"]').fill(mock.baseUrl);
      await box.locator('input[name="model"]').fill('m');
    }
    await page.getByTestId('endpoint-model').locator('input[name="apiKey"]').fill(KEYS[0]);
    await page.getByTestId('examples-n').fill('2');
    await field(page, 'Concurrency (rollouts in flight)').fill('3');
    await field(page, 'Attempts per request (5 = 4 retries)').fill('4');
    await page.getByLabel('Run name (optional)').fill('my own run');
    await page.getByTestId('run-start').click();
    await expect
      .poll(() => page.getByTestId('run-status').getAttribute('data-status'), { timeout: 20_000 })
      .toBe('done');

    // A newer import does not take over: the form starts from the user's run and names it.
    await importForeignResults(page, 'imported-model-2');
    await page.goto(`${inject('appUrl')}#/run`);
    await source.waitFor();
    expect(await source.textContent()).toMatch(/your last run, “my own run”/);
    expect(await field(page, 'Concurrency (rollouts in flight)').inputValue()).toBe('3');
    expect(await field(page, 'Attempts per request (5 = 4 retries)').inputValue()).toBe('4');
    expect(
      await page.getByTestId('endpoint-model').locator('input[name="baseUrl"]').inputValue(),
    ).toBe(mock.baseUrl);
    expect(describeProblems(app.pageErrors)).toBe('');
  });
});
