// HealthBench end to end in the worker's code: the JSONL file served by the Hugging Face imitation is
// streamed into examples, a run generates against the OpenAI mock, and one grader call per rubric
// item decides the score. Checked on the stored records and on the requests the mock saw.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SOURCE_SETTINGS } from '../../../src/core/schema/sourceSettings';
import type { RunSettings } from '../../../src/core/schema/run';
import { openDb, type MedevalDb } from '../../../src/data/db';
import { getDataset } from '../../../src/data/datasetStore';
import { listRollouts } from '../../../src/data/runStore';
import { loadBenchmark } from '../../../src/worker/benchmarks/loadBenchmark';
import { createRun } from '../../../src/worker/run/createRun';
import { retryFailedRollouts } from '../../../src/worker/run/retryFailed';
import { executeRun } from '../../../src/worker/run/runEngine';
import { exportRunFiles } from '../../../src/worker/results/exportRunFiles';
import { importResults } from '../../../src/worker/results/importResults';
import type { RolloutRecord } from '../../../src/core/schema/run';
import { startFakeHuggingFace, type FakeHuggingFace } from '../../support/fakeHuggingFace';
import { keysAt } from '../../support/seedDataset';
import {
  mockEndpoint,
  startMockOpenAI,
  type MockOpenAI,
  type RecordedRequest,
} from '../../support/mockOpenAI';
import { hfTestDeps } from '../hf/hfTestDeps';

const FILE = '2025-05-07-06-14-12_oss_eval.jsonl';
const COMMIT = 'a'.repeat(40);

function conversation(
  id: string,
  theme: string,
  rubrics: { criterion: string; points: number; axis: string }[],
) {
  return {
    prompt_id: id,
    prompt: [{ role: 'user', content: `Question ${id}: I have had a headache for three days.` }],
    rubrics: rubrics.map((r) => ({
      criterion: r.criterion,
      points: r.points,
      tags: [`axis:${r.axis}`, 'level:example'],
    })),
    example_tags: [`theme:${theme}`],
    ideal_completions_data: null,
  };
}

const ROWS = [
  conversation('c1', 'emergency_referrals', [
    { criterion: 'MET Advises urgent care for red flags.', points: 5, axis: 'accuracy' },
    { criterion: 'Asks about the duration.', points: 3, axis: 'context_awareness' },
    { criterion: 'MET Recommends an unproven remedy.', points: -2, axis: 'accuracy' },
  ]),
  conversation('c2', 'global_health', [
    { criterion: 'MET Explains the likely causes.', points: 4, axis: 'completeness' },
    { criterion: 'MET Is concise.', points: 2, axis: 'communication_quality' },
  ]),
  conversation('c3', 'hedging', [
    { criterion: 'MET Mentions uncertainty.', points: 6, axis: 'accuracy' },
    { criterion: 'GARBLE Suggests a follow-up.', points: 2, axis: 'completeness' },
  ]),
];

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

function criterionOf(request: RecordedRequest): string {
  const body = request.body as { messages: { content: string }[] };
  const text = body.messages.map((m) => m.content).join('\n');
  return /\[(-?\d+)\] ([^\n]+)/.exec(text)?.[2] ?? '';
}

function isGrader(request: RecordedRequest): boolean {
  return (request.body as { model?: string }).model === 'grader';
}

async function setup(garbleFixed: { value: boolean }) {
  fake = await startFakeHuggingFace({
    datasets: [
      {
        id: 'openai/healthbench',
        revision: COMMIT,
        configs: {},
        files: { [FILE]: [...ROWS.map((r) => JSON.stringify(r)), '{not json'].join('\n') + '\n' },
      },
    ],
  });
  mock = await startMockOpenAI();
  mock.setDefault((request) => {
    if (!isGrader(request))
      return { reply: 'See a doctor if it gets worse. It is likely a tension headache.' };
    const criterion = criterionOf(request);
    if (criterion.startsWith('GARBLE') && !garbleFixed.value) return { reply: 'I am not sure.' };
    const met = criterion.startsWith('MET') || criterion.startsWith('GARBLE');
    return {
      reply:
        '```json\n' +
        JSON.stringify({ explanation: `checked: ${criterion}`, criteria_met: met }) +
        '\n```',
    };
  });
  const db = openDb(`hb-${crypto.randomUUID()}`);
  dbs.push(db);
  const settings = {
    ...DEFAULT_SOURCE_SETTINGS,
    hfViewerBase: fake.viewerBase,
    hfHubBase: fake.hubBase,
  };
  const datasetId = await loadBenchmark(
    { ...hfTestDeps(fake), db },
    settings,
    { envId: 'healthbench', variantId: 'main' },
    new AbortController().signal,
  );
  return { db, datasetId };
}

function runSettings(datasetId: string, baseUrl: string): RunSettings {
  return {
    envId: 'healthbench',
    envSettings: { graderConcurrency: 2, gradeAttempts: 2 },
    datasetId,
    selection: { mode: 'all' },
    rolloutsPerExample: 1,
    concurrency: 3,
    maxAttempts: 2,
    promptFormat: 'chat',
    useThink: false,
    judgeSees: 'full',
    normalisation: 'fraction',
    judgeTemplate: 'unused {{response}}',
    useCache: true,
    model: mockEndpoint({ baseUrl }, { model: 'model-under-test' }),
    judges: [
      mockEndpoint(
        { baseUrl },
        { model: 'grader', sampling: { temperature: 0.5, max_tokens: 2048, extra: {} } },
      ),
    ],
  };
}

