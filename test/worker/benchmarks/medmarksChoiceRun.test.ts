// The Medmarks multiple-choice environments through the worker's code: each env's dataset, written as
// real Parquet (structs, lists, int64) from the rows of its reference fixture
// (test/fixtures/reference/medmarks), is served by the Hugging Face imitation at the path the reference
// loads; a suite entry's env args pick the variant and settings; the loaded examples and a run against
// the mock endpoint must give the reference's row count and, reply by reply, its reward (97d3282).
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { findEnv } from '../../../src/core/envs/registry';
import { ourEnvId } from '../../../src/core/suites/medarcEnvIds';
import type { RunSettings } from '../../../src/core/schema/run';
import { DEFAULT_SOURCE_SETTINGS } from '../../../src/core/schema/sourceSettings';
import { openDb, type MedevalDb } from '../../../src/data/db';
import { getDataset } from '../../../src/data/datasetStore';
import { listRollouts } from '../../../src/data/runStore';
import { loadBenchmark } from '../../../src/worker/benchmarks/loadBenchmark';
import { createRun } from '../../../src/worker/run/createRun';
import { executeRun } from '../../../src/worker/run/runEngine';
import { startFakeHuggingFace, type FakeHuggingFace } from '../../support/fakeHuggingFace';
import { mockEndpoint, startMockOpenAI, type MockOpenAI } from '../../support/mockOpenAI';
import { rowsParquet, type ParquetColumn } from '../../support/rowsParquet';
import { keysAt } from '../../support/seedDataset';
import { hfTestDeps } from '../hf/hfTestDeps';

interface Fixture {
  reference: { env_id: string };
  datasets: {
    path: string;
    config: string | null;
    split: string;
    rows: Record<string, unknown>[];
  }[];
  entries: {
    env_args: Record<string, unknown>;
    rows: number;
    examples: {
      messages: { role: string; content: string }[];
      answer: string;
      verdicts: { reply: string; reward97d3282: number }[];
    }[];
  }[];
}

const s = (name: string): ParquetColumn => ({ name, kind: 'string' });
const int = (name: string): ParquetColumn => ({ name, kind: 'int64' });
/** A letter → option struct; the letters are ASCII. */
const struct = (name: string, letters: string): ParquetColumn => ({
  name,
  kind: 'struct',
  keys: letters.split(''),
});
const list = (name: string): ParquetColumn => ({ name, kind: 'list' });

/** Each dataset's columns as the Hub's converted Parquet types them. */
const COLUMNS: Readonly<Record<string, readonly ParquetColumn[]>> = {
  'HPAI-BSC/CareQA': [
    int('exam_id'),
    s('question'),
    s('op1'),
    s('op2'),
    s('op3'),
    s('op4'),
    int('cop'),
    int('year'),
    s('category'),
    s('unique_id'),
  ],
  'mkieffer/Medbullets': [s('question'), struct('options', 'ABCDE'), s('answer'), s('explanation')],
  'm-a-p/SuperGPQA': [
    s('uuid'),
    s('question'),
    list('options'),
    s('answer'),
    s('answer_letter'),
    s('discipline'),
    s('field'),
    s('subfield'),
    s('difficulty'),
    { name: 'is_calculation', kind: 'bool' },
  ],
  'TsinghuaC3I/MedXpertQA': [
    s('id'),
    s('question'),
    struct('options', 'ABCDEFGHIJ'),
    s('label'),
    s('medical_task'),
    s('body_system'),
    s('question_type'),
  ],
  'maximegmd/MetaMedQA': [s('question'), s('answer'), struct('options', 'ABCDEF')],
  'alesi12/head_qa_v2': [
    int('qid'),
    s('qtext'),
    int('ra'),
    {
      name: 'answers',
      kind: 'list-struct',
      fields: [
        { name: 'aid', kind: 'int64' },
        { name: 'atext', kind: 'string' },
      ],
    },
    s('year'),
    s('category'),
    s('name'),
    s('image'),
  ],
  'lighteval/med_mcqa': [
    s('id'),
    s('question'),
    s('opa'),
    s('opb'),
    s('opc'),
    s('opd'),
    int('cop'),
    s('choice_type'),
    s('exp'),
    s('subject_name'),
    s('topic_name'),
  ],
  'TIGER-Lab/MMLU-Pro': [
    int('question_id'),
    s('question'),
    list('options'),
    s('answer'),
    int('answer_index'),
    s('cot_content'),
    s('category'),
    s('src'),
  ],
  'sameedkhan/medconceptsqa-sample_medarc_2k': [
    int('question_id'),
    s('answer'),
    s('answer_id'),
    s('option1'),
    s('option2'),
    s('option3'),
    s('option4'),
    s('question'),
    s('vocab'),
    s('level'),
  ],
  'mkieffer/M-ARC': [s('question'), struct('options', 'ABCDEFG'), s('answer')],
  'Joshua-Harris/PubHealthBench': [
    s('question_id'),
    s('question'),
    list('options'),
    int('answer_index'),
    s('category'),
    s('retrieved_context_for_judge'),
  ],
};

