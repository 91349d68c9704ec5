// Issue 13 #2 and issue 12 #6 on the page: a results folder of another environment, written by
// verifiers' own save code (test/fixtures/verifiers), opens as itself — its reward functions as
// columns with their means, its timing, its answers, every field of its rows — and nothing of
// MTSamples (no judges, no reference plan or original note, no rules version). MedARC's 2025 shape
// (rows keyed `id`) opens with every row and the file's avg_reward. The same files imported twice
// say so and offer the run already here. A MedARC results file of mtsamples_procedures says its reward
// was read from the file and by whom, never "medeval jury reward", on the Results and Run pages and in
// Compare; Compare sets imported runs side by side rollout by rollout, with the numbers they share and
// those only one has.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeProblems, launchBrowser, newAppPage, requireChromium } from '../support/browser';
import { axeViolations, seriousOrCritical } from './axe';
import { MTSAMPLES_LLAMA, MTSAMPLES_QWEN } from '../support/mtsamplesResultsFile';

const chromiumPath = requireChromium();
const FIXTURES = join(import.meta.dirname, '../fixtures/verifiers');
const folder = (line: string) => [
  join(FIXTURES, line, 'results.jsonl'),
  join(FIXTURES, line, 'metadata.json'),
];

const rows = (page: Page) => page.getByTestId('results-row');
const runIdOf = (page: Page) => /run=([^&]+)/.exec(new URL(page.url()).hash)?.[1] ?? '';

async function importFiles(page: Page, files: string[]): Promise<string> {
  await page.goto(`${inject('appUrl')}#/results`);
  await page.getByTestId('import-results-files').setInputFiles(files);
  await expect.poll(() => runIdOf(page), { timeout: 20_000 }).not.toBe('');
  return runIdOf(page);
}

const importFolder = (page: Page, line: string) => importFiles(page, folder(line));

/** A MedARC MTSamples results folder written to a temporary directory. */
function mtsamplesFolder(file: typeof MTSAMPLES_QWEN): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'medeval-e2e-'));
  writeFileSync(join(dir, 'results.jsonl'), file.resultsJsonl);
  writeFileSync(join(dir, 'metadata.json'), file.metadataJson);
  return [join(dir, 'results.jsonl'), join(dir, 'metadata.json')];
}

/** The cells of a table row, as text. */
const cellsOf = (row: ReturnType<Page['locator']>) => row.locator('th, td').allTextContents();

