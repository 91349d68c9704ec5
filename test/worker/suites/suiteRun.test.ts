// A suite run through the worker's own API: MedQA loaded from the Hugging Face imitation, a suite file
// with two runnable entries (MedQA and its option shuffle), one not available yet and one a browser
// cannot run; one model on the loopback mock, 5 examples per entry, one shared scheduler. Checked on
// the stored runs, their digests, the leaderboard and the requests the mock saw.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SOURCE_SETTINGS } from '../../../src/core/schema/sourceSettings';
import { buildLeaderboard } from '../../../src/core/suites/leaderboard';
import { isCurrentDigest, RUN_DIGEST_VERSION } from '../../../src/core/suites/runDigest';
import { resolveSuite } from '../../../src/core/suites/suitePlan';
import { suiteFromToml } from '../../../src/core/suites/suiteToml';
import { openDb, type MedevalDb } from '../../../src/data/db';
import { loadBenchmark } from '../../../src/worker/benchmarks/loadBenchmark';
import { createWorkerApi } from '../../../src/worker/api/createWorkerApi';
import { startFakeHuggingFace, type FakeHuggingFace } from '../../support/fakeHuggingFace';
import { keysAt } from '../../support/seedDataset';
import { mockEndpoint, startMockOpenAI, type MockOpenAI } from '../../support/mockOpenAI';
import { medqaParquet, medqaRow, medqaRows } from '../../support/parquetFixtures';
import { hfTestDeps } from '../hf/hfTestDeps';

let fake: FakeHuggingFace | undefined;
let mock: MockOpenAI | undefined;
const dbs: MedevalDb[] = [];

afterEach(async () => {
  await fake?.close();
  await mock?.close();
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

const SUITE_TOML = `
output_dir = "runs/evals"
[[eval]]
env_id = "medqa"
num_examples = -1
rollouts_per_example = 1
[[eval]]
env_id = "longhealth"
env_args = { task = "task1" }
[[eval]]
env_id = "medcalc_bench"
name = "tools"
env_args = { add_python_tool = true }
[[ablation]]
env_id = "medqa"
name = "shuffle_seed-{env_args.shuffle_seed}"
num_examples = -1
rollouts_per_example = 1
env_args = { shuffle_answers = true }
[ablation.sweep.env_args]
shuffle_seed = [1618]
`;

/** Right on every question whose number (`Q<i>:`) is even: the letter the prompt shows the gold under. */
function reply(body: unknown): string {
  const prompt = (body as { messages: { content: string }[] }).messages
    .map((m) => m.content)
    .join('\n');
  const i = Number(/Q(\d+):/.exec(prompt)?.[1] ?? -1);
  const row = medqaRow(i);
  const goldText = row.options[row.answer_idx as keyof typeof row.options];
  const shown = [...prompt.matchAll(/^([A-D])[.)] (.*)$/gm)];
  const gold = shown.find((match) => match[2] === goldText)?.[1] ?? 'A';
  return `<answer>${i % 2 === 0 ? gold : gold === 'A' ? 'B' : 'A'}</answer>`;
}

/** The most requests the mock was answering at once (from arrival and answer times). */
function maxOverlap(requests: readonly { at: number; answeredAt?: number }[]): number {
  const events = requests.flatMap((r) => [
    [r.at, 1],
    [r.answeredAt ?? Number.POSITIVE_INFINITY, -1],
  ]);
  events.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0));
  let open = 0;
  let most = 0;
  for (const [, change] of events) {
    open += change ?? 0;
    most = Math.max(most, open);
  }
  return most;
}

async function setup() {
  fake = await startFakeHuggingFace({
    datasets: [
      {
        id: 'GBaker/MedQA-USMLE-4-options',
        revision: 'c'.repeat(40),
        configs: {
          default: { test: { rows: medqaRows(12), parquet: medqaParquet(medqaRows(12)) } },
        },
      },
    ],
  });
  mock = await startMockOpenAI({ latencyMs: 20 });
  mock.setDefault((request) => ({ reply: reply(request.body) }));
  const db = openDb(`suite-${crypto.randomUUID()}`);
  dbs.push(db);
  const settings = {
    ...DEFAULT_SOURCE_SETTINGS,
    hfViewerBase: fake.viewerBase,
    hfHubBase: fake.hubBase,
  };
  await loadBenchmark(
    { ...hfTestDeps(fake), db },
    settings,
    { envId: 'medqa', variantId: 'test' },
    new AbortController().signal,
  );
  const api = createWorkerApi({ db, fetch, appVersion: 'test' });
  return { db, api };
}

