// Issue 5 "share results without a server": `?results=<url>` names someone's published
// results.jsonl (metadata.json beside it); after one click the run opens read-only in the results
// workspace. The host here is a loopback server that allows cross-origin reads, as GitHub raw does.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, inject, it } from 'vitest';
import { toMetadata, toResultsJsonl, toResultsRows } from '../../src/core/results/exportRun';
import { summarizeRun } from '../../src/core/runSummary';
import { sampleExamples, sampleRollouts, sampleRun } from '../core/results/sampleRun';
import { describeProblems } from '../support/browser';
import { describeInChromium } from './describeInChromium';

function publish(
  files: Record<string, string>,
): Promise<{ server: Server; base: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    hits.push(path);
    const body = files[path];
    response.setHeader('Access-Control-Allow-Origin', '*');
    if (body === undefined) {
      response.statusCode = 404;
      response.end('not found');
      return;
    }
    response.setHeader('Content-Type', 'text/plain; charset=utf-8');
    response.end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, base: `http://127.0.0.1:${port}`, hits });
    });
  });
}

describeInChromium('open results from a URL', (chromium) => {
  it('asks first, then imports results.jsonl with its metadata and opens the run', async () => {
    const rows = toResultsRows(sampleRun, sampleRollouts, sampleExamples);
    const metadata = toMetadata(sampleRun, sampleRollouts, summarizeRun(sampleRollouts, 0));
    const host = await publish({
      '/evals/run1/results.jsonl': toResultsJsonl(rows),
      '/evals/run1/metadata.json': JSON.stringify(metadata),
    });
    const link = `${inject('appUrl')}?results=${encodeURIComponent(`${host.base}/evals/run1/results.jsonl`)}#/results`;
    const app = await chromium.openApp(link);
    try {
      const { page } = app;
      await page.getByTestId('results-link').waitFor();
      expect(host.hits).toEqual([]); // nothing fetched before the user agrees
      await page.getByTestId('results-link-open').click();
      await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(/#\/results\?run=/);
      expect(host.hits).toEqual(['/evals/run1/results.jsonl', '/evals/run1/metadata.json']);
      await page.getByTestId('run-header').waitFor();
      expect(await page.getByTestId('run-header').textContent()).toContain(
        sampleRun.settings.model.model,
      );
      expect(describeProblems(app.pageErrors)).toBe('');
    } finally {
      await app.close();
      await new Promise((resolve) => host.server.close(resolve));
    }
  });

  it('opening the same link twice says so and offers the run already here (#13)', async () => {
    const host = await publish({
      '/evals/run2/results.jsonl': toResultsJsonl(
        toResultsRows(sampleRun, sampleRollouts, sampleExamples),
      ),
    });
    const link = `${inject('appUrl')}?results=${encodeURIComponent(`${host.base}/evals/run2/results.jsonl`)}#/results`;
    const app = await chromium.openApp(link);
    try {
      const { page } = app;
      await page.getByTestId('results-link-open').click();
      await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(/#\/results\?run=/);
      const first = /run=([^&]+)/.exec(new URL(page.url()).hash)?.[1];
      // A fresh load of the link (a hash-only navigation would keep the dismissed notice).
      await page.goto('about:blank');
      await page.goto(link);
      await page.getByTestId('results-link-open').click();
      await page.getByTestId('import-duplicate').waitFor({ timeout: 20_000 });
      await page.getByTestId('import-duplicate-open').click();
      await expect.poll(() => /run=([^&]+)/.exec(new URL(page.url()).hash)?.[1]).toBe(first);
      expect(describeProblems(app.pageErrors)).toBe('');
    } finally {
      await app.close();
      await new Promise((resolve) => host.server.close(resolve));
    }
  });

  it('explains broken percent-encoding in the link instead of "URI malformed" (#10)', async () => {
    const host = await publish({});
    const app = await chromium.openApp(
      `${inject('appUrl')}?results=${encodeURIComponent(`${host.base}/evals/r%E0%A4%A.jsonl`)}`,
    );
    try {
      await app.page.getByTestId('results-link-open').click();
      const banner = app.page.getByTestId('error-banner');
      await banner.waitFor({ timeout: 20_000 });
      const text = (await banner.textContent()) ?? '';
      expect(text).toContain('The results link has broken percent-encoding');
      expect(text).not.toContain('URI malformed');
      expect(host.hits).toEqual([]);
    } finally {
      await app.close();
      await new Promise((resolve) => host.server.close(resolve));
    }
  });

  it('explains a host that does not allow cross-origin reads', async () => {
    const app = await chromium.openApp(
      `${inject('appUrl')}?results=${encodeURIComponent('http://127.0.0.1:9/results.jsonl')}`,
    );
    await app.page.getByTestId('results-link-open').click();
    const banner = app.page.getByTestId('error-banner');
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.textContent()).toMatch(/CORS|unreachable/);
  });
});
