// Shared steps of the Medmarks worker tests: a database per test, a load through the real worker
// code against the loopback imitations, a run against the mock endpoint, and cleanup after each test.
import type { RunSettings } from '../../../src/core/schema/run';
import {
  DEFAULT_SOURCE_SETTINGS,
  type SourceSettings,
} from '../../../src/core/schema/sourceSettings';
import { openDb, type MedevalDb } from '../../../src/data/db';
import { listRollouts } from '../../../src/data/runStore';
import {
  loadBenchmark,
  type LoadBenchmarkRequest,
} from '../../../src/worker/benchmarks/loadBenchmark';
import { createRun } from '../../../src/worker/run/createRun';
import { executeRun } from '../../../src/worker/run/runEngine';
import { closeAll, type Closable } from '../../support/closeAll';
import { startFakeGitHub, type FakeGitHub, type FakeRepoFile } from '../../support/fakeGitHub';
import { startFakeHuggingFace, type FakeHuggingFace } from '../../support/fakeHuggingFace';
import { mockEndpoint } from '../../support/mockOpenAI';
import { keysAt } from '../../support/seedDataset';
import { hfTestDeps } from '../hf/hfTestDeps';

const dbs: MedevalDb[] = [];
const servers: Closable[] = [];

/** A fresh database, deleted by `cleanUpAfterTest`. */
export function newDb(name: string): MedevalDb {
  const db = openDb(`${name}-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}

/** Closes `server` in `cleanUpAfterTest`; returns it, for `closeAfterTest(await start…())`. */
export function closeAfterTest<T extends Closable>(server: T): T {
  servers.push(server);
  return server;
}

/** Each file's `afterEach`: closes the test's servers, then deletes its databases. */
export async function cleanUpAfterTest(): Promise<void> {
  try {
    await closeAll(servers.splice(0).reverse());
  } finally {
    for (const db of dbs.splice(0)) {
      db.close();
      await db.delete();
    }
  }
}

/**
 * An empty Hugging Face imitation and a GitHub one serving `repoFiles` (the environments whose data
 * are files of MedARC's repository at a commit), closed after the test.
 */
export async function serveRepoFiles(
  repoFiles: FakeRepoFile[],
): Promise<{ hf: FakeHuggingFace; gh: FakeGitHub }> {
  const hf = closeAfterTest(await startFakeHuggingFace({ datasets: [] }));
  const gh = closeAfterTest(await startFakeGitHub({ notes: [], repoFiles }));
  return { hf, gh };
}

/** Source settings pointing at the imitations that are running. */
export function sourceSettings(hf?: FakeHuggingFace, gh?: FakeGitHub): SourceSettings {
  return {
    ...DEFAULT_SOURCE_SETTINGS,
    ...(hf === undefined ? {} : { hfViewerBase: hf.viewerBase, hfHubBase: hf.hubBase }),
    ...(gh === undefined ? {} : { rawBase: gh.bases.rawBase, mirrorBase: gh.bases.mirrorBase }),
  };
}

export async function load(
  db: MedevalDb,
  settings: SourceSettings,
  request: LoadBenchmarkRequest,
  hf: FakeHuggingFace,
): Promise<string> {
  return loadBenchmark({ ...hfTestDeps(hf), db }, settings, request, new AbortController().signal);
}

export interface RunRequest {
  envId: string;
  datasetId: string;
  baseUrl: string;
  envSettings?: Record<string, unknown>;
  n?: number;
}

function runSettings(request: RunRequest): RunSettings {
  return {
    envId: request.envId,
    envSettings: request.envSettings ?? {},
    datasetId: request.datasetId,
    selection: request.n === undefined ? { mode: 'all' } : { mode: 'first', n: request.n },
    rolloutsPerExample: 1,
    concurrency: 4,
    maxAttempts: 2,
    promptFormat: 'chat',
    useThink: false,
    judgeSees: 'full',
    normalisation: 'fraction',
    judgeTemplate: 'unused {{response}}',
    useCache: true,
    model: mockEndpoint({ baseUrl: request.baseUrl }, { model: 'model-under-test' }),
    judges: [],
  };
}

/** Creates and runs to the end; returns the run id, its status and its rollouts. */
export async function runToEnd(db: MedevalDb, request: RunRequest) {
  const deps = { db, newId: () => crypto.randomUUID(), now: Date.now, appVersion: 'test' };
  const runId = await createRun(deps, runSettings(request), request.envId);
  const engine = { db, fetch, now: Date.now, timeoutMs: 5_000 };
  const status = await executeRun(
    engine,
    runId,
    keysAt(request.baseUrl, 'k'),
    new AbortController().signal,
    () => 'pause',
  );
  return { runId, status, rollouts: await listRollouts(db, runId) };
}
