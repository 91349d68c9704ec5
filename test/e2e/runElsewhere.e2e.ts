// A run live in one tab, opened in a second tab of the same browser (#10): the second says it is
// running in another tab (from the run's Web Lock), offers no Resume, and follows its progress; once
// the first tab closes, the run reads "Interrupted" there and Resume finishes it.
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { describeProblems } from '../support/browser';
import { importExamples, RUN_KEY, startRun, startRunMock } from './runSupport';
import { describeInChromium } from './describeInChromium';

const EXAMPLES = 8;

const statusOf = (page: Page) => page.getByTestId('run-status').getAttribute('data-status');
const progressOf = async (page: Page) => {
  const text = (await page.getByTestId('run-progress').textContent()) ?? '';
  return Number(/(\d+)\s*\/\s*\d+/.exec(text)?.[1] ?? -1);
};

describeInChromium('a run live in another tab', (chromium) => {
  it('says so in a second tab, and reads as interrupted once that tab is closed', async () => {
    const mock = chromium.closeAfterTest(await startRunMock());
    const app = await chromium.openApp('#/dataset');
    const first = app.page;
    await importExamples(first, EXAMPLES);
    mock.setLatency(250); // slow enough to stay running while the second tab looks
    const runId = await startRun(first, mock, EXAMPLES, 1);
    await expect.poll(() => statusOf(first)).toBe('running');

    const second = await app.context.newPage();
    const secondErrors: string[] = [];
    second.on('pageerror', (error) => secondErrors.push(error.message));
    await second.goto(`${inject('appUrl')}#/run?run=${runId}`);
    await expect.poll(() => statusOf(second)).toBe('elsewhere');
    expect(await second.getByTestId('run-status').textContent()).toBe('Running in another tab');
    expect(await second.getByTestId('run-elsewhere').textContent()).toMatch(
      /Running in another tab\..*use that tab/,
    );
    expect(await second.getByTestId('run-interrupted').count()).toBe(0);
    expect(await second.getByTestId('run-resume').count()).toBe(0);
    expect(await second.getByTestId('run-cancel').count()).toBe(0);
    expect(await second.getByRole('button', { name: 'Delete run' }).count()).toBe(0);
    const runsList = second.getByTestId('runs-list');
    expect(await runsList.textContent()).toContain('Running in another tab');
    // Its progress shows live: the count moves while the first tab works.
    const seen = await progressOf(second);
    await expect.poll(() => progressOf(second), { timeout: 20_000 }).toBeGreaterThan(seen);
    expect(await statusOf(second)).toBe('elsewhere');

    // The first tab closes mid-run: its lock goes with it, and the second tab can resume.
    await first.close();
    await expect.poll(() => statusOf(second), { timeout: 10_000 }).toBe('interrupted');
    await second.getByTestId('run-interrupted').waitFor();
    mock.setLatency(0);
    await second.getByTestId('run-resume').click();
    const prompt = second.getByTestId('run-key-prompt');
    await prompt.locator('input[name="apiKey"]').first().fill(RUN_KEY);
    await prompt.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => statusOf(second), { timeout: 30_000 }).toBe('done');
    await expect.poll(() => progressOf(second)).toBe(EXAMPLES);
    expect(describeProblems(app.pageErrors)).toBe('');
    expect(secondErrors).toEqual([]);
  });
});
