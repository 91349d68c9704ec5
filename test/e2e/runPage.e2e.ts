// The Run page's rollouts table and rollout detail, end to end (#13): rollouts in numeric order, sorted
// like the Results table, and labels that say what they count: whose tokens, which rollouts a retry
// asks again, and what the judges' spread shows in this run.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  describeProblems,
  launchBrowser,
  newAppPage,
  requireChromium,
  type AppPage,
} from '../support/browser';
import type { MockOpenAI } from '../support/mockOpenAI';
import { runExamples, startRunMock, UNSCORED_EXAMPLE } from './runSupport';

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

/** Every number in a text, grouping commas dropped ("3,414 in / 327 out" → [3414, 327]). */
function numbersIn(text: string | undefined): number[] {
  return [...(text ?? '').matchAll(/\d[\d,]*/g)].map((m) => Number(m[0].replaceAll(',', '')));
}

/** A <dl>'s terms and definitions. */
async function factsOf(list: Locator): Promise<Record<string, string>> {
  await list.waitFor();
  return list.evaluate((dl) =>
    Object.fromEntries(
      [...dl.querySelectorAll(':scope > div')].map((div) => [
        div.querySelector('dt')?.textContent.trim() ?? '',
        div.querySelector('dd')?.textContent.trim() ?? '',
      ]),
    ),
  );
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

  it('says whose tokens each number counts, the same on the Run page, the Results table and detail', async () => {
    const { page } = app;
    await page.goto(`${inject('appUrl')}#/run?run=${runId}`);
    await page
      .getByTestId('rollouts-table')
      .locator('tbody tr')
      .filter({ has: page.locator('td:first-child', { hasText: /^5$/ }) })
      .click();
    const facts = await factsOf(page.getByTestId('rollout-tokens'));
    expect(Object.keys(facts)).toEqual(['Tokens (model)', 'Tokens (judges)', 'Tokens (all calls)']);
    const [modelIn = 0] = numbersIn(facts['Tokens (model)']);
    const [judgesIn = 0] = numbersIn(facts['Tokens (judges)']);
    const [allIn = 0, allOut = 0] = numbersIn(facts['Tokens (all calls)']);
    expect(judgesIn).toBeGreaterThan(modelIn); // the judges read the note, the reference and the reply
    expect(allIn).toBe(modelIn + judgesIn);

    await page.goto(`${inject('appUrl')}#/results?run=${runId}&open=5:0`);
    const row = page.locator('[data-testid="results-row"][data-key="5:0"] td');
    await row.first().waitFor();
    const headers = await page.locator('[data-testid="results-table"] thead th').allTextContents();
    const cell = async (header: string) =>
      numbersIn(
        (await row.nth(headers.findIndex((h) => h.startsWith(header))).textContent()) ?? '',
      );
    expect(await cell('In (all)')).toEqual([allIn]);
    expect(await cell('Out (all)')).toEqual([allOut]);
    const detailFacts = await factsOf(page.getByTestId('rollout-detail').locator('dl.rd-facts'));
    expect(detailFacts['Tokens (all calls)']).toBe(facts['Tokens (all calls)']);
    expect(detailFacts['Tokens (model)']).toBe(facts['Tokens (model)']);
  });

  it('names what a retry asks again: unscored rollouts are not called failed', async () => {
    const { page } = app;
    await page.goto(`${inject('appUrl')}#/run?run=${runId}`);
    const retry = page.getByTestId('run-retry-failed');
    await retry.waitFor();
    expect(await retry.textContent()).toBe('Retry 1 unscored rollout');
    const progress = await factsOf(page.getByLabel('Progress').locator('dl'));
    expect(progress).toMatchObject({ Failed: '0', Unscored: '1' });
    const unscored = page.locator(
      '[data-testid="rollouts-table"] tbody tr[data-status="unscored"]',
    );
    expect(await unscored.locator('td').first().textContent()).toBe(String(UNSCORED_EXAMPLE));
  });

  it('reads the judges’ spread from this run’s scores, not a fixed caption', async () => {
    const { page } = app;
    await page.goto(`${inject('appUrl')}#/results?run=${runId}&tab=judges`);
    const reading = page.getByTestId('spread-reading');
    await reading.waitFor();
    expect(await page.getByRole('tab').allTextContents()).toEqual([
      'Rollouts',
      'Summary',
      'Judges',
    ]);
    // 11 scored rollouts × 3 criteria. Judges agree exactly on the 6 even examples (18 scores); on
    // the 5 odd ones they are 2, 1 and 2 points apart: 23 of 33 within a point.
    expect(await reading.textContent()).toContain(
      'at most 1 point apart on 70% of the 33 rollout × criterion scores, 2 or more points apart on 30%',
    );
    expect(await reading.textContent()).not.toMatch(/nearly every score/);
    expect(describeProblems(app.pageErrors)).toBe('');
  });
});