const DIR = new URL('../../fixtures/reference/medmarks/', import.meta.url);
const FIXTURES = readdirSync(DIR)
  .map((name) => JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as Fixture)
  .filter((fixture) => fixture.datasets.every((d) => COLUMNS[d.path] !== undefined));

let fake: FakeHuggingFace | undefined;
let mock: MockOpenAI | undefined;
const dbs: MedevalDb[] = [];

afterEach(async () => {
  await fake?.close();
  await mock?.close();
  fake = mock = undefined;
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

function serve(fixture: Fixture) {
  const byPath = new Map<string, Fixture['datasets']>();
  for (const d of fixture.datasets) byPath.set(d.path, [...(byPath.get(d.path) ?? []), d]);
  return startFakeHuggingFace({
    datasets: [...byPath].map(([id, splits]) => ({
      id,
      revision: 'c'.repeat(40),
      configs: Object.fromEntries(
        [...new Set(splits.map((d) => d.config ?? 'default'))].map((config) => [
          config,
          Object.fromEntries(
            splits
              .filter((d) => (d.config ?? 'default') === config)
              .map((d) => [
                d.split,
                {
                  rows: d.rows,
                  parquet: rowsParquet(d.rows, COLUMNS[id]!, { rowGroupSize: 16 }),
                },
              ]),
          ),
        ]),
      ),
    })),
  });
}

function lastUser(body: unknown): string {
  const messages = (body as { messages: { role: string; content: string }[] }).messages;
  return messages[messages.length - 1]?.content ?? '';
}

describe.each(FIXTURES.map((f) => [f.reference.env_id, f] as const))(
  '%s in the worker',
  (id, fixture) => {
    const entries = [fixture.entries[0]!, fixture.entries[fixture.entries.length - 1]!];

    it.each(entries.map((e) => [JSON.stringify(e.env_args), e] as const))(
      'loads the variant of %s from the imitation and scores the mock’s replies like the reference',
      async (_args, entry) => {
        fake = await serve(fixture);
        mock = await startMockOpenAI();
        const env = findEnv(ourEnvId(id))!;
        const reading = env.medarc!.readEnvArgs(entry.env_args);
        const want = new Map(
          entry.examples.map((example, i) => {
            const verdict = example.verdicts[i % example.verdicts.length]!;
            return [example.messages[example.messages.length - 1]!.content, verdict] as const;
          }),
        );
        mock.setDefault((request) => ({
          reply: want.get(lastUser(request.body))?.reply ?? 'unknown',
        }));
        const db = openDb(`${id}-${crypto.randomUUID()}`);
        dbs.push(db);
        const settings = {
          ...DEFAULT_SOURCE_SETTINGS,
          hfViewerBase: fake.viewerBase,
          hfHubBase: fake.hubBase,
        };
        const datasetId = await loadBenchmark(
          { ...hfTestDeps(fake), db },
          settings,
          { envId: env.id, variantId: reading.variantId },
          new AbortController().signal,
        );
        expect(await getDataset(db, datasetId)).toMatchObject({
          status: 'ready',
          exampleCount: entry.rows,
        });
        const runSettings: RunSettings = {
          envId: env.id,
          envSettings: reading.settings,
          datasetId,
          selection: { mode: 'all' },
          rolloutsPerExample: 1,
          concurrency: 4,
          maxAttempts: 2,
          promptFormat: 'chat',
          useThink: false,
          judgeSees: 'full',
          normalisation: 'fraction',
          judgeTemplate: 'unused {{response}}',
          useCache: true,
          model: mockEndpoint({ baseUrl: mock.baseUrl }, { model: 'model-under-test' }),
          judges: [],
        };
        const deps = { db, newId: () => crypto.randomUUID(), now: Date.now, appVersion: 'test' };
        const runId = await createRun(deps, runSettings, env.id);
        const engine = { db, fetch, now: Date.now, timeoutMs: 5_000 };
        const status = await executeRun(
          engine,
          runId,
          keysAt(mock.baseUrl, 'k'),
          new AbortController().signal,
          () => 'pause',
        );
        expect(status).toBe('done');
        expect(mock.requests).toHaveLength(entry.rows);
        expect(mock.requests.every((r) => want.has(lastUser(r.body)))).toBe(true);
        const rollouts = await listRollouts(db, runId);
        // Examples are stored in load order, so a rollout's example_id is the reference row's index.
        const got = rollouts.map((r) => [
          r.example_id,
          r.envScore?.kind === 'choice' ? r.envScore.correct : null,
        ]);
        const expected = rollouts.map((r) => {
          const example = entry.examples[r.example_id]!;
          const verdict = want.get(example.messages[example.messages.length - 1]!.content)!;
          return [r.example_id, verdict.reward97d3282 === 1];
        });
        expect(got).toEqual(expected);
      },
    );
  },
);