/** SUITE_TOML run to the end by model-a, 3 examples per entry: its id and its runs' ids, in entry order. */
async function finishedSuiteRun({ db, api }: Awaited<ReturnType<typeof setup>>) {
  const suite = suiteFromToml(SUITE_TOML, { id: 's', label: 'S', description: '' });
  const model = mockEndpoint({ baseUrl: mock!.baseUrl }, { model: 'model-a' });
  const options = { examplesPerEntry: 3, concurrency: 3, maxAttempts: 2, useCache: true };
  const suiteRunId = await api.createSuiteRun({ suite, model, options, name: 'model-a on S' });
  expect(await api.startSuiteRun(suiteRunId, keysAt(mock!.baseUrl, 'k'))).toBe('done');
  const runIds =
    (await db.suiteRuns.get(suiteRunId))?.entries.flatMap((e) =>
      e.runId === undefined ? [] : [e.runId],
    ) ?? [];
  return { suiteRunId, runIds };
}

describe('a suite run through the worker', () => {
  it('estimates, and counts as runs, only the entries whose dataset is loaded', async () => {
    const { api } = await setup();
    const suite = suiteFromToml(
      [
        '[[eval]]\nenv_id = "medqa"\nrollouts_per_example = 1',
        '[[eval]]\nenv_id = "careqa"\nrollouts_per_example = 1\nenv_args = { split = "en" }',
      ].join('\n'),
      { id: 's', label: 'S', description: '' },
    );
    const model = mockEndpoint({ baseUrl: mock!.baseUrl }, { model: 'model-a' });
    const options = { examplesPerEntry: 5, concurrency: 3, maxAttempts: 2, useCache: true };
    // CareQA can run here but its dataset is not loaded: one run of 5 requests, not two.
    expect(await api.estimateSuiteRun({ suite, model, options }, {})).toMatchObject({
      entries: 1,
      requests: 5,
      unestimated: ['careqa'],
    });
  });

  it('runs every runnable entry on one model, says why the others have no run, and digests them', async () => {
    const { db, api } = await setup();
    const suite = suiteFromToml(SUITE_TOML, { id: 's', label: 'S', description: '' });
    const model = mockEndpoint({ baseUrl: mock!.baseUrl }, { model: 'model-a' });
    const options = { examplesPerEntry: 5, concurrency: 3, maxAttempts: 2, useCache: true };
    const estimate = await api.estimateSuiteRun({ suite, model, options }, {});
    expect(estimate).toMatchObject({ entries: 2, requests: 10, unestimated: [] });

    const suiteRunId = await api.createSuiteRun({ suite, model, options, name: 'model-a on S' });
    const record = await db.suiteRuns.get(suiteRunId);
    expect(record?.entries.map((e) => [e.key, e.runId !== undefined])).toEqual([
      ['medqa', true],
      ['longhealth', false],
      ['medcalc_bench/tools', false],
      ['medqa/shuffle_seed-1618', true],
    ]);
    expect(record?.entries[1]?.reason).toMatch(/doc_shuffle_seed -1 shuffles the letters anew/);
    expect(record?.entries[2]?.reason).toMatch(/Not runnable in a browser/);

    expect(await api.startSuiteRun(suiteRunId, keysAt(mock!.baseUrl, 'k'))).toBe('done');
    // Two runs of 5 questions: 10 requests, never more than the 3 allowed at once across both.
    expect(mock!.requests).toHaveLength(10);
    expect(maxOverlap(mock!.requests)).toBeLessThanOrEqual(3);
    const runIds = record?.entries.flatMap((e) => (e.runId === undefined ? [] : [e.runId])) ?? [];
    const runs = await db.runs.bulkGet(runIds);
    expect(runs.map((r) => r?.status)).toEqual(['done', 'done']);
    expect(runs[1]?.settings.envSettings).toMatchObject({
      shuffleOptions: true,
      shuffleSeed: 1618,
    });

    const digests = (await db.runDigests.bulkGet(runIds)).filter(isCurrentDigest);
    // Questions 0–4: right on 0, 2, 4.
    expect(digests.map((d) => d.score.mean)).toEqual([0.6, 0.6]);
    const board = buildLeaderboard(
      resolveSuite(suite),
      runs.map((run) => ({
        run: run!,
        digest: digests.find((d) => d.runId === run?.id),
        suiteEntryKey: record?.entries.find((e) => e.runId === run?.id)?.key,
      })),
    );
    expect(board.rows).toHaveLength(1);
    expect(board.rows[0]?.macro).toEqual({ mean: 0.6, entries: 1, of: 2 });
    // Nothing to do again: a refresh writes no digest.
    expect(await api.refreshRunDigests(runIds)).toBe(0);
    // The per-example rewards are stored apart, for the worker's win rates.
    const rewards = await db.runRewards.get(runIds[0]!);
    expect([...(rewards?.rewards ?? [])]).toEqual([1, 0, 1, 0, 1]);
    const rates = await api.leaderboardWinRates([
      {
        id: 'medqa',
        runs: [
          ['as-a', runIds[0]!],
          ['as-b', runIds[1]!],
          ['never-digested', 'no-such-run'],
        ],
      },
    ]);
    // Same verdicts: every question a tie; a run without rewards is not in the comparison.
    expect(rates).toEqual(
      new Map([
        ['as-a', { simple: 0.5, weighted: 0.5, datasets: 1 }],
        ['as-b', { simple: 0.5, weighted: 0.5, datasets: 1 }],
      ]),
    );
    // A digest written by the previous version (rewards inside, v 1) is recomputed.
    await db.runDigests.update(runIds[0]!, { v: 1 as never });
    expect(await api.refreshRunDigests(runIds)).toBe(1);
    expect((await db.runDigests.get(runIds[0]!))?.v).toBe(RUN_DIGEST_VERSION);
  });

  it('deleting one of its runs removes the run’s digest and rewards, and its entry says so without a link', async () => {
    const { db, api } = await setup();
    const { suiteRunId, runIds } = await finishedSuiteRun({ db, api });
    const [kept, deleted] = runIds;
    expect(await db.runDigests.get(deleted!)).toBeDefined();
    expect(await db.runRewards.get(deleted!)).toBeDefined();

    // Hidden first (undo is possible): the suite neither resumes nor retries it.
    await api.deleteRun(deleted!);
    await db.runs.update(deleted!, { status: 'paused' });
    const requests = mock!.requests.length;
    expect(await api.retrySuiteRun(suiteRunId)).toBe(0);
    expect(await api.startSuiteRun(suiteRunId, keysAt(mock!.baseUrl, 'k'))).toBe('done');
    expect(mock!.requests).toHaveLength(requests);
    expect((await db.runs.get(deleted!))?.status).toBe('paused');

    // Purged after the undo window: nothing of it is left; the other run keeps everything.
    await db.runs.update(deleted!, { deletedAt: Date.now() - 11 * 60_000 });
    expect(await api.purgeDeletedRuns()).toBe(1);
    expect(await db.runs.get(deleted!)).toBeUndefined();
    expect(await db.runDigests.get(deleted!)).toBeUndefined();
    expect(await db.runRewards.get(deleted!)).toBeUndefined();
    expect(await db.rolloutRows.where('runId').equals(deleted!).count()).toBe(0);
    expect(await db.runDigests.get(kept!)).toBeDefined();
    expect(await db.runRewards.get(kept!)).toBeDefined();
    const after = await db.suiteRuns.get(suiteRunId);
    expect(after?.entries.find((e) => e.key === 'medqa/shuffle_seed-1618')).toEqual({
      key: 'medqa/shuffle_seed-1618',
      reason: 'Its run was deleted.',
    });
    expect(after?.entries.find((e) => e.key === 'medqa')?.runId).toBe(kept);
  });

  it('clears what earlier versions left of deleted runs: digests, rewards and suite entries', async () => {
    const { db, api } = await setup();
    const { suiteRunId, runIds } = await finishedSuiteRun({ db, api });
    // As the previous version deleted a run: runs, rollouts and rows only.
    const gone = runIds[1]!;
    await db.transaction('rw', db.runs, db.rollouts, db.rolloutRows, async () => {
      await db.rollouts.where('runId').equals(gone).delete();
      await db.rolloutRows.where('runId').equals(gone).delete();
      await db.runs.delete(gone);
    });
    expect(await api.purgeDeletedRuns()).toBe(0);
    expect(await db.runDigests.toCollection().primaryKeys()).toEqual([runIds[0]]);
    expect(await db.runRewards.toCollection().primaryKeys()).toEqual([runIds[0]]);
    const entries = (await db.suiteRuns.get(suiteRunId))?.entries ?? [];
    expect(entries.flatMap((e) => (e.runId === undefined ? [] : [e.runId]))).toEqual([runIds[0]]);
    expect(entries.find((e) => e.key === 'medqa/shuffle_seed-1618')?.reason).toBe(
      'Its run was deleted.',
    );
  });
});
