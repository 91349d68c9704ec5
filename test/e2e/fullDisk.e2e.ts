// A full disk in Chromium (house rule: a full disk never corrupts or silently drops a user's
// results). The DevTools protocol gives the app's origin a small storage quota before the app opens
// IndexedDB (`Storage.overrideQuotaForOrigin`; set later, Chromium's cached figure of the space left
// would hide it for a while), so the app's own writes fail with a real QuotaExceededError once it is
// used up — the test checks that the browser really refuses a write. A run fills it mid-run, and so
// does a dataset download; each must say so plainly, keep everything stored before, and go on to the
// end once the quota is raised again.
import type { CDPSession, Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { describeProblems } from '../support/browser';
import { startFakeGitHub } from '../support/fakeGitHub';
import { startFakeHuggingFace } from '../support/fakeHuggingFace';
import { judgeJson, startMockOpenAI, type MockOpenAI } from '../support/mockOpenAI';
import { medqaParquet, medqaRow } from '../support/parquetFixtures';
import { describeInChromium, type ChromiumTest } from './describeInChromium';
import { exampleOf, importExamples, isJudgeRequest, RUN_KEY, startRun } from './runSupport';
import { appLink, datasetCounts } from './support';

/** The quota the origin gets: room for the app and a small dataset, not for a whole run's replies. */
const SMALL_QUOTA = 1_500_000;
const EXAMPLES = 30;
const CONCURRENCY = 4;
/** Each reply (~40 kB stored twice: the rollout and the response cache) takes ~1/20 of the quota. */
const REPLY_CHARS = 40_000;

/**
 * Text that does not compress: Chromium compresses large IndexedDB values, and the replies must
 * take real space. Deterministic per seed (xorshift32).
 */
function noise(seed: number, length: number): string {
  let state = Math.imul(seed + 1, 2654435761) >>> 0 || 1;
  const words: string[] = [];
  let size = 0;
  while (size < length) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    const word = state.toString(36);
    words.push(word);
    size += word.length + 1;
  }
  return words.join(' ').slice(0, length);
}

/** Opens a blank page, sets the quota of the app's origin, then opens `url`. */
async function openWithQuota(chromium: ChromiumTest, url: string) {
  const app = await chromium.openApp('about:blank');
  const origin = new URL(url).origin;
  const cdp = await app.context.newCDPSession(app.page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: SMALL_QUOTA });
  await app.page.goto(url);
  return { app, cdp, origin };
}

async function storedUsage(cdp: CDPSession, origin: string) {
  return cdp.send('Storage.getUsageAndQuota', { origin });
}

/**
 * Proof that the browser really enforces the quota now: a write, in the page, to the app's database
 * of incompressible text just bigger than the room Chromium says is left. Returns the name of the
 * error that aborted it ('ok' if the browser took it — then it is removed again).
 */
async function probeWrite(page: Page, cdp: CDPSession, origin: string): Promise<string> {
  const { usage, quota } = await storedUsage(cdp, origin);
  const bytes = Math.max(0, quota - usage) + 50_000;
  return page.evaluate(`(async () => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('medeval');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const chunks = [];
    for (let size = 0; size < ${bytes}; size += 32768) {
      const bytes = crypto.getRandomValues(new Uint8Array(16384));
      chunks.push(Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(''));
    }
    const outcome = await new Promise((resolve) => {
      const tx = db.transaction('settings', 'readwrite');
      tx.objectStore('settings').put({ key: 'full-disk-probe', value: chunks.join('') });
      tx.oncomplete = () => resolve('ok');
      tx.onabort = () => resolve(tx.error ? tx.error.name : 'aborted');
    });
    if (outcome === 'ok') {
      await new Promise((resolve) => {
        const tx = db.transaction('settings', 'readwrite');
        tx.objectStore('settings').delete('full-disk-probe');
        tx.oncomplete = resolve;
      });
    }
    db.close();
    return outcome;
  })()`);
}

