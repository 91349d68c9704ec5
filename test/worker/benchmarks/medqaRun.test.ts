// MedQA through the worker's code: the Parquet split served by the Hugging Face imitation (struct
// options, several row groups, a compressed codec) becomes examples; a run scores the model's answers
// in code, with no judge. Checked on the stored records and the requests the mock saw.
import { afterEach, describe, expect, it } from 'vitest';
import { choiceAccuracy } from '../../../src/core/envs/multipleChoice/choiceAccuracy';
import type { RunSettings } from '../../../src/core/schema/run';
import { DEFAULT_SOURCE_SETTINGS } from '../../../src/core/schema/sourceSettings';
import { openDb, type MedevalDb } from '../../../src/data/db';
import { getDataset } from '../../../src/data/datasetStore';
import { listRollouts } from '../../../src/data/runStore';
import { loadBenchmark } from '../../../src/worker/benchmarks/loadBenchmark';
import { createRun } from '../../../src/worker/run/createRun';
import { executeRun } from '../../../src/worker/run/runEngine';
import { startFakeHuggingFace, type FakeHuggingFace } from '../../support/fakeHuggingFace';
import { keysAt } from '../../support/seedDataset';
import { mockEndpoint, startMockOpenAI, type MockOpenAI } from '../../support/mockOpenAI';
import {
  MMLU_FEATURES,
  medqaParquet,
  medqaRow,
  medqaRows,
  mmluParquet,
  mmluRow,
} from '../../support/parquetFixtures';
import { MMLU_MEDICAL_SUBJECTS } from '../../../src/core/envs/mmlu_medical/subjects';
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

/** The question number in a MedQA fixture prompt (`Q<i>: …`). */
function questionIndex(body: unknown): number {
  const text = JSON.stringify(body);
  return Number(/Q(\d+):/.exec(text)?.[1] ?? -1);
}

/** Right for every question except multiples of 4, where a negated gold precedes a wrong answer. */
function reply(i: number): string {
  const gold = medqaRow(i).answer_idx;
  const wrong = gold === 'A' ? 'B' : 'A';
  if (i % 4 === 0) return `It is not ${gold}. <answer>${wrong}</answer>`;
  return `Options A and B are distractors here. Therefore the answer is ${gold}.\n<answer>${gold}</answer>`;
}

async function setup(rows: number) {
  fake = await startFakeHuggingFace({
    datasets: [
      {
        id: 'GBaker/MedQA-USMLE-4-options',
        revision: 'b'.repeat(40),
        configs: {
          default: {
            test: {
              rows: medqaRows(rows),
              parquet: medqaParquet(medqaRows(rows), { rowGroupSize: 7, codec: 'GZIP' }),
            },
          },
        },
      },
    ],
  });
  mock = await startMockOpenAI();
  mock.setDefault((request) => ({ reply: reply(questionIndex(request.body)) }));
  const db = openDb(`medqa-${crypto.randomUUID()}`);
  dbs.push(db);
  const settings = {
    ...DEFAULT_SOURCE_SETTINGS,
    hfViewerBase: fake.viewerBase,
    hfHubBase: fake.hubBase,
  };
  const datasetId = await loadBenchmark(
    { ...hfTestDeps(fake), db },
    settings,
    { envId: 'medqa', variantId: 'test' },
    new AbortController().signal,
  );
  return { db, datasetId };
}

function runSettings(datasetId: string, baseUrl: string): RunSettings {
  return {
    envId: 'medqa',
    envSettings: {},
    datasetId,
    selection: { mode: 'first', n: 20 },
    rolloutsPerExample: 1,
    concurrency: 4,
    maxAttempts: 2,
    promptFormat: 'chat',
    useThink: false,
    judgeSees: 'full',
    normalisation: 'fraction',
    judgeTemplate: 'unused {{response}}',
    useCache: true,
    model: mockEndpoint({ baseUrl }, { model: 'model-under-test' }),
    judges: [],
  };
}