describe('HealthBench through the worker', () => {
  it('streams the file into examples, skipping the bad line by number, and records the commit', async () => {
    const { db, datasetId } = await setup({ value: true });
    const record = await getDataset(db, datasetId);
    expect(record?.status).toBe('ready');
    expect(record?.exampleCount).toBe(3);
    expect(record?.skippedCount).toBe(1);
    expect(record?.origin).toMatchObject({
      kind: 'huggingface',
      revision: 'main',
      resolvedRevision: COMMIT,
    });
    const skips = await db.skips.where('datasetId').equals(datasetId).toArray();
    expect(skips[0]?.name).toBe(`${FILE} line 4`);
    expect(record?.sectionCounts).toEqual({ emergency_referrals: 1, global_health: 1, hedging: 1 });
  });

  it('asks the grader once per rubric item and scores by points; an item without a verdict leaves the rollout unscored until retried', async () => {
    const garbleFixed = { value: false };
    const { db, datasetId } = await setup(garbleFixed);
    const deps = { db, newId: () => crypto.randomUUID(), now: Date.now, appVersion: 'test' };
    const runId = await createRun(deps, runSettings(datasetId, mock!.baseUrl), 'hb');
    const keys = keysAt(mock!.baseUrl, 'k');
    const engine = { db, fetch, now: Date.now, timeoutMs: 5_000 };
    const status = await executeRun(
      engine,
      runId,
      keys,
      new AbortController().signal,
      () => 'pause',
    );
    expect(status).toBe('done');

    const graderCalls = mock!.requests.filter(isGrader);
    // 7 items; the GARBLE one is asked twice (gradeAttempts 2) before it counts as unparseable.
    expect(graderCalls).toHaveLength(8);
    const byId = new Map((await listRollouts(db, runId)).map((r) => [r.exampleKey, r]));
    const c1 = byId.get('c1');
    // (5 − 2) / 8: the met negative item counts against.
    expect(c1?.envScore).toMatchObject({ kind: 'rubric', raw: 0.375, met: 2, notMet: 1 });
    expect(c1?.score?.reward).toBe(0.375);
    expect(c1?.grades?.map((g) => g?.status)).toEqual(['met', 'not_met', 'met']);
    expect(byId.get('c2')?.score?.reward).toBe(1);
    const c3 = byId.get('c3');
    expect(c3?.status).toBe('unscored');
    expect(c3?.grades?.[1]?.status).toBe('unparseable');
    expect(c3?.grades?.[1]?.raw).toBe('I am not sure.');

    garbleFixed.value = true;
    const before = mock!.requests.length;
    await retryFailedRollouts(db, runId, Date.now());
    await executeRun(engine, runId, keys, new AbortController().signal, () => 'pause');
    const again = mock!.requests.slice(before);
    // Only the item without a verdict is asked again: no generation, no other item.
    expect(again.map(criterionOf)).toEqual(['GARBLE Suggests a follow-up.']);
    const fixed = (await listRollouts(db, runId)).find((r) => r.exampleKey === 'c3');
    expect(fixed?.status).toBe('done');
    expect(fixed?.score?.reward).toBe(1);
    expect(fixed?.envScore).toMatchObject({ byAxis: { accuracy: 1, completeness: 1 } });
  });

  it('round-trips a graded run through our zip: grades, rubric scores and the benchmark come back', async () => {
    const { db, datasetId } = await setup({ value: true });
    const deps = { db, newId: () => crypto.randomUUID(), now: Date.now, appVersion: 'test' };
    const runId = await createRun(deps, runSettings(datasetId, mock!.baseUrl), 'hb');
    const engine = { db, fetch, now: Date.now, timeoutMs: 5_000 };
    await executeRun(
      engine,
      runId,
      keysAt(mock!.baseUrl, 'k'),
      new AbortController().signal,
      () => 'pause',
    );
    const jsonl = await exportRunFiles(db, runId, 'results.jsonl');
    const rows = String(jsonl.data)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { info: { rubric_grades: { criterion?: string }[] } });
    // Each exported grade names its criterion, so the file reads without the dataset.
    expect(rows.flatMap((row) => row.info.rubric_grades.map((g) => g.criterion))).toContain(
      'Asks about the duration.',
    );
    const zip = await exportRunFiles(db, runId, 'zip');
    const summary = await importResults({ ...deps, newId: () => 'copy' }, [
      new File([typeof zip.data === 'string' ? zip.data : new Uint8Array(zip.data)], zip.name),
    ]);
    expect(summary).toMatchObject({ status: 'imported', badLines: [] });
    const copy = await db.runs.get('copy');
    expect(copy?.settings).toMatchObject({
      envId: 'healthbench',
      envSettings: { gradeAttempts: 2 },
    });
    const byKey = (rs: RolloutRecord[]) =>
      Object.fromEntries(
        rs.map((r) => [r.key, { envScore: r.envScore, grades: r.grades, score: r.score }]),
      );
    expect(byKey(await listRollouts(db, 'copy'))).toEqual(byKey(await listRollouts(db, runId)));
  });

  it('refuses a HealthBench run without exactly one grader', async () => {
    const { db, datasetId } = await setup({ value: true });
    const deps = { db, newId: () => crypto.randomUUID(), now: Date.now, appVersion: 'test' };
    const settings = { ...runSettings(datasetId, mock!.baseUrl), judges: [] };
    await expect(createRun(deps, settings, 'x')).rejects.toThrow(/exactly one grader/);
  });
});