/** Every record of one object store of the app's database, read in the page. */
async function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(`(async () => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('medeval');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const records = await new Promise((resolve, reject) => {
      const request = db.transaction(${JSON.stringify(store)}).objectStore(${JSON.stringify(store)}).getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return records;
  })()`);
}

/** Notes of ~40 kB each: together about twice the quota. */
const NOTES = 60;

function noteText(index: number): string {
  return [
    'Medical Specialty:General Surgery',
    `Sample Name: Procedure ${index}`,
    `Description: Synthetic procedure number ${index}.`,
    '(Synthetic Sample Report)',
    `PROCEDURE: Procedure ${index}.`,
    `DESCRIPTION: ${noise(1000 + index, REPLY_CHARS)}`,
    `PLAN: Review in ${index + 1} days.`,
    '',
  ].join('\n');
}

const HF_ROWS = 300;

interface StoredDataset {
  status: string;
}

interface StoredRollout {
  runId: string;
  key: string;
  example_id: number;
  status: string;
  generation?: { content: string };
  judges: ({ model: string; raw: string | null } | null)[];
}

interface StoredRunRecord {
  id: string;
  status: string;
  finishedAt?: number;
  stopError?: { kind: string; message: string; nextStep?: string };
}

/** What the mock answered, request by request. */
interface Answer {
  example: number;
  /** 'model', or the judge's model id. */
  from: string;
  reply: string;
}

function modelReply(example: number): string {
  return `Plan for patient ${example}: ${noise(example, REPLY_CHARS)}`;
}

function judgeReply(judge: string, example: number): string {
  return judgeJson(
    judge === 'judge-a' && example % 2 === 1
      ? { accuracy: 2, completeness: 3, clarity: 3 }
      : { accuracy: 4, completeness: 4, clarity: 5 },
  );
}

async function startAnsweringMock(answers: Answer[]): Promise<MockOpenAI> {
  const mock = await startMockOpenAI({ apiKey: RUN_KEY, latencyMs: 0 });
  mock.setDefault((request) => {
    const example = exampleOf(request.body);
    const from = isJudgeRequest(request.body)
      ? ((request.body as { model?: string }).model ?? '?')
      : 'model';
    const reply = from === 'model' ? modelReply(example) : judgeReply(from, example);
    answers.push({ example, from, reply });
    return { reply };
  });
  return mock;
}

/** Each stored answer is exactly one the mock gave for that example. */
function expectStoredAnswersExact(rollouts: StoredRollout[], answers: Answer[]) {
  for (const rollout of rollouts) {
    if (rollout.generation !== undefined) {
      expect(
        answers.some(
          (a) =>
            a.from === 'model' &&
            a.example === rollout.example_id &&
            a.reply === rollout.generation?.content,
        ),
        `generation of ${rollout.key}`,
      ).toBe(true);
    }
    for (const judge of rollout.judges) {
      if (judge === null) continue;
      expect(judge.raw, `${judge.model} on ${rollout.key}`).toBe(
        judgeReply(judge.model, rollout.example_id),
      );
    }
  }
}

