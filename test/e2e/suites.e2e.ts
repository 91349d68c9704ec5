// Issue 15 end to end in Chromium: the built-in "Medmarks verified" suite, on a subset (5 examples per
// entry) of every entry whose environment is registered, for two models against the loopback mock;
// datasets loaded from the Hugging Face imitation with one "Load all". The leaderboard then shows both
// models with the accuracies the mock's scripted answers imply, its state lives in the link, and our
// fixture in the shape of MedARC's configs/medmarks-verified.toml imports into the same suite.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  describeProblems,
  launchBrowser,
  newAppPage,
  requireChromium,
  type AppPage,
} from '../support/browser';
import { startFakeHuggingFace, type FakeHuggingFace } from '../support/fakeHuggingFace';
import { axeViolations, seriousOrCritical } from './axe';
import { ENVS } from '../../src/core/envs/registry';
import { MEDMARKS_VERIFIED } from '../../src/core/suites/medmarksVerified';
import { resolveEntry } from '../../src/core/suites/resolveEntry';
import { startMockOpenAI, type MockOpenAI } from '../support/mockOpenAI';
import {
  medmcqaParquet,
  medmcqaRow,
  medmcqaRows,
  medqaParquet,
  medqaRow,
  medqaRows,
} from '../support/parquetFixtures';

const chromiumPath = requireChromium();
const KEY = 'mock-key-suites-0123456789';
const FIXTURE = join(import.meta.dirname, '../fixtures/suites/medmarks-verified.toml');
/** Entries of Medmarks verified whose environments are registered today (the count grows with them). */
const REGISTERED = MEDMARKS_VERIFIED.entries.filter(
  (entry) => resolveEntry(entry, ENVS).state === 'ready',
).length;
/** Those this test serves data for: medqa and med_mcqa with two shuffles each (PubMedQA's load fails here). */
const RUNNABLE = 6;

/** The gold's option text of a question named `Q<i>:` (MedQA) or `M<i>:` (MedMCQA). */
function goldText(prompt: string): { index: number; text: string } {
  const q = /Q(\d+):/.exec(prompt);
  if (q !== null) {
    const row = medqaRow(Number(q[1]));
    return { index: Number(q[1]), text: row.options[row.answer_idx as 'A'] };
  }
  const i = Number(/M(\d+):/.exec(prompt)?.[1] ?? -1);
  const row = medmcqaRow(i);
  return { index: i, text: [row.opa, row.opb, row.opc, row.opd][row.cop] ?? '' };
}

/** alpha is always right; beta only on even-numbered questions. Answers by the letter shown. */
function reply(body: unknown): string {
  const request = body as { model: string; messages: { content: string }[] };
  const prompt = request.messages.map((m) => m.content).join('\n');
  const gold = goldText(prompt);
  const shown = [...prompt.matchAll(/^([A-D])[.)] (.*)$/gm)];
  const letter = shown.find((match) => match[2] === gold.text)?.[1] ?? 'A';
  const isRight = request.model === 'alpha' || gold.index % 2 === 0;
  return `<answer>${isRight ? letter : letter === 'A' ? 'B' : 'A'}</answer>`;
}

function appUrl(fake: FakeHuggingFace, hash: string): string {
  const params = new URLSearchParams({ hfViewer: fake.viewerBase, hfHub: fake.hubBase });
  return `${inject('appUrl')}?${params.toString()}${hash}`;
}

async function runSuite(page: Page, url: string, mock: MockOpenAI, model: string) {
  await page.goto(url);
  const box = page.getByTestId('suite-model');
  await box.locator('input[name="baseUrl"]').fill(mock.baseUrl);
  await box.locator('input[name="model"]').fill(model);
  await box.locator('input[name="apiKey"]').fill(KEY);
  await page.getByTestId('suite-per-entry').fill('5');
  await expect
    .poll(() => page.getByTestId('suite-estimate-requests').textContent(), { timeout: 15_000 })
    .toBe(String(RUNNABLE * 5));
  await page.getByTestId('suite-start').click();
  await expect
    .poll(() => page.getByTestId('suite-run-progress').textContent(), { timeout: 60_000 })
    .toBe(`${RUNNABLE * 5} of ${RUNNABLE * 5} rollouts finished`);
  await expect
    .poll(() => page.locator('[data-testid="suite-run-entry"][data-status="done"]').count(), {
      timeout: 30_000,
    })
    .toBe(RUNNABLE);
}

