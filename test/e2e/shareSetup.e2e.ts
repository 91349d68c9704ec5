// Issue 5 "share a setup": the link carries settings and endpoints but never keys; opening it
// pre-fills the form, says so and asks only for keys; a tampered link is refused with reasons.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeProblems, launchBrowser, newAppPage, requireChromium } from '../support/browser';

const chromiumPath = requireChromium();
const KEY = 'share-test-key-0123456789abcdef';

describe.skipIf(chromiumPath === null)('share a setup by link', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser(chromiumPath ?? undefined);
  });
  afterAll(async () => {
    await browser.close();
  });

  it('copies a keyless link that pre-fills the form elsewhere', async () => {
    const app = await newAppPage(browser, `${inject('appUrl')}#/dataset`);
    try {
      const { page } = app;
      await page.getByTestId('import-files').setInputFiles({
        name: 'd.jsonl',
        mimeType: 'application/x-ndjson',
        buffer: Buffer.from('{"question":"Notes","answer":"Plan"}\n'),
      });
      await page.getByTestId('import-result').waitFor();
      await page.getByRole('link', { name: 'Run', exact: true }).click();
      const model = page.getByTestId('endpoint-model');
      await model.locator('input[name="baseUrl"]').fill('http://127.0.0.1:9/v1');
      await model.locator('input[name="model"]').fill('shared-model');
      await model.locator('input[name="apiKey"]').fill(KEY);
      await page
        .getByTestId('endpoint-judge-0')
        .locator('input[name="model"]')
        .fill('shared-judge');
      await page.getByTestId('share-setup').click();
      const link = await page.getByTestId('share-setup-url').inputValue();
      expect(link).toContain('#/run?setup=');
      expect(link).not.toContain(KEY);
      expect(
        Buffer.from(new URL(link).hash.split('setup=')[1] ?? '', 'base64url').toString(),
      ).not.toContain(KEY);

      // A recipient without the dataset is told to get it first.
      const stranger = await newAppPage(browser, link);
      try {
        await stranger.page.getByTestId('shared-setup').waitFor();
        expect(await stranger.page.getByTestId('shared-setup').textContent()).toMatch(
          /not on this device/,
        );
      } finally {
        await stranger.close();
      }
      // With the dataset (same profile, new tab), the form is filled from the link, keys empty.
      const tab = await app.context.newPage();
      const other = {
        page: tab,
        pageErrors: [] as { kind: 'pageerror'; text: string }[],
        close: () => tab.close(),
      };
      tab.on('pageerror', (error) =>
        other.pageErrors.push({ kind: 'pageerror', text: error.message }),
      );
      // The key typed in the first tab was not remembered, so this tab must not have it.
      await tab.goto(link);
      try {
        await other.page.getByTestId('shared-setup').waitFor();
        const otherModel = other.page.getByTestId('endpoint-model');
        expect(await otherModel.locator('input[name="model"]').inputValue()).toBe('shared-model');
        expect(await otherModel.locator('input[name="baseUrl"]').inputValue()).toBe(
          'http://127.0.0.1:9/v1',
        );
        expect(await otherModel.locator('input[name="apiKey"]').inputValue()).toBe('');
        expect(
          await other.page
            .getByTestId('endpoint-judge-0')
            .locator('input[name="model"]')
            .inputValue(),
        ).toBe('shared-judge');
        expect(describeProblems(other.pageErrors)).toBe('');
      } finally {
        await other.close();
      }
    } finally {
      await app.close();
    }
  });

  it('refuses a tampered link, saying why, without crashing', async () => {
    const app = await newAppPage(
      browser,
      `${inject('appUrl')}#/run?setup=${Buffer.from('{"v":1,"benchmark":"x"}').toString('base64url')}`,
    );
    try {
      const problems = app.page.getByTestId('shared-setup-problems');
      await problems.waitFor();
      expect(await problems.textContent()).toContain('benchmark');
      expect(describeProblems(app.pageErrors)).toBe('');
    } finally {
      await app.close();
    }
  });
});
