// Issue 5 data controls: what is stored is listed per dataset and run, and "delete everything"
// removes datasets, runs and remembered keys, leaving other apps' entries on the origin alone.
import { expect, it } from 'vitest';
import { describeInChromium } from './describeInChromium';

describeInChromium('data controls', (chromium) => {
  it('lists stored datasets and deletes everything of ours', async () => {
    const app = await chromium.openApp('#/dataset');
    const { page } = app;
    await page.getByTestId('import-files').setInputFiles({
      name: 'mine.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from('{"question":"Notes","answer":"Plan"}\n'),
    });
    await page.getByTestId('import-result').waitFor();
    await page.evaluate(() => {
      localStorage.setItem('medeval.keys.v1', JSON.stringify({ model: 'sk-remembered-000000' }));
      localStorage.setItem('another-app', 'keep me');
    });
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    const row = page.getByTestId('stored-item');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.first().textContent()).toContain('mine.jsonl');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('delete-everything').click();
    await expect.poll(() => row.count()).toBe(0);
    const left = await page.evaluate(() => ({
      keys: localStorage.getItem('medeval.keys.v1'),
      other: localStorage.getItem('another-app'),
    }));
    expect(left).toEqual({ keys: null, other: 'keep me' });
    await page.getByRole('link', { name: 'Dataset', exact: true }).click();
    await expect.poll(() => page.getByTestId('dataset-select').count()).toBe(0);
  });
});
