// Issue 11: axe-core on every page, empty and populated, with no serious or critical violation, and
// a whole run driven by the keyboard alone.
import type { Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { describeProblems } from '../support/browser';
import { judgeJson, startMockOpenAI } from '../support/mockOpenAI';
import { axeViolations, seriousOrCritical, tabTo, type AxeViolation } from './axe';
import { describeInChromium } from './describeInChromium';

const EMPTY_PAGES: [string, string][] = [
  ['Dataset', '#/dataset'],
  ['Run', '#/run'],
  ['Results', '#/results'],
  ['Compare', '#/compare'],
  ['Benchmarks', '#/benchmarks'],
  ['Training data', '#/corpora'],
  ['Suites', '#/suites'],
  ['Leaderboard', '#/leaderboard'],
  ['Settings', '#/settings'],
];

const KEY = 'mock-key-a11y-0123456789';
const EXAMPLES = 3;

/** Every violation axe finds, by page, for the report; serious and critical ones fail the test. */
const found = new Map<string, AxeViolation[]>();

async function audit(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  found.set(where, violations);
  expect(seriousOrCritical(violations), where).toEqual([]);
}

/** Types into the focused field as a keyboard user does: select what is there, then type. */
async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

describeInChromium('accessibility', (chromium) => {
  afterAll(() => {
    const lines = [...found].map(
      ([where, violations]) =>
        `${where}: ${violations.map((v) => `${v.impact ?? '?'} ${v.id}`).join(', ') || 'none'}`,
    );
    console.log(`axe violations by page:\n${lines.join('\n')}`);
  });

  it('axe really runs in the app, CSP and all: it reports a planted violation', async () => {
    const app = await chromium.openApp('#/dataset');
    await app.page.locator('main :is(h1, h2)').first().waitFor();
    await app.page.evaluate(() => {
      document
        .querySelector('main')
        // The app's own icon: the CSP allows images from the app only (no data: URLs).
        ?.append(Object.assign(document.createElement('img'), { src: 'favicon.svg' }));
    });
    const violations = await axeViolations(app.page);
    expect(violations.map((v) => v.id)).toContain('image-alt');
  });

  it.each(EMPTY_PAGES)(
    '%s page, empty: no serious or critical axe violation',
    async (_name, hash) => {
      const app = await chromium.openApp(hash);
      await app.page.locator('main :is(h1, h2)').first().waitFor();
      await audit(app.page, `${_name} (empty)`);
    },
  );

  it('a whole run by keyboard alone: import, configure, start, open a rollout, export; every page populated passes axe', async () => {
    const mock = chromium.closeAfterTest(await startMockOpenAI({ apiKey: KEY, latencyMs: 0 }));
    mock.setDefault((request) =>
      JSON.stringify(request.body).includes('patient_notes')
        ? { reply: judgeJson({ accuracy: 4, completeness: 4, clarity: 5 }) }
        : { reply: 'Plan: **ice**, elevation, and review in clinic in two weeks.' },
    );
    const app = await chromium.openApp('#/dataset');
    const { page } = app;
    await page.locator('main :is(h1, h2)').first().waitFor();

    // Import: the "Files…" control opens the file chooser from the keyboard.
    const lines = Array.from({ length: EXAMPLES }, (_, i) =>
      JSON.stringify({
        question: `Patient ${i}: knee swelling after a fall.`,
        answer: `Plan ${i}: RICE.`,
      }),
    );
    await tabTo(page, '[data-testid="import-files"]');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.keyboard.press('Space'),
    ]);
    await chooser.setFiles({
      name: 'examples.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(lines.join('\n')),
    });
    await page.getByTestId('import-result').waitFor();
    await audit(page, 'Dataset (imported)');
    await tabTo(page, '[data-testid="examples-table"] tbody tr');
    await page.keyboard.press('Enter');
    await page.getByTestId('example-detail').waitFor();
    await audit(page, 'Dataset: example detail');

    // Configure the model and a judge, then start.
    await tabTo(page, 'nav a[href$="#/run"]');
    await page.keyboard.press('Enter');
    await page.getByTestId('endpoint-model').waitFor();
    await audit(page, 'Run (new run form)');
    await typeInto(page, '[data-testid="endpoint-model"] input[name="baseUrl"]', mock.baseUrl);
    await typeInto(page, '[data-testid="endpoint-model"] input[name="model"]', 'model-x');
    await typeInto(page, '[data-testid="endpoint-model"] input[name="apiKey"]', KEY);
    await typeInto(page, '[data-testid="endpoint-judge-0"] input[name="baseUrl"]', mock.baseUrl);
    await typeInto(page, '[data-testid="endpoint-judge-0"] input[name="model"]', 'judge-a');
    await typeInto(page, '[data-testid="examples-n"]', String(EXAMPLES));
    await tabTo(page, '[data-testid="run-start"]');
    await page.keyboard.press('Enter');
    await page
      .locator('[data-testid="run-status"][data-status="done"]')
      .waitFor({ timeout: 30_000 });
    await audit(page, 'Run (finished)');
    await tabTo(page, '[data-testid="rollouts-table"] tbody tr');
    await page.keyboard.press('Enter');
    await page.getByTestId('rollout-detail').waitFor();
    await audit(page, 'Run: rollout detail');

    // Results: the run from the overview, a rollout, then the export.
    await tabTo(page, 'nav a[href$="#/results"]');
    await page.keyboard.press('Enter');
    await page.getByTestId('runs-overview').waitFor();
    await audit(page, 'Results (runs overview)');
    await tabTo(page, '[data-testid="runs-overview"] a[href*="run="]');
    await page.keyboard.press('Enter');
    await page.getByTestId('results-row').first().waitFor();
    await audit(page, 'Results (run)');
    // The grid takes the focus once; arrows move its active row, Enter opens it.
    await tabTo(page, '[data-testid="results-table"]');
    await page.keyboard.press('Enter');
    await page.getByTestId('rollout-detail').waitFor();
    await page.locator('.markdown-body[data-testid="rollout-response"] > *').first().waitFor();
    await audit(page, 'Results: rollout detail');
    await tabTo(page, '[data-testid="export-zip"]');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.keyboard.press('Enter'),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);

    for (const [name, hash] of EMPTY_PAGES.filter(([, h]) =>
      ['#/compare', '#/settings'].includes(h),
    )) {
      await tabTo(page, `nav a[href$="${hash}"]`);
      await page.keyboard.press('Enter');
      await page.locator('main :is(h1, h2)').first().waitFor();
      await audit(page, `${name} (with a run)`);
    }
    expect(describeProblems(app.pageErrors)).toBe('');
  });
});
