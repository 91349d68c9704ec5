// Issue 5: the single-file HTML report, exported from the results page, opens from disk with no
// network and JavaScript off, and shows the summary, charts and every rollout.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { toMetadata, toResultsJsonl, toResultsRows } from '../../src/core/results/exportRun';
import { summarizeRun } from '../../src/core/runSummary';
import { sampleExamples, sampleRollouts, sampleRun } from '../core/results/sampleRun';
import { describeInChromium } from './describeInChromium';

describeInChromium('HTML report', (chromium) => {
  it('exports a report that opens offline with JavaScript off', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'medeval-report-'));
    const resultsPath = join(dir, 'results.jsonl');
    const metadataPath = join(dir, 'metadata.json');
    writeFileSync(
      metadataPath,
      JSON.stringify(toMetadata(sampleRun, sampleRollouts, summarizeRun(sampleRollouts, 0))),
    );
    writeFileSync(
      resultsPath,
      toResultsJsonl(toResultsRows(sampleRun, sampleRollouts, sampleExamples)),
    );
    const app = await chromium.openApp('#/results');
    let reportPath = '';
    await app.page.getByTestId('import-results-files').setInputFiles([resultsPath, metadataPath]);
    await app.page.getByTestId('run-header').waitFor({ timeout: 20_000 });
    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      app.page.getByTestId('export-report').click(),
    ]);
    reportPath = join(dir, download.suggestedFilename());
    await download.saveAs(reportPath);
    expect(reportPath).toMatch(/\.html$/);
    expect(readFileSync(reportPath, 'utf8')).not.toMatch(/<script/i);

    const context = await chromium.browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.goto(pathToFileURL(reportPath).toString());
      expect(await page.title()).toContain(sampleRun.name);
      expect(await page.locator('svg[role="img"]').count()).toBe(2);
      expect(await page.locator('details[id^="r-"]').count()).toBe(sampleRollouts.length);
      const body = (await page.locator('body').textContent()) ?? '';
      expect(body).toContain(sampleRun.settings.model.model);
    } finally {
      await context.close();
    }
  });
});
