// Issue 4 end to end: run against the mock → filter → open a rollout → write a note and ratings →
// reload and see them → export → import the export and get the same run back → import a verifiers
// file with two broken lines and see exactly those two reported → compare two runs.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { toResultsJsonl, toResultsRows } from '../../src/core/results/exportRun';
import { sampleExamples, sampleRollouts, sampleRun } from '../core/results/sampleRun';
import { describeProblems } from '../support/browser';
import { judgeJson, startMockOpenAI, type MockOpenAI } from '../support/mockOpenAI';
import { describeInChromium } from './describeInChromium';

const KEY = 'results-e2e-key-0000';

/** Judge A's accuracy varies with the example (3, 4, 5, 3, …) so rewards differ between rows. */
function startMock(): Promise<MockOpenAI> {
  return startMockOpenAI({ latencyMs: 0 }).then((mock) => {
    mock.setDefault((request) => {
      const text = JSON.stringify(request.body);
      const example = Number(/Patient (\d+)/.exec(text)?.[1] ?? 0);
      if (!text.includes('patient_notes'))
        return { reply: `Plan for patient ${example}: rest; follow-up in clinic.` };
      const model = (request.body as { model?: string }).model;
      return model === 'judge-a'
        ? { reply: judgeJson({ accuracy: 3 + (example % 3), completeness: 4, clarity: 4 }) }
        : { reply: judgeJson({ accuracy: 4, completeness: 3, clarity: 5 }) };
    });
    return mock;
  });
}

async function runTenExamples(page: Page, mock: MockOpenAI): Promise<string> {
  const lines = Array.from({ length: 12 }, (_, i) =>
    JSON.stringify({
      question: `Patient ${i}: ankle sprain.`,
      answer: `Plan ${i}: RICE.`,
      filename: `n${i}.txt`,
    }),
  );
  await page.getByTestId('import-files').setInputFiles({
    name: 'ex.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(lines.join('\n')),
  });
  await page.getByTestId('import-result').waitFor();
  await page.getByRole('link', { name: 'Run', exact: true }).click();
  const fill = async (testId: string, model: string) => {
    const box = page.getByTestId(testId);
    await box.locator('input[name="baseUrl"]').fill(mock.baseUrl);
    await box.locator('input[name="model"]').fill(model);
  };
  await fill('endpoint-model', 'model-x');
  await page.getByTestId('endpoint-model').locator('input[name="apiKey"]').fill(KEY);
  await fill('endpoint-judge-0', 'judge-a');
  await page.getByTestId('add-judge').click();
  await fill('endpoint-judge-1', 'judge-b');
  await page.getByTestId('examples-n').fill('10');
  await page.getByTestId('run-start').click();
  await page.locator('[data-testid="run-status"][data-status="done"]').waitFor({ timeout: 30_000 });
  return /run=([^&]+)/.exec(new URL(page.url()).hash)?.[1] ?? '';
}

const rows = (page: Page) => page.getByTestId('results-row');

async function rowRewards(page: Page): Promise<string[]> {
  const texts = await rows(page).allTextContents();
  return texts.sort();
}

describeInChromium('the results workspace', (chromium) => {
  it('filters, annotates, exports, re-imports, reports broken lines and compares', async () => {
    const mock = chromium.closeAfterTest(await startMock());
    const app = await chromium.openApp('#/dataset');
    const { page } = app;
    const runId = await runTenExamples(page, mock);
    await page.goto(`${inject('appUrl')}#/results?run=${runId}`);
    await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBe(10);

    // Rewards are (judge A + 0.8) / 2 with judge A at 11/15, 12/15 or 13/15 (accuracy 3, 4, 5):
    // 0.767, 0.8 or 0.833. At least 0.81 keeps the three examples judge A rated 5 (ids 2, 5, 8).
    await page.getByTestId('filter-reward-min').fill('0.81');
    await expect.poll(() => rows(page).count()).toBe(3);
    expect(page.url()).toContain('rmin=0.81'); // the filtered view is a shareable URL
    await page.getByTestId('filter-reward-min').fill('');
    await expect.poll(() => rows(page).count()).toBe(10);

    // Open a rollout, write a note and ratings, reload: they are still there.
    await rows(page).first().click();
    await page.getByTestId('rollout-detail').waitFor();
    await page.getByTestId('review-note').fill('Misses the imaging follow-up.');
    await page.getByTestId('review-rating-accuracy').selectOption('2');
    await page.getByTestId('review-rating-clarity').selectOption('5');
    await expect
      .poll(() => page.getByTestId('review-status').textContent(), { timeout: 10_000 })
      .toMatch(/Saved/);
    await page.reload();
    await page.getByTestId('rollout-detail').waitFor();
    await expect
      .poll(() => page.getByTestId('review-note').inputValue())
      .toBe('Misses the imaging follow-up.');
    expect(await page.getByTestId('review-rating-accuracy').inputValue()).toBe('2');
    expect(await page.getByTestId('review-rating-clarity').inputValue()).toBe('5');
    const nativeRows = await rowRewards(page);

    // Export the run as a zip, and import it back: the same run, note included.
    const downloadDir = mkdtempSync(join(tmpdir(), 'medeval-e2e-'));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-zip').click(),
    ]);
    const zipPath = join(downloadDir, download.suggestedFilename());
    await download.saveAs(zipPath);
    await page.goto(`${inject('appUrl')}#/results`);
    await page.getByTestId('import-results-files').setInputFiles(zipPath);
    await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(/run=(?!${runId})/);
    const importedId = /run=([^&]+)/.exec(new URL(page.url()).hash)?.[1] ?? '';
    await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBe(10);
    expect(await rowRewards(page)).toEqual(nativeRows);
    await rows(page).first().click();
    await expect
      .poll(() => page.getByTestId('review-note').inputValue())
      .toBe('Misses the imaging follow-up.');

    // A verifiers file with two broken lines: exactly those two are reported.
    const lines = toResultsJsonl(toResultsRows(sampleRun, sampleRollouts, sampleExamples))
      .trimEnd()
      .split('\n');
    lines.splice(1, 0, '{"example_id": "not a number", "prompt": []}');
    lines.splice(4, 0, 'this is not JSON');
    const brokenPath = join(downloadDir, 'results.jsonl');
    writeFileSync(brokenPath, `${lines.join('\n')}\n`);
    await page.goto(`${inject('appUrl')}#/results`);
    await page.getByTestId('import-results-files').setInputFiles(brokenPath);
    const badLines = page.getByTestId('import-results-bad-lines').locator('[data-line]');
    await expect.poll(() => badLines.count(), { timeout: 15_000 }).toBe(2);
    expect(
      await badLines.evaluateAll((items) => items.map((item) => item.getAttribute('data-line'))),
    ).toEqual(['2', '5']);

    // Compare the native run with its re-import: identical, so Δ = 0 and every example ties.
    await page.goto(`${inject('appUrl')}#/compare?runs=${runId},${importedId}`);
    await page.getByTestId('compare-page').waitFor();
    await expect
      .poll(() => page.getByTestId('compare-wtl').first().textContent(), { timeout: 10_000 })
      .toMatch(/10 ties?/i);
    expect(await page.getByTestId('compare-row').count()).toBeGreaterThanOrEqual(10);
    expect(describeProblems(app.pageErrors)).toBe('');
  });
});
