// The Run page's rollouts table and rollout detail, end to end (#13): rollouts in numeric order, sorted
// like the Results table, and labels that say what they count.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  describeProblems,
  launchBrowser,
  newAppPage,
  requireChromium,
  type AppPage,
} from '../support/browser';
import type { MockOpenAI } from '../support/mockOpenAI';
import { runExamples, startRunMock } from './runSupport';

const chromiumPath = requireChromium();
const EXAMPLES = 12;

/** The Run page table's Example column, top to bottom. */
async function runTableExamples(page: Page): Promise<string[]> {
  const cells = page.locator('[data-testid="rollouts-table"] tbody tr td:first-child');
  return (await cells.allTextContents()).map((text) => text.trim());
}

/** The Results table's example ids, top to bottom ("10 · 0" → "10"). */
async function resultsTableExamples(page: Page): Promise<string[]> {
  const cells = page.locator('[data-testid="results-row"] td:first-child');
  return (await cells.allTextContents()).map((text) => text.split('·')[0]?.trim() ?? '');
}

const numeric = (from: number, to: number) =>
  Array.from({ length: Math.abs(to - from) + 1 }, (_, i) =>
    String(from < to ? from + i : from - i),
  );

describe.skipIf(chromiumPath === null)('the Run page’s rollouts', () => {
  let browser: Browser;
  let mock: MockOpenAI;
  let app: AppPage;
  let runId: string;

  beforeAll(async () => {
    browser = await launchBrowser(chromiumPath ?? undefined);
    mock = await startRunMock();
    app = await newAppPage(browser, `${inject('appUrl')}#/dataset`);
    runId = await runExamples(app.page, mock, EXAMPLES);
  });
  afterAll(async () => {
    await app.close();
    await browser.close();
    await mock.close();
  });

  it('are listed and sorted by example number, in the same order as the Results table', async () => {
    const { page } = app;
    const table = page.getByTestId('rollouts-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(EXAMPLES);
    // Stored keys are text ("10:0" < "1:0" < "2:0"); the table shows 0, 1, 2, … 11.
    expect(await runTableExamples(page)).toEqual(numeric(0, EXAMPLES - 1));

    const header = table.getByRole('columnheader', { name: /Example/ });
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    expect(await runTableExamples(page)).toEqual(numeric(0, EXAMPLES - 1));
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    expect(await runTableExamples(page)).toEqual(numeric(EXAMPLES - 1, 0));

    // Sorting by reward: the same order on both pages (ties in example order, empty values last).
    const reward = table.getByRole('columnheader', { name: /Reward/ });
    await reward.getByRole('button').click();
    await expect.poll(() => reward.getAttribute('aria-sort')).toBe('ascending');
    const runOrder = await runTableExamples(page);

    await page.goto(`${inject('appUrl')}#/results?run=${runId}&sort=reward:asc`);
    await expect.poll(() => page.getByTestId('results-row').count()).toBe(EXAMPLES);
    expect(await resultsTableExamples(page)).toEqual(runOrder);
    await page.goto(`${inject('appUrl')}#/results?run=${runId}&sort=example:desc`);
    await expect.poll(() => resultsTableExamples(page)).toEqual(numeric(EXAMPLES - 1, 0));
    expect(describeProblems(app.pageErrors)).toBe('');
  });
});