describeInChromium('a full disk in Chromium', (chromium) => {
  it('stops a run that fills the disk with a clear error, keeps every stored answer, and resumes to the end once there is room', async () => {
    const answers: Answer[] = [];
    const m = chromium.closeAfterTest(await startAnsweringMock(answers));
    const opened = await openWithQuota(chromium, `${inject('appUrl')}#/dataset`);
    const { app } = opened;
    const { page } = app;
    const { cdp, origin } = opened;
    await importExamples(page, EXAMPLES);
    // The dataset takes a small part of the quota: the run is what fills it.
    expect((await storedUsage(cdp, origin)).usage).toBeLessThan(SMALL_QUOTA / 4);

    const runId = await startRun(page, m, EXAMPLES, CONCURRENCY);
    const status = page.getByTestId('run-status');
    await page
      .locator('[data-testid="run-status"][data-status="stopped"]')
      .waitFor({ timeout: 60_000 });

    // The browser really refuses writes now: a real QuotaExceededError, not a simulated one.
    expect(await probeWrite(page, cdp, origin)).toBe('QuotaExceededError');

    // What happened and what to do, without the key.
    const banner = page.getByTestId('run-stop-banner');
    const text = (await banner.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Storage is full');
    expect(text).toMatch(/delete the datasets, runs or training data you no longer need/);
    expect(text).toMatch(/export/i);
    expect(text).toMatch(/Free space, then Resume: every answer stored so far is kept/);
    // Chromium's estimate does not see the limit that was hit: the message must not claim room.
    expect(text).not.toMatch(/GB free/);
    expect(text).not.toContain(RUN_KEY);
    expect(await page.getByTestId('run-interrupted').count()).toBe(0);

    // Stopped, never done. The stop and its reason are stored, unless the full disk refused that
    // small write too (then the run is stored as running, and this page still says why it stopped).
    const runs = await readStore<StoredRunRecord>(page, 'runs');
    const run = runs.find((r) => r.id === runId);
    expect(run?.finishedAt).toBeUndefined();
    expect(
      run?.status === 'running' ||
        (run?.status === 'stopped' && run.stopError?.kind === 'storage_quota'),
      JSON.stringify(run?.stopError),
    ).toBe(true);
    expect(JSON.stringify(run)).not.toContain(RUN_KEY);

    // Mid-run: some rollouts were answered and stored, others not; every stored answer is exactly
    // what the mock said.
    const atStop = (await readStore<StoredRollout>(page, 'rollouts')).filter(
      (r) => r.runId === runId,
    );
    const finished = atStop.filter((r) => r.status === 'done' || r.status === 'unscored');
    expect(finished.length).toBeGreaterThan(0);
    expect(finished.length).toBeLessThan(EXAMPLES);
    expect(atStop.every((r) => r.status !== 'error')).toBe(true);
    expectStoredAnswersExact(atStop, answers);
    const storedGenerations = new Map(
      atStop.flatMap((r) => (r.generation === undefined ? [] : [[r.key, r.generation.content]])),
    );
    const storedJudges = atStop.flatMap((r) =>
      r.judges.flatMap((j) => (j === null ? [] : [`${r.key}/${j.model}`])),
    );
    const answeredBefore = answers.length;

    // Room again (the user allowed more storage): Resume runs the rest to the end.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    // The key typed for the run is still in this tab's memory: Resume asks for nothing.
    await page.getByTestId('run-resume').click();
    const done = page.locator('[data-testid="run-status"][data-status="done"]');
    await done.waitFor({ timeout: 120_000 });
    expect(await status.getAttribute('data-status')).toBe('done');
    expect(await page.getByTestId('run-stop-banner').count()).toBe(0);

    const end = (await readStore<StoredRollout>(page, 'rollouts')).filter((r) => r.runId === runId);
    expect(end).toHaveLength(EXAMPLES);
    expect(new Set(end.map((r) => r.key)).size).toBe(EXAMPLES);
    expect(new Set(end.map((r) => r.example_id)).size).toBe(EXAMPLES);
    expect(end.filter((r) => r.status !== 'done')).toEqual([]);
    expectStoredAnswersExact(end, answers);
    // What was stored at the stop is still there, unchanged, and was not asked for again.
    for (const [key, content] of storedGenerations) {
      expect(end.find((r) => r.key === key)?.generation?.content).toBe(content);
    }
    const later = answers.slice(answeredBefore);
    for (const key of storedGenerations.keys()) {
      const example = Number(key.split(':')[0]);
      expect(later.filter((a) => a.from === 'model' && a.example === example)).toEqual([]);
    }
    for (const judged of storedJudges) {
      const [key, model] = judged.split('/');
      const example = Number(key?.split(':')[0]);
      expect(later.filter((a) => a.from === model && a.example === example)).toEqual([]);
    }
    // Repaid: at most the requests in flight when the disk filled (one generation or two judge
    // calls per lane).
    const generations = answers.filter((a) => a.from === 'model');
    expect(new Set(generations.map((a) => a.example)).size).toBe(EXAMPLES);
    expect(generations.length).toBeLessThanOrEqual(EXAMPLES + CONCURRENCY);
    expect(answers.length).toBeLessThanOrEqual(3 * EXAMPLES + 2 * CONCURRENCY);
    expect(describeProblems(app.pageErrors)).toBe('');
    expect(app.messages.filter((message) => message.text.includes(RUN_KEY))).toEqual([]);
  }, 240_000);

  it('stops a dataset download that fills the disk with a clear error, shows no half dataset as ready, and resumes to the end once there is room', async () => {
    const notes = Array.from({ length: NOTES }, (_, i) => ({
      name: `Procedure ${i}.txt`,
      text: noteText(i),
    }));
    const served = new Map(notes.map((note) => [note.name, note.text]));
    const gh = chromium.closeAfterTest(await startFakeGitHub({ notes }));
    const opened = await openWithQuota(chromium, appLink(inject('appUrl'), gh));
    const { app } = opened;
    const { page } = app;
    const { cdp, origin } = opened;
    await page.getByRole('button', { name: 'Download dataset' }).click();

    const banner = page.getByTestId('error-banner');
    await banner.waitFor({ timeout: 60_000 });
    expect(await probeWrite(page, cdp, origin)).toBe('QuotaExceededError');
    const text = (await banner.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Storage is full');
    expect(text).toMatch(/delete the datasets, runs or training data you no longer need/);
    expect(text).toMatch(/export/i);
    // Not running any more, and not said to be interrupted by a closed page.
    await expect
      .poll(() => page.getByTestId('ingest-status').textContent())
      .toMatch(/^Stopped by an error/);
    expect(await page.getByRole('button', { name: 'Cancel' }).count()).toBe(0);
    // Nothing half-loaded is offered as a dataset.
    expect(await page.getByTestId('dataset-summary').count()).toBe(0);
    const [record] = await readStore<StoredDataset>(page, 'datasets');
    expect(record?.status).not.toBe('ready');
    expect(await readStore(page, 'examples')).toEqual([]);
    // The files stored before the disk filled are whole and counted.
    const stored = await readStore<{ name: string; text: string }>(page, 'notes');
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.length).toBeLessThan(NOTES);
    for (const note of stored) expect(note.text, note.name).toBe(served.get(note.name));
    const progress = (await page.getByTestId('ingest-progress').textContent()) ?? '';
    expect(progress).toMatch(new RegExp(`^${stored.length} / ${NOTES} files`));
    // The Run page offers no dataset; back on the Dataset page, the status still says why.
    await page.evaluate(() => (window.location.hash = '#/run'));
    await page.getByText('No dataset is ready yet').waitFor();
    await page.evaluate(() => (window.location.hash = '#/dataset'));
    await expect
      .poll(() => page.getByTestId('ingest-status').textContent())
      .toMatch(/^Stopped by an error/);
    expect(await page.getByTestId('error-banner').innerText()).toContain('Storage is full');

    // Room for the missing files but not for the examples made from them: Resume fetches only the
    // missing files, and processing (one transaction) fails whole — no half dataset.
    const { usage } = await storedUsage(cdp, origin);
    await cdp.send('Storage.overrideQuotaForOrigin', {
      origin,
      quotaSize: usage + (NOTES - stored.length) * 2 * REPLY_CHARS + 300_000,
    });
    const mark = gh.requests.length;
    await page.getByRole('button', { name: 'Resume download' }).click();
    await page
      .getByTestId('ingest-progress')
      .filter({ hasText: `${NOTES} / ${NOTES} files` })
      .waitFor({ timeout: 60_000 });
    await expect
      .poll(() => page.getByTestId('ingest-status').textContent(), { timeout: 60_000 })
      .toMatch(/^Stopped by an error/);
    expect(await banner.innerText()).toContain('Storage is full');
    const refetched = gh.requests.slice(mark).filter((r) => r.host === 'raw' || r.host === 'cdn');
    expect(refetched.length).toBe(NOTES - stored.length);
    const allNotes = await readStore<{ name: string; text: string }>(page, 'notes');
    expect(allNotes).toHaveLength(NOTES);
    for (const note of allNotes) expect(note.text, note.name).toBe(served.get(note.name));
    expect(await readStore(page, 'examples')).toEqual([]);
    expect((await readStore<StoredDataset>(page, 'datasets'))[0]?.status).not.toBe('ready');
    expect(await page.getByTestId('dataset-summary').count()).toBe(0);

    // Room again: Resume fetches nothing more and the dataset is ready, whole.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    const mark2 = gh.requests.length;
    await page.getByRole('button', { name: 'Resume download' }).click();
    const counts = await datasetCounts(page);
    expect(counts.examples).toBe(String(NOTES));
    expect(counts.rows).toBe(NOTES);
    expect(gh.requests.slice(mark2)).toEqual([]);
    const examples = await readStore<{ filename: string; question: string }>(page, 'examples');
    expect(examples).toHaveLength(NOTES);
    for (const example of examples) {
      const index = Number(/Procedure (\d+)/.exec(example.filename)?.[1]);
      expect(example.question, example.filename).toContain(noise(1000 + index, 200));
    }
    expect(await page.getByTestId('error-banner').count()).toBe(0);
    expect(describeProblems(app.pageErrors)).toBe('');
  }, 240_000);

  it('stops a Hugging Face load that fills the disk with a clear error, keeps nothing half-loaded, and loads whole once there is room', async () => {
    // 300 MedQA questions of ~8 kB that does not compress: about twice the quota once stored.
    const rows = Array.from({ length: HF_ROWS }, (_, i) => ({
      ...medqaRow(i),
      question: `Q${i}: ${noise(5000 + i, 8000)}`,
    }));
    const hf = chromium.closeAfterTest(
      await startFakeHuggingFace({
        datasets: [
          {
            id: 'GBaker/MedQA-USMLE-4-options',
            revision: 'c'.repeat(40),
            configs: {
              default: { test: { rows, parquet: medqaParquet(rows, { rowGroupSize: 16 }) } },
            },
          },
        ],
      }),
    );
    const params = new URLSearchParams({ hfViewer: hf.viewerBase, hfHub: hf.hubBase });
    const opened = await openWithQuota(
      chromium,
      `${inject('appUrl')}?${params.toString()}#/benchmarks`,
    );
    const { app } = opened;
    const { page } = app;
    const { cdp, origin } = opened;
    const variant = page.getByTestId('benchmark-variant-medqa-test');
    await variant.getByTestId('variant-load').click();
    await expect.poll(() => variant.getAttribute('data-state'), { timeout: 60_000 }).toBe('failed');
    expect(await probeWrite(page, cdp, origin)).toBe('QuotaExceededError');
    expect(await variant.getByTestId('variant-failed').getAttribute('data-reason')).toBe('error');
    const text = (await variant.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Storage is full');
    expect(text).toMatch(/export/i);
    expect(text).toContain('Nothing half-loaded was kept');
    // Nothing half-loaded is stored or offered.
    const [record] = await readStore<StoredDataset>(page, 'datasets');
    expect(record?.status).toBe('error');
    expect(await readStore(page, 'examples')).toEqual([]);
    await page.evaluate(() => (window.location.hash = '#/run'));
    await page.getByText('No dataset is ready yet').waitFor();
    await page.evaluate(() => (window.location.hash = '#/benchmarks'));

    // Room again: Try again loads every row, each whole.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await variant.getByTestId('variant-retry').click();
    await expect.poll(() => variant.getAttribute('data-state'), { timeout: 60_000 }).toBe('ready');
    expect(await variant.getByTestId('variant-example-count').textContent()).toContain(
      String(HF_ROWS),
    );
    const examples = await readStore<{ question: string }>(page, 'examples');
    expect(examples).toHaveLength(HF_ROWS);
    const questions = new Set(examples.map((example) => example.question));
    for (const row of rows)
      expect(questions.has(row.question), row.question.slice(0, 8)).toBe(true);
    expect(describeProblems(app.pageErrors)).toBe('');
  }, 240_000);
});
