// A Hugging Face token for a gated dataset, end to end in Chromium (issue 15): the Hugging Face
// imitation serves MedQA only to requests bearing its token. Without one, loading says the dataset is
// gated and that no token was sent; with the token pasted in Settings (for the hosts saved there), the
// worker sends it to that host only and the dataset loads; the token is in no link, stored record or
// browser storage, since the user did not ask to remember it.
import { expect, inject, it } from 'vitest';
import { describeProblems } from '../support/browser';
import { startFakeHuggingFace } from '../support/fakeHuggingFace';
import { medqaParquet, medqaRows } from '../support/parquetFixtures';
import { describeInChromium } from './describeInChromium';

const TOKEN = 'hf_e2eGatedFixtureToken0123456789';

/** Every IndexedDB record and localStorage entry of the app, as text. */
const EVERYTHING_STORED = `(async () => {
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open('medeval');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const stores = [...db.objectStoreNames];
  const all = await Promise.all(stores.map((s) => new Promise((resolve) => {
    const r = db.transaction(s).objectStore(s).getAll();
    r.onsuccess = () => resolve(r.result);
  })));
  db.close();
  return JSON.stringify(all, (_, v) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? null : v)) + JSON.stringify({ ...localStorage });
})()`;

describeInChromium('a Hugging Face token for a gated dataset', (chromium) => {
  it('says the dataset is gated and no token was sent, then loads it with the pasted token', async () => {
    const rows = medqaRows(12);
    const fake = chromium.closeAfterTest(
      await startFakeHuggingFace({
        datasets: [
          {
            id: 'GBaker/MedQA-USMLE-4-options',
            revision: 'c'.repeat(40),
            gated: { token: TOKEN },
            configs: { default: { test: { rows, parquet: medqaParquet(rows) } } },
          },
        ],
      }),
    );
    const app = await chromium.openApp('#/settings');
    const { page } = app;
    // The user points the Hugging Face hosts at the imitation and saves.
    await page.locator('input[name="hfViewerBase"]').fill(fake.viewerBase);
    await page.locator('input[name="hfHubBase"]').fill(fake.hubBase);
    await page.getByRole('button', { name: 'Save' }).click();
    const host = new URL(fake.baseUrl).host;
    await expect
      .poll(() => page.getByTestId('hf-token').textContent())
      .toContain(`Token for ${host}`);

    await page.goto(`${inject('appUrl')}#/benchmarks`);
    const variant = page.getByTestId('benchmark-variant-medqa-test');
    await variant.getByTestId('variant-load').click();
    await expect
      .poll(() => variant.textContent(), { timeout: 30_000 })
      .toContain('needs a Hugging Face token');
    expect(await variant.textContent()).toContain(`No token was sent to ${host}`);
    expect(fake.requests.some((r) => r.authorization !== undefined)).toBe(false);

    // Paste the token in Settings (in this tab's memory: Remember stays unticked).
    await page.goto(`${inject('appUrl')}#/settings`);
    await page.getByTestId('hf-token-input').fill(TOKEN);
    await page.goto(`${inject('appUrl')}#/benchmarks`);
    const again = page.getByTestId('benchmark-variant-medqa-test');
    const retry = again.getByTestId('variant-retry').or(again.getByTestId('variant-load'));
    await retry.first().click();
    await expect.poll(() => again.getAttribute('data-state'), { timeout: 30_000 }).toBe('ready');
    expect(await again.textContent()).toContain('12');
    const sent = fake.requests.filter((r) => r.authorization !== undefined);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);

    // Nowhere else: not in the link, not in IndexedDB, not in localStorage.
    expect(page.url()).not.toContain(TOKEN);
    expect(await page.evaluate<string>(EVERYTHING_STORED)).not.toContain(TOKEN);
    expect(describeProblems(app.pageErrors)).toBe('');
  });
});