describe('MedQA through the worker', () => {
  it('reads the Parquet split (struct options, 7-row groups, gzip) into examples with their groups', async () => {
    const { db, datasetId } = await setup(30);
    const record = await getDataset(db, datasetId);
    expect(record).toMatchObject({ status: 'ready', exampleCount: 30, skippedCount: 0 });
    expect(record?.sectionCounts).toEqual({ step1: 15, 'step2&3': 15 });
    const first = await db.examples.get([datasetId, 0]);
    expect(first?.answer).toBe(`A. ${medqaRow(0).options.A}`);
    // Only Range reads of the one file: never the whole file at once, never a HEAD.
    const hub = fake!.requests.filter((r) => r.host === 'hub');
    expect(hub.every((r) => r.method === 'GET' && r.range !== undefined)).toBe(true);
  });

  it('runs 20 questions with no judge and scores each answer in code', async () => {
    const { db, datasetId } = await setup(30);
    const deps = { db, newId: () => crypto.randomUUID(), now: Date.now, appVersion: 'test' };
    const runId = await createRun(deps, runSettings(datasetId, mock!.baseUrl), 'medqa');
    const engine = { db, fetch, now: Date.now, timeoutMs: 5_000 };
    const keys = keysAt(mock!.baseUrl, 'k');
    const status = await executeRun(
      engine,
      runId,
      keys,
      new AbortController().signal,
      () => 'pause',
    );
    expect(status).toBe('done');
    expect(mock!.requests).toHaveLength(20);
    const rollouts = await listRollouts(db, runId);
    const correct = rollouts.filter((r) => r.envScore?.kind === 'choice' && r.envScore.correct);
    expect(correct).toHaveLength(15);
    const negated = rollouts.find((r) => r.example_id === 4);
    expect(negated?.envScore).toMatchObject({
      kind: 'choice',
      correct: false,
      gold: 'A',
      parsed: 'B',
    });
    expect(rollouts.every((r) => r.judges.length === 0)).toBe(true);
    const summary = choiceAccuracy(
      rollouts.map((r) => ({
        correct: r.envScore?.kind === 'choice' && r.envScore.correct,
        group: r.section,
      })),
      0,
    );
    expect(summary.accuracy).toBe(0.75);
    expect(summary.byGroup.map((g) => g.group).sort()).toEqual(['step1', 'step2&3']);
  });

  it('refuses a judge on a benchmark scored in code', async () => {
    const { db, datasetId } = await setup(5);
    const deps = { db, newId: () => crypto.randomUUID(), now: Date.now, appVersion: 'test' };
    const settings = runSettings(datasetId, mock!.baseUrl);
    await expect(createRun(deps, { ...settings, judges: [settings.model] }, 'x')).rejects.toThrow(
      /takes no judges/,
    );
  });

  it('reads the six standard MMLU subjects as six parts of one dataset, asking /parquet once', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => mmluRow(i));
    const split = { rows, features: MMLU_FEATURES, parquet: mmluParquet(rows) };
    fake = await startFakeHuggingFace({
      datasets: [
        {
          id: 'cais/mmlu',
          revision: 'e'.repeat(40),
          configs: Object.fromEntries(
            MMLU_MEDICAL_SUBJECTS.map(({ config }) => [config, { test: split }]),
          ),
        },
      ],
    });
    const db = openDb(`mmlu-${crypto.randomUUID()}`);
    dbs.push(db);
    const settings = {
      ...DEFAULT_SOURCE_SETTINGS,
      hfViewerBase: fake.viewerBase,
      hfHubBase: fake.hubBase,
    };
    const datasetId = await loadBenchmark(
      { ...hfTestDeps(fake), db },
      settings,
      { envId: 'mmlu_medical', variantId: 'medical6' },
      new AbortController().signal,
    );
    expect(await getDataset(db, datasetId)).toMatchObject({ status: 'ready', exampleCount: 30 });
    expect(fake.requests.filter((r) => r.target === 'parquet')).toHaveLength(1);
  });
});
