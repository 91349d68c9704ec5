// The Medmarks multiple-choice environments through the worker's code: each env's dataset, written as
// real Parquet (structs, lists, int64) from the rows of its reference fixture
// (test/fixtures/reference/medmarks), is served by the Hugging Face imitation at the path the reference
// loads; a suite entry's env args pick the variant and settings; the loaded examples and a run against
// the mock endpoint must give the reference's row count and, reply by reply, its reward (97d3282).
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
import {
  choiceFixtureDatasets,
  readChoiceFixtures,
  type ChoiceFixture,
} from '../../support/medmarks/choiceFixtures';
import { mockEndpoint, startMockOpenAI, type MockOpenAI } from '../../support/mockOpenAI';
import { keysAt } from '../../support/seedDataset';
import { hfTestDeps } from '../hf/hfTestDeps';

const FIXTURES = readChoiceFixtures();

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

function serve(fixture: ChoiceFixture) {
  return startFakeHuggingFace({ datasets: choiceFixtureDatasets(fixture) });
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
