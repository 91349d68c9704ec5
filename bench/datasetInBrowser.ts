// Issue 2 figures, in headless Chromium against the built app:
// - cold ingest of 429 notes from a local GitHub imitation with per-request latency, as a ratio to a
//   plain fetch of the same files at the same concurrency, measured in the same run (alternating);
// - warm open: page load → the dataset table showing its rows from IndexedDB, no network.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { appLink } from '../test/e2e/support';
import { launchBrowser } from '../test/support/browser';
import { startFakeGitHub, type FakeGitHub } from '../test/support/fakeGitHub';
import { syntheticCorpus } from '../test/support/notesFixture';
import { fmt, median, type BenchSection } from './stats';

const LATENCY_MS = 30;
const CONCURRENCY = 8;
const ROUNDS = 5;
const WARM_OPENS = 9;

function loadNotes(): { notes: { name: string; text: string }[]; source: string } {
  const dir = join(import.meta.dirname, '../../shared/data/mtsample_procedure');
  if (existsSync(dir)) {
    const notes = readdirSync(dir).map((name) => ({
      name,
      text: readFileSync(join(dir, name), 'utf8'),
    }));
    return { notes, source: 'the 429 real notes from ../shared/data' };
  }
  return {
    notes: syntheticCorpus(429, 1),
    source: 'a generated corpus of 429 notes (../shared absent)',
  };
}

/** Plain fetch of the listing and every file, CONCURRENCY at a time, from a page on the app's origin. */
async function plainFetch(page: Page, gh: FakeGitHub, names: string[]): Promise<number> {
  const listing = `${gh.bases.githubApiBase}/repos/${gh.repo}/contents/${gh.folder}?ref=${gh.commit}`;
  const urls = names.map(
    (name) =>
      `${gh.bases.rawBase}/${gh.repo}/${gh.commit}/${gh.folder}/${encodeURIComponent(name)}`,
  );
  return page.evaluate(
    async ({ listing, urls, concurrency }) => {
      const t0 = performance.now();
      await (await fetch(listing)).text();
      let next = 0;
      // No named inner functions: tsx's keepNames would reference a helper the page lacks.
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < urls.length) {
            const url = urls[next++] as string;
            await (await fetch(url)).text();
          }
        }),
      );
      return performance.now() - t0;
    },
    { listing, urls, concurrency: CONCURRENCY },
  );
}

/** Click "Download dataset" and time, in the page, until the processed counts appear. */
async function appIngest(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Download dataset' }).waitFor();
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          if (document.querySelector('[data-testid="count-examples"]') !== null) {
            observer.disconnect();
            resolve(performance.now() - t0);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
        const button = [...document.querySelectorAll('button')].find(
          (b) => b.textContent === 'Download dataset',
        );
        button?.click();
      }),
  );
}

async function freshPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('app-shell').waitFor();
  return page;
}

export async function benchDatasetInBrowser(
  appUrl: string,
): Promise<BenchSection & { ratio: number; warmMedian: number }> {
  const { notes, source } = loadNotes();
  const gh = await startFakeGitHub({ notes, latencyMs: LATENCY_MS });
  const browser = await launchBrowser();
  const names = notes.map((note) => note.name);
  const plain: number[] = [];
  const ingest: number[] = [];
  let warmPage: Page | undefined;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which goes first, so drift on a shared machine does not favour either.
      const order = round % 2 === 0 ? ['plain', 'app'] : ['app', 'plain'];
      for (const which of order) {
        const page = await freshPage(browser, appLink(appUrl, gh));
        if (which === 'plain') plain.push(await plainFetch(page, gh, names));
        else ingest.push(await appIngest(page));
        if (which === 'app' && warmPage === undefined) warmPage = page;
        else await page.context().close();
      }
    }
    const warm: number[] = [];
    const page = warmPage as Page;
    await gh.close(); // warm opens need no network at all
    for (let i = 0; i < WARM_OPENS; i++) {
      await page.reload();
      await page
        .locator('[data-testid="examples-table"] tbody tr')
        .nth(130)
        .waitFor({ timeout: 10_000 });
      warm.push(
        await page.evaluate(
          () =>
            performance.getEntriesByName('medeval:examples-rendered')[0]?.startTime ?? Number.NaN,
        ),
      );
    }
    const ratio = median(ingest) / median(plain);
    const warmMedian = median(warm);
    return {
      title: 'Dataset ingest and warm open (headless Chromium)',
      ratio,
      warmMedian,
      lines: [
        `Corpus: ${source}; local server adds ${LATENCY_MS} ms per request; ${CONCURRENCY} parallel requests; ${ROUNDS} rounds, alternating order.`,
        '',
        '| measure | median | all runs | target |',
        '|---|---|---|---|',
        `| plain fetch of listing + 429 files (baseline) | ${fmt(median(plain))} | ${plain.map((v) => v.toFixed(0)).join(', ')} | — |`,
        `| app cold ingest (list, fetch, store, process, render) | ${fmt(median(ingest))} | ${ingest.map((v) => v.toFixed(0)).join(', ')} | — |`,
        `| **ingest / plain fetch** | **${ratio.toFixed(2)}** | | ≤ 1.3 |`,
        `| **warm open**: navigation start → 131 rows rendered from IndexedDB | **${fmt(warmMedian)}** | ${warm.map((v) => v.toFixed(0)).join(', ')} | ≤ 300 ms |`,
      ],
    };
  } finally {
    await browser.close();
    await gh.close().catch(() => undefined);
  }
}
