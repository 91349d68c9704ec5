// LongHealth in Chromium: MedARC's benchmark_v5.json (the differential fixture's, in the real shape)
// served by the GitHub imitation at a commit the user names under "load another revision"; task 1
// loads in the worker, three questions of up to 72,000 characters run against the mock, and the
// rollout view shows the long prompt and MedARC's verdict without a page error.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeProblems } from '../support/browser';
import { startFakeGitHub } from '../support/fakeGitHub';
import { startMockOpenAI } from '../support/mockOpenAI';
import { describeInChromium } from './describeInChromium';

const KEY = 'mock-key-longhealth-0123';
const OTHER = 'f'.repeat(40);
const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/medmarks/longhealth.json', import.meta.url), 'utf8'),
) as { benchmark: string };

describeInChromium('LongHealth in Chromium', (chromium) => {
  it('loads task 1 at a named commit, runs long prompts and shows one', async () => {
    const gh = chromium.closeAfterTest(
      await startFakeGitHub({
        notes: [],
        repoFiles: [
          {
            repo: 'MedARC-AI/med-lm-envs',
            commit: OTHER,
            path: 'environments/longhealth/benchmark_v5.json',
            content: fixture.benchmark,
          },
        ],
      }),
    );
    const mock = chromium.closeAfterTest(await startMockOpenAI({ apiKey: KEY }));
    mock.setDefault(() => ({ reply: 'The correct answer is B: Diffuse large B-cell lymphoma.' }));
    const params = new URLSearchParams({ raw: gh.bases.rawBase, mirror: gh.bases.mirrorBase });
    const app = await chromium.openApp(`?${params.toString()}#/benchmarks`);
    const { page } = app;

    await page.locator('details:has(#revision-longhealth) > summary').click();
    await page.locator('#revision-longhealth').fill(OTHER);
    const variant = page.getByTestId('benchmark-variant-longhealth-task1-seed2718');
    await variant.getByTestId('variant-load').click();
    await expect.poll(() => variant.getAttribute('data-state'), { timeout: 30_000 }).toBe('ready');
    expect(await variant.getByTestId('variant-example-count').textContent()).toContain('18');

    await variant.getByTestId('variant-new-run').click();
    const box = page.getByTestId('endpoint-model');
    await box.locator('input[name="baseUrl"]').fill(mock.baseUrl);
    await box.locator('input[name="model"]').fill('model-x');
    await box.locator('input[name="apiKey"]').fill(KEY);
    await page.getByTestId('examples-n').fill('3');
    await page.getByTestId('run-start').click();
    await expect
      .poll(() => page.getByTestId('run-status').getAttribute('data-status'), { timeout: 60_000 })
      .toBe('done');
    const hash = new URL(page.url()).hash;
    const runId = new URLSearchParams(hash.split('?')[1] ?? '').get('run') ?? '';
    const sent = mock.requests.filter((r) => r.path.endsWith('/chat/completions'));
    expect(sent).toHaveLength(3);

    await page.goto(`${page.url().split('#')[0] ?? ''}#/results?run=${runId}&open=0:0`);
    const card = page.getByTestId('choice-score-card');
    await expect.poll(() => card.getByTestId('choice-verdict').textContent()).toMatch(/Correct/);
    await expect
      .poll(() => page.getByText('--------------BEGIN DOCUMENTS--------------').count())
      .toBeGreaterThan(0);
    await page.screenshot({ path: '/work/notes/lh-shots/rollout.png', fullPage: false });
    expect(describeProblems(app.pageErrors)).toBe('');
  });
});
