// Issue 5 groundwork: after one visit the built app opens with no network at all (service worker
// app shell), says that it is offline, and still shows what is stored.
import { expect, it } from 'vitest';
import { describeProblems } from '../support/browser';
import { describeInChromium } from './describeInChromium';

describeInChromium('offline after the first visit', (chromium) => {
  it('reopens from the service worker cache with the network off, with stored data', async () => {
    const app = await chromium.openApp('#/dataset');
    const { page, context } = app;
    const lines = ['{"question":"Notes","answer":"Plan","filename":"a.txt"}'];
    await page.getByTestId('import-files').setInputFiles({
      name: 'one.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(lines.join('\n')),
    });
    await page.getByTestId('import-result').waitFor();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
        timeout: 10_000,
      })
      .toBe(true);

    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('app-shell').waitFor({ timeout: 10_000 });
    await page.getByTestId('offline-notice').waitFor();
    await expect
      .poll(() => page.locator('[data-testid="examples-table"] tbody tr').count())
      .toBe(1);
    // Lazily loaded pages come from the cache too.
    await page.getByRole('link', { name: 'Run', exact: true }).click();
    await page.getByTestId('endpoint-model').waitFor({ timeout: 10_000 });
    expect(describeProblems(app.pageErrors)).toBe('');
  });
});