describe.skipIf(chromiumPath === null)('Medmarks verified in Chromium', () => {
  let browser: Browser;
  let fake: FakeHuggingFace | undefined;
  let mock: MockOpenAI | undefined;
  let app: AppPage | undefined;

  beforeAll(async () => {
    browser = await launchBrowser(chromiumPath ?? undefined);
  });
  afterAll(async () => {
    await browser.close();
  });
  afterEach(async () => {
    await app?.close();
    await fake?.close();
    await mock?.close();
  });

  it('runs a 5-per-entry subset for two models and ranks them on the leaderboard', async () => {
    const lightevalRows = medmcqaRows(12).map((row) => ({ ...row, cop: row.cop + 1 }));
    fake = await startFakeHuggingFace({
      datasets: [
        {
          id: 'GBaker/MedQA-USMLE-4-options',
          revision: 'c'.repeat(40),
          configs: {
            default: { test: { rows: medqaRows(12), parquet: medqaParquet(medqaRows(12)) } },
          },
        },
        {
          // MedARC's med_mcqa reads lighteval's copy, whose cop is 1-based.
          id: 'lighteval/med_mcqa',
          revision: 'd'.repeat(40),
          configs: {
            default: {
              validation: { rows: lightevalRows, parquet: medmcqaParquet(lightevalRows) },
            },
          },
        },
      ],
    });
    mock = await startMockOpenAI({ apiKey: KEY });
    mock.setDefault((request) => ({ reply: reply(request.body) }));
    const url = appUrl(fake, '#/suites');
    app = await newAppPage(browser, url);
    const { page } = app;

    // Every entry is listed; every MedARC environment of the suite is registered (none says "not
    // available yet"), only the tools entry is blocked.
    await expect.poll(() => page.getByTestId('suite-entry').count()).toBe(66);
    expect(await page.getByTestId('suite-ready-count').textContent()).toBe(String(REGISTERED));
    const unavailable = page.locator('[data-testid="suite-entry"][data-state="unavailable"]');
    expect(await unavailable.count()).toBe(0);
    expect(
      await page.locator('[data-testid="suite-entry"][data-state="blocked"]').textContent(),
    ).toMatch(/not runnable in a browser/);

    await page.getByTestId('suite-load-all').click();
    await expect
      .poll(() => page.locator('[data-testid="suite-dataset"][data-status="ready"]').count(), {
        timeout: 30_000,
      })
      .toBe(2);

    await runSuite(page, url, mock, 'alpha');
    await runSuite(page, url, mock, 'beta');
    // At most one request per rollout: a shuffle that leaves a question's order unchanged sends the
    // same request as the unshuffled entry, which the response cache answers.
    const sent = mock.requests.filter((r) => r.path.endsWith('/chat/completions')).length;
    expect(sent).toBeLessThanOrEqual(2 * RUNNABLE * 5);
    expect(sent).toBeGreaterThanOrEqual(2 * 2 * 5);

    await page.goto(appUrl(fake, '#/leaderboard'));
    const rows = page.getByTestId('lb-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    // Questions 0–4: beta is right on 0, 2 and 4 of each entry.
    await expect
      .poll(() => page.locator('[data-model="alpha"] [data-testid="lb-macro"]').textContent())
      .toBe('100.0% (2/27)');
    await expect
      .poll(() => page.locator('[data-model="beta"] [data-testid="lb-macro"]').textContent())
      .toBe('60.0% (2/27)');
    expect(await rows.first().getAttribute('data-model')).toBe('alpha');
    expect(seriousOrCritical(await axeViolations(page))).toEqual([]);

    // The view lives in the link: sort by model ascending, reload, same order.
    // The view lives in the link: sort by model (A→Z), then Z→A, reload, same order.
    await page.getByRole('button', { name: 'Model' }).click();
    await expect.poll(() => page.url()).toMatch(/sort=model&dir=asc/);
    await page.getByRole('button', { name: /^Model/ }).click();
    await expect.poll(() => rows.first().getAttribute('data-model')).toBe('beta');
    expect(page.url()).not.toContain(KEY);
    await page.reload();
    await expect
      .poll(() => rows.first().getAttribute('data-model'), { timeout: 15_000 })
      .toBe('beta');

    // Two rows picked: the paired comparison of their runs, entry by entry.
    await page.getByLabel('Compare alpha').check();
    await page.getByLabel('Compare beta').check();
    await expect.poll(() => page.getByTestId('lb-pair').locator('li').count()).toBe(RUNNABLE);
    await page.goto(url);
    await page.getByTestId('suite-entries').waitFor();
    expect(seriousOrCritical(await axeViolations(page))).toEqual([]);

    // Our fixture in the shape of configs/medmarks-verified.toml imports into the same suite.
    await page.goto(url);
    await page.getByTestId('suite-import').setInputFiles({
      name: 'medmarks-verified.toml',
      mimeType: 'application/toml',
      buffer: readFileSync(FIXTURE),
    });
    await expect.poll(() => page.url()).toMatch(/suite=file%3Amedmarks-verified/);
    await expect.poll(() => page.getByTestId('suite-entry').count()).toBe(66);
    expect(await page.getByTestId('suite-ready-count').textContent()).toBe(String(REGISTERED));
    expect(await page.getByTestId('suite-notes').textContent()).toMatch(/"output_dir" is ignored/);
    expect(describeProblems(app.pageErrors)).toBe('');
  });
});