describe.skipIf(chromiumPath === null)('imported runs of other environments', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser(chromiumPath ?? undefined);
  });
  afterAll(async () => {
    await browser.close();
  });

  it('show the file’s reward functions, timing and fields, and nothing of MTSamples', async () => {
    const app = await newAppPage(browser, `${inject('appUrl')}#/results`);
    const { page } = app;
    try {
      const runId = await importFolder(page, 'v0.3.0');
      await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBe(6);
      const header = page.getByTestId('run-header');
      await expect.poll(() => header.textContent()).toContain('Scored by');
      const headerText = (await header.textContent()) ?? '';
      expect(headerText).toContain('accuracy_reward, format_reward');
      expect(headerText).toContain(
        'medmcq_lite (from the results file, written by verifiers 0.3.0)',
      );
      expect(headerText).not.toMatch(/rules v0|medarc cut|gpt-4o-mini|Jury score/);
      // Dates: when it was imported (this file states no run date), never "Finished —".
      const dates = await header.locator('dt').allTextContents();
      expect(dates).toContain('Imported');
      expect(dates).not.toContain('Finished');
      expect(dates).not.toContain('Created');
      expect(await header.locator('dd').allTextContents()).not.toContain('—');

      const columns = await page
        .locator('table:has([data-testid="results-row"]) thead th')
        .allTextContents();
      expect(columns).toEqual(
        expect.arrayContaining(['Reward', 'accuracy_reward', 'format_reward', 'Latency']),
      );
      for (const mtsamples of ['Section', 'Accuracy', 'Completeness', 'Clarity']) {
        expect(columns).not.toContain(mtsamples);
      }
      // Latency is the file's generation time (0.8 s … 3.1 s), never a made-up 0.
      const latencyIndex = columns.indexOf('Latency');
      const latencies = await rows(page).evaluateAll(
        (trs, i) => trs.map((tr) => tr.children[i]?.textContent ?? ''),
        latencyIndex,
      );
      expect(latencies.sort()).toEqual(['0.8 s', '0.8 s', '1.1 s', '1.4 s', '1.4 s', '3.1 s']);

      // The summary: the mean reward beside the file's avg_reward, each reward function's mean.
      await page.getByTestId('results-tab-summary').click();
      const summary = page.locator('[data-testid="run-summary"][data-summary-kind="metrics"]');
      await summary.waitFor();
      expect(await page.getByTestId('summary-mean-reward').textContent()).toMatch(
        /^Mean reward \[95% CI\]0\.500 \[.*\]n = 6 · the file says 0\.500$/,
      );
      expect(await page.getByTestId('metric-mean-accuracy_reward').textContent()).toBe('0.500');
      expect(await page.getByTestId('metric-mean-format_reward').textContent()).toBe('0.500');
      expect(await page.getByTestId('summary-timing').textContent()).toMatch(
        /generation 1\.\d\d s/,
      );
      // No judge scored it: no Judges tab, and a link to that tab opens the rollouts.
      expect(await page.getByRole('tab').allTextContents()).toEqual(['Rollouts', 'Summary']);
      await page.goto(`${inject('appUrl')}#/results?run=${runId}&tab=judges`);
      await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBe(6);
      expect(await page.getByRole('tab', { selected: true }).textContent()).toBe('Rollouts');
      expect(await page.locator('.page').textContent()).not.toMatch(/gpt-4o-mini|Judge 1/);

      // A rollout: its answer and every field of its row; no judges, no plan, no note.
      await page.goto(`${inject('appUrl')}#/results?run=${runId}&open=1:1`);
      const detail = page.getByTestId('rollout-detail');
      await detail.getByTestId('rollout-file-row').waitFor();
      const detailText = (await detail.textContent()) ?? '';
      expect(detailText).not.toMatch(/Reference plan|Original note|Judges|No answer yet/);
      expect(await detail.getByTestId('rollout-reference').textContent()).toBe('C');
      expect(detailText).toContain('accuracy_reward0.000');
      await detail.getByTestId('rollout-file-row').locator('summary').click();
      for (const field of ['info', 'timing', 'judge_response', 'is_truncated', 'token_usage']) {
        expect(await detail.locator(`[data-field="${field}"]`).count()).toBe(1);
      }
      expect(await detail.locator('[data-field="info"] pre').textContent()).toContain(
        '"subject": "paediatrics"',
      );
      expect(seriousOrCritical(await axeViolations(page))).toEqual([]);

      // The same files again: said so, nothing stored twice, and the run already here opens.
      await page.goto(`${inject('appUrl')}#/results`);
      await page.getByTestId('import-results-files').setInputFiles(folder('v0.3.0'));
      await page.getByTestId('import-duplicate').waitFor();
      expect(await page.getByTestId('import-duplicate').textContent()).toContain(
        'medmcq-lite-smoke',
      );
      await page.getByTestId('import-duplicate-open').click();
      await expect.poll(() => runIdOf(page)).toBe(runId);
      expect(describeProblems(app.pageErrors)).toBe('');
    } finally {
      await app.close();
    }
  });

  it('report impossible rewards by line and a forbidden metadata key by name (#10)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'medeval-e2e-'));
    const row = (id: number, reward: string) =>
      `{"example_id": ${id}, "prompt": [{"role": "user", "content": "Q${id}"}], "completion": [{"role": "assistant", "content": "A"}], "reward": ${reward}, "metrics": {"<lambda>": ${reward}}}`;
    writeFileSync(
      join(dir, 'results.jsonl'),
      [row(0, '0.05'), row(1, '1e308'), row(2, '1.0'), row(3, '0.5')].join('\n'),
    );
    writeFileSync(
      join(dir, 'metadata.json'),
      '{"env_id": "bbh", "model": "qwen3-8b", "env_args": {"__proto__": {"x": 1}, "subset": "all"}, "avg_reward": 0.5}',
    );
    const app = await newAppPage(browser, `${inject('appUrl')}#/results`);
    const { page } = app;
    try {
      await page
        .getByTestId('import-results-files')
        .setInputFiles([join(dir, 'results.jsonl'), join(dir, 'metadata.json')]);
      const bad = page.getByTestId('import-results-bad-lines').locator('[data-line]');
      await expect.poll(() => bad.count(), { timeout: 15_000 }).toBe(1);
      expect(await bad.first().textContent()).toBe(
        'line 2: reward 1e+308 is beyond ±1,000,000: no reward of an evaluation is that large',
      );
      expect(await page.getByTestId('import-results-metadata-problems').textContent()).toBe(
        'env_args.__proto__ dropped: the key "__proto__" is not accepted (it could alter how the app\'s objects behave)',
      );
      await page.getByTestId('import-results-open').click();
      await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBe(3);
      const header = page.getByTestId('run-header');
      await expect
        .poll(() => header.textContent())
        .toMatch(/Mean reward \[95% CI\]0\.517 \[0\.050, 1\.000\]/);
      const text = (await header.textContent()) ?? '';
      expect(text).toContain('qwen3-8b');
      expect(text).not.toMatch(/NaN|e\+30|gpt-4o-mini/);
      expect(describeProblems(app.pageErrors)).toBe('');
    } finally {
      await app.close();
    }
  });

  it('open MedARC’s 2025 shape (rows keyed id) with every row and the file’s avg_reward', async () => {
    const app = await newAppPage(browser, `${inject('appUrl')}#/results`);
    const { page } = app;
    try {
      await importFolder(page, 'medarc-public-2025-09');
      await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBe(8);
      await page.getByTestId('results-tab-summary').click();
      await expect
        .poll(() => page.getByTestId('summary-mean-reward').textContent())
        .toMatch(/^Mean reward \[95% CI\]0\.625 .*n = 8 · the file says 0\.625$/);
      expect(await page.getByTestId('metric-mean-accuracy_reward').textContent()).toBe('0.625');
      expect(await page.getByTestId('summary-timing').textContent()).toContain(
        'the file records no timing',
      );
      // No usage in the file: tokens and cost unknown, never 0 or $0.
      const usage = (await page.getByTestId('stat-usage').first().textContent()) ?? '';
      expect(usage).toBe('no token counts recorded · 8 rollouts without a cost');

      // The runs list: examples × rollouts (no jury's prompt format or normalisation), cost unknown.
      await page.goto(`${inject('appUrl')}#/results`);
      const overview = page.getByTestId('runs-overview');
      const headers = await overview.locator('thead th').allTextContents();
      const listed = overview.locator('tbody tr').first().locator('td');
      await expect.poll(() => listed.nth(headers.indexOf('Cost')).textContent()).toBe('—');
      expect(await listed.nth(headers.indexOf('Settings')).textContent()).toBe('8 ex × 1');
      expect(describeProblems(app.pageErrors)).toBe('');
    } finally {
      await app.close();
    }
  });

  it('label a MedARC MTSamples file’s reward as the file’s, and compare imported runs rollout by rollout', async () => {
    const app = await newAppPage(browser, `${inject('appUrl')}#/results`);
    const { page } = app;
    const label = 'read from the file (written by verifiers 0.1.12 · mtsamples_procedures 0.1.0)';
    try {
      const qwen = await importFiles(page, mtsamplesFolder(MTSAMPLES_QWEN));
      await expect.poll(() => rows(page).count(), { timeout: 15_000 }).toBe(4);
      const preset = page.getByTestId('run-preset');
      expect(await preset.textContent()).toBe(label);
      expect(await preset.getAttribute('data-read-from-file')).toBe('true');
      expect(await page.getByTestId('run-header').textContent()).not.toContain(
        'medeval jury reward',
      );
      expect(await page.getByTestId('run-reward-source').textContent()).toMatch(
        /MedARC’s reward\), not by medeval’s formula.*medeval’s reading: a reward of 0 with no judge score behind it is MedARC’s failure sentinel and is read as unscored/,
      );
      await page.getByTestId('results-tab-summary').click();
      expect(await page.getByTestId('summary-reward-note').textContent()).toBe(
        `Reward = each rollout’s reward as the file gives it (${label}), not recomputed here. The interval is a seeded 95% bootstrap over scored rollouts. 1 unscored rollout left out; scoring them 0 as MedARC does would give 0.604. The file’s avg_reward: 0.604.`,
      );
      // The runs list names no normalisation for it: the file's writer chose one.
      await page.goto(`${inject('appUrl')}#/results`);
      const overview = page.getByTestId('runs-overview');
      const headers = await overview.locator('thead th').allTextContents();
      await expect
        .poll(() =>
          overview
            .locator('tbody tr')
            .first()
            .locator('td')
            .nth(headers.indexOf('Settings'))
            .textContent(),
        )
        .toBe('2 ex × 2 · chat · file’s reward');
      // The Run page says the same.
      await page.goto(`${inject('appUrl')}#/run?run=${qwen}`);
      await expect
        .poll(() => page.getByTestId('run-reward-source').textContent(), { timeout: 10_000 })
        .toContain(`Reward ${label}.`);

      const llama = await importFiles(page, mtsamplesFolder(MTSAMPLES_LLAMA));
      await page.goto(`${inject('appUrl')}#/compare?runs=${qwen},${llama}`);
      const metrics = page.getByTestId('compare-metric');
      await expect.poll(() => metrics.count(), { timeout: 15_000 }).toBe(5);
      expect(await page.getByTestId('compare-reward-source').allTextContents()).toEqual([
        ` · reward ${label}`,
        ` · reward ${label}`,
      ]);
      expect(await page.getByTestId('compare-preset-warning').count()).toBe(0);
      // Over the 3 rollouts both scored (qwen's example 1 rollout 1 is MedARC's sentinel, unscored):
      // qwen 0.833, 0.625, 0.958 and llama 0.375, 0.792, 0.625, the files' own rewards.
      expect(await cellsOf(metrics.first())).toEqual([
        'reward',
        '0.597 vs 0.806 (−0.208, 3 rollouts)',
      ]);
      expect(await metrics.locator('th').allTextContents()).toEqual([
        'reward',
        'jury score (1–5)',
        'accuracy (1–5, mean over judges)',
        'completeness (1–5, mean over judges)',
        'clarity (1–5, mean over judges)',
      ]);
      expect(await page.getByTestId('compare-metrics-partial').count()).toBe(0);
      await page.locator('[data-testid="compare-row"][data-example-id="1"]').click();
      const sentinel = page.locator(
        '[data-testid="rollout-metric"][data-rollout-index="1"][data-metric="reward"]',
      );
      expect(await cellsOf(sentinel)).toEqual(['1', 'reward', '—', '0.958']);
      const scored = page.locator(
        '[data-testid="rollout-metric"][data-rollout-index="0"][data-metric="jury:jury_score"]',
      );
      // qwen's judges 5,5,5 and 4,5,5 (4.833); llama's 3,4,4 and 3,3,4 (3.5).
      expect(await cellsOf(scored)).toEqual(['0', 'jury score (1–5)', '4.833', '3.500 (−1.333)']);

      // Files of another environment from three releases: the reward functions they share, and
      // the one MedARC's 2025 file lacks, said so.
      const v030 = await importFolder(page, 'v0.3.0');
      const v0110 = await importFolder(page, 'v0.1.10');
      const legacy = await importFolder(page, 'medarc-public-2025-09');
      await page.goto(`${inject('appUrl')}#/compare?runs=${v030},${v0110},${legacy}`);
      await expect.poll(() => metrics.count(), { timeout: 15_000 }).toBe(3);
      expect(
        await cellsOf(
          page.locator('[data-testid="compare-metric"][data-metric="file:accuracy_reward"]'),
        ),
      ).toEqual([
        'accuracy_reward',
        '0.500 vs 0.500 (+0.000, 6 rollouts)',
        expect.stringMatching(/ vs .*, 3 rollouts\)$/),
      ]);
      expect(
        await cellsOf(
          page.locator('[data-testid="compare-metric"][data-metric="file:format_reward"]'),
        ),
      ).toEqual(['format_reward', '0.500 vs 0.500 (+0.000, 6 rollouts)', 'not in this run']);
      expect(await page.getByTestId('compare-metrics-partial').textContent()).toBe(
        'format_reward: not in metamedqa · mistral-small-latest (imported)',
      );
      expect(await page.getByTestId('compare-reward-source').allTextContents()).toEqual([
        ' · reward read from the file (written by verifiers 0.3.0 · medmcq_lite 0.1.0)',
        ' · reward read from the file (written by verifiers 0.1.10 · medmcq_lite 0.1.0)',
        ' · reward read from the file (written by verifiers 0.1.3–0.1.5 (rows keyed id) · metamedqa)',
      ]);
      await page.locator('[data-testid="compare-row"][data-example-id="0"]').click();
      const perRollout = page.locator(
        '[data-testid="rollout-metric"][data-rollout-index="1"][data-metric="file:format_reward"]',
      );
      expect(await cellsOf(perRollout)).toEqual([
        '1',
        'format_reward',
        expect.stringMatching(/^\d\.000$/),
        expect.stringMatching(/^\d\.000 \(\+0\.000\)$/),
        'not in this run',
      ]);
      expect(seriousOrCritical(await axeViolations(page))).toEqual([]);

      // The Run page opens a file of another environment too (it threw "Unknown benchmark
      // "file-metrics"" and left a blank app): its reward's source, no re-score, no prime command.
      await page.goto(`${inject('appUrl')}#/run?run=${v030}`);
      await expect
        .poll(() => page.getByTestId('run-reward-source').textContent(), { timeout: 10_000 })
        .toContain('Reward read from the file (written by verifiers 0.3.0 · medmcq_lite 0.1.0).');
      expect(await page.getByTestId('run-view').textContent()).toContain(
        'mistral-small-latest on medmcq_lite',
      );
      expect(await page.getByTestId('prime-command').count()).toBe(0);
      expect(describeProblems(app.pageErrors)).toBe('');
    } finally {
      await app.close();
    }
  });
});
