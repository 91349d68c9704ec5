// The training-data browser end to end in Chromium, against the Hugging Face imitation: save the link's
// hosts, browse ChatDoctor through the viewer, load the split from Parquet, draw a seeded sample and
// download it as chat-format JSONL after the licence notice. The worker fetches for real.
import { expect, it } from 'vitest';
import { describeProblems } from '../support/browser';
import { startFakeHuggingFace } from '../support/fakeHuggingFace';
import { chatParquet, chatRow } from '../support/parquetFixtures';
import { describeInChromium } from './describeInChromium';

const DATASET = 'lavita/ChatDoctor-HealthCareMagic-100k';
const ROWS = 1_200;

/** The stored source settings row, as JSON (a string: page scripts must not be transpiled functions). */
const STORED_SETTINGS_SCRIPT = `new Promise((resolve) => {
  const open = indexedDB.open('medeval');
  open.onsuccess = () => {
    const get = open.result.transaction('settings').objectStore('settings').get('source');
    get.onsuccess = () => { resolve(JSON.stringify(get.result ?? null)); open.result.close(); };
    get.onerror = () => resolve('error');
  };
  open.onerror = () => resolve('error');
})`;

describeInChromium('training-data browser in Chromium', (chromium) => {
  it('loads ChatDoctor from Parquet, samples 200 rows with a seed and exports them as chat JSONL', async () => {
    const rows = Array.from({ length: ROWS }, (_, i) => ({ ...chatRow(i) }));
    const fake = chromium.closeAfterTest(
      await startFakeHuggingFace({
        datasets: [
          {
            id: DATASET,
            revision: 'f'.repeat(40),
            configs: {
              default: { train: { rows, parquet: chatParquet(ROWS, { rowGroupSize: 250 }) } },
            },
          },
        ],
      }),
    );
    const params = new URLSearchParams({ hfViewer: fake.viewerBase, hfHub: fake.hubBase });
    const corpus = new URLSearchParams({ corpus: DATASET, config: 'default', split: 'train' });
    const app = await chromium.openApp(`?${params.toString()}#/corpora?${corpus.toString()}`);
    const { page } = app;

    // The link's hosts are used here only once saved.
    await page
      .getByTestId('link-settings')
      .getByRole('button', { name: 'Save them as my settings' })
      .click();
    // Saved means stored: wait for the settings row before reloading.
    await expect.poll(() => page.evaluate(STORED_SETTINGS_SCRIPT)).toContain(fake.hubBase);
    await page.reload();
    await expect
      .poll(() => page.getByTestId('corpus-licence').first().textContent())
      .toMatch(/none stated/i);
    // The first page of rows comes from the viewer's /rows before anything is loaded.
    const browsed = page.getByTestId('corpus-rows-range').filter({ hasText: /of 1,200/ });
    await expect.poll(() => browsed.count(), { timeout: 15_000 }).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Load whole split' }).click();
    await expect
      .poll(() => page.getByTestId('corpus-load-status').textContent(), { timeout: 30_000 })
      .toMatch(/ready|loaded|stored/i);
    expect(fake.requests.some((r) => r.host === 'hub' && r.range !== undefined)).toBe(true);

    await page.getByTestId('corpus-sample-size').fill('200');
    await page.getByLabel('Seed', { exact: true }).fill('7');
    await page.getByRole('button', { name: 'Sample', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('corpus-sample-summary').textContent(), { timeout: 15_000 })
      .toMatch(/200 of 1,200 rows sampled/);

    await page
      .locator('.actions')
      .filter({ hasText: 'Sample of 200 (seed 7)' })
      .getByRole('button', { name: 'Chat JSONL' })
      .click();
    const confirm = page.getByTestId('export-confirm');
    await expect.poll(() => confirm.textContent()).toMatch(/licen/i);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-download').click(),
    ]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(200);
    const first = JSON.parse(lines[0] ?? '{}') as { messages: { role: string; content: string }[] };
    // ChatDoctor's preset: the fixed instruction as system, the patient as user, the doctor as assistant.
    expect(first.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
    expect(first.messages[1]?.content).toMatch(/^Patient \d+:/);
    expect(first.messages[2]?.content).toMatch(/^Doctor \d+:/);
    // A sample draws distinct rows.
    const patients = lines.map((line) => /Patient (\d+):/.exec(line)?.[1]);
    expect(new Set(patients).size).toBe(200);
    expect(await page.getByTestId('export-summary').textContent()).toMatch(/200/);
    expect(describeProblems(app.pageErrors)).toBe('');
  });
});
