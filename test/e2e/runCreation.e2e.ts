// Issue 14 in Chromium: a large run starts after its first rollouts are stored and creates the rest
// behind its lanes. A page closed while the rest are being created leaves whole chunks only; the
// reopened page counts every rollout of the run from the start, and a resume creates the rest once
// and pays again at most for the requests that were in flight.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeProblems } from '../support/browser';
import { judgeJson, startMockOpenAI } from '../support/mockOpenAI';
import { describeInChromium } from './describeInChromium';
import { configureRunOfAll, exampleOf, importExamples, isJudgeRequest } from './runSupport';

const KEY = 'mock-key-creation-0123456789';
/** The first chunk is 64 rollouts at concurrency 32; the other 1,936 are created 250 at a time. */
const ROLLOUTS = 2000;
const CONCURRENCY = 32;

interface StoredRun {
  status: string;
  creation: { exampleIds: number[]; created: number } | undefined;
  rollouts: { key: string; example_id: number; status: string }[];
}

/** The newest run and its rollouts, read straight from IndexedDB. */
async function storedRun(page: Page): Promise<StoredRun> {
  return page.evaluate(`(async () => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('medeval');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = (store) => new Promise((resolve) => {
      const request = db.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result);
    });
    const runs = await all('runs');
    const rollouts = await all('rollouts');
    db.close();
    const run = runs.sort((a, b) => b.createdAt - a.createdAt)[0];
    return {
      status: run.status,
      creation: run.creation,
      rollouts: rollouts
        .filter((r) => r.runId === run.id)
        .map((r) => ({ key: r.key, example_id: r.example_id, status: r.status })),
    };
  })()`);
}

describeInChromium('a large run created behind its lanes, in Chromium', (chromium) => {
  it('resumes a page closed mid-creation into a correct run: whole chunks, right totals, every rollout once', async () => {
    const m = chromium.closeAfterTest(
      await startMockOpenAI({
        apiKey: KEY,
        http2: true,
        latencyMs: 0,
        preflightMaxAgeSeconds: 600,
      }),
    );
    m.setDefault((request) =>
      isJudgeRequest(request.body)
        ? { reply: judgeJson({ accuracy: 4, completeness: 4, clarity: 5 }) }
        : { reply: `Plan for patient ${exampleOf(request.body)}: rest.` },
    );
    const app = await chromium.openApp('#/dataset');
    const { page, context } = app;
    await importExamples(page, ROLLOUTS);
    await configureRunOfAll(page, { baseUrl: m.baseUrl, key: KEY, concurrency: CONCURRENCY });
    await page.getByTestId('run-start').click();
    const chats = () => m.requests.filter((r) => r.path.endsWith('/chat/completions'));
    // Close the page as soon as the first request arrives: the run is going, and 1,936 rollouts
    // are still to be created, 250 per transaction.
    await expect.poll(() => chats().length, { timeout: 60_000, interval: 5 }).toBeGreaterThan(0);
    const runUrl = page.url();
    await page.close();

    const reopened = await context.newPage();
    await reopened.goto(runUrl);
    const closed = await storedRun(reopened);
    expect(closed.status).toBe('running'); // the page died with it: the app shows "interrupted"
    expect(closed.creation?.exampleIds).toHaveLength(ROLLOUTS);
    // Whole chunks only: exactly the first `created` rollouts of the plan, each once.
    const created = closed.creation?.created ?? ROLLOUTS;
    expect(created).toBeLessThan(ROLLOUTS);
    expect(closed.rollouts).toHaveLength(created);
    expect(new Set(closed.rollouts.map((r) => r.example_id))).toEqual(
      new Set(closed.creation?.exampleIds.slice(0, created)),
    );
    // The progress counts the rollouts not created yet.
    await expect
      .poll(() => reopened.getByTestId('run-status').getAttribute('data-status'))
      .toBe('interrupted');
    await expect
      .poll(() => reopened.getByTestId('run-progress').textContent())
      .toMatch(new RegExp(`/ ${ROLLOUTS}$`));
    // And says how many of them exist, and that resuming creates the rest.
    await expect
      .poll(() => reopened.getByTestId('run-creating').textContent())
      .toBe(
        `${created.toLocaleString('en-US')} of 2,000 planned rollouts exist: the rest are created when the run resumes.`,
      );

    // Its export, offered on the Results page, says it holds only those.
    const runId = new URLSearchParams(new URL(runUrl).hash.split('?')[1] ?? '').get('run') ?? '';
    await reopened.goto(runUrl.replace(/#.*$/, `#/results?run=${runId}`));
    await expect
      .poll(() => reopened.getByTestId('export-partial').textContent())
      .toBe(
        `${created.toLocaleString('en-US')} of 2,000 planned rollouts exist; the rest were not created yet, so this export holds only those ${created.toLocaleString('en-US')}.`,
      );
    await reopened.goto(runUrl);
    await reopened.getByTestId('run-creating').waitFor();

    // Every text the creation line shows from the resume on (a report lasts about a second).
    await reopened.evaluate(`(() => {
      window.__creating = [];
      const seen = () => {
        const line = document.querySelector('[data-testid="run-creating"]');
        if (line !== null && window.__creating.at(-1) !== line.textContent)
          window.__creating.push(line.textContent);
      };
      new MutationObserver(seen).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    })()`);
    await reopened.getByTestId('run-resume').click();
    const prompt = reopened.getByTestId('run-key-prompt');
    await prompt.locator('input[name="apiKey"]').first().fill(KEY);
    await prompt.getByRole('button', { name: 'Continue' }).click();
    await expect
      .poll(() => reopened.getByTestId('run-status').getAttribute('data-status'), {
        timeout: 240_000,
      })
      .toBe('done');

    // While it ran, the page said it was creating the rest; done, it says nothing of it.
    const shown = await reopened.evaluate<string[]>('window.__creating');
    expect(shown.filter((text) => text.startsWith('Creating rollouts: '))).not.toEqual([]);
    expect(shown.find((text) => text.startsWith('Creating rollouts: '))).toMatch(
      /^Creating rollouts: [\d,]+ \/ 2,000$/,
    );
    expect(await reopened.getByTestId('run-creating').count()).toBe(0);
    await reopened.goto(runUrl.replace(/#.*$/, `#/results?run=${runId}`));
    await reopened.getByTestId('export-menu').waitFor();
    expect(await reopened.getByTestId('export-partial').count()).toBe(0);
    await reopened.goto(runUrl);

    const done = await storedRun(reopened);
    expect(done.creation).toBeUndefined();
    expect(done.rollouts).toHaveLength(ROLLOUTS);
    expect(new Set(done.rollouts.map((r) => r.key)).size).toBe(ROLLOUTS);
    expect(done.rollouts.filter((r) => r.status !== 'done')).toEqual([]);
    // Every example generated and judged; only requests in flight when the page closed (at most
    // one per lane) were paid for twice.
    const generations = chats().filter((r) => !isJudgeRequest(r.body));
    expect(new Set(generations.map((r) => exampleOf(r.body))).size).toBe(ROLLOUTS);
    expect(generations.length).toBeLessThanOrEqual(ROLLOUTS + CONCURRENCY);
    expect(chats().length).toBeLessThanOrEqual(2 * ROLLOUTS + CONCURRENCY);
    expect(describeProblems(app.pageErrors)).toBe('');
  }, 300_000);
});
