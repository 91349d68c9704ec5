// A large run stores its first rollouts with its plan and starts at once; the engine creates the rest
// behind its lanes (issue 14). Real Dexie (fake-indexeddb) and the loopback mock: the first request
// goes out before the last rollout exists, totals are right from the start, and a run paused or a tab
// closed mid-creation resumes into a correct run — whole chunks only, nothing created twice, nothing
// stored requested again.
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/errors';
import { partialCreationNote } from '../../../src/core/results/partialCreation';
import { runOverviewOf } from '../../../src/core/runOverview';
import { summarizeRun } from '../../../src/core/runSummary';
import type { RunLiveState } from '../../../src/core/runLive';
import { rolloutsNotCreated, type RunRecord } from '../../../src/core/schema/run';
import { openDb, type MedevalDb } from '../../../src/data/db';
import { getRun, listRollouts } from '../../../src/data/runStore';
import { createRun, type CreateRunDeps } from '../../../src/worker/run/createRun';
import { exportRunFiles } from '../../../src/worker/results/exportRunFiles';
import { executeRun, type RunEngineDeps } from '../../../src/worker/run/runEngine';
import { judgeJson, startMockOpenAI, type MockOpenAI } from '../../support/mockOpenAI';
import {
  doneTransitions,
  isJudgeRequest,
  keysAt,
  requestExampleId,
  runSettings,
  seedDataset,
  statusCounts,
  watchStatuses,
} from '../../support/seedDataset';

const KEY = 'sk-run-creation-key-0123456789';
/** More than the first chunk (64 rollouts at concurrency 4) and the next (250): three chunks. */
const EXAMPLES = 400;

/** The keys of metadata.json as verifiers 0.1.15+ writes them, and our one `medeval` object. */
const VERIFIERS_METADATA_KEYS = [
  'avg_error',
  'avg_metrics',
  'avg_reward',
  'base_url',
  'cost',
  'env_args',
  'env_id',
  'medeval',
  'model',
  'name',
  'num_examples',
  'pass_all_k',
  'pass_at_k',
  'pass_threshold',
  'rollouts_per_example',
  'sampling_args',
  'state_columns',
  'time',
  'tools',
  'usage',
  'version_info',
];

let mock: MockOpenAI | undefined;
const dbs: MedevalDb[] = [];

afterEach(async () => {
  await mock?.close();
  mock = undefined;
  const names = new Set(dbs.map((db) => db.name));
  for (const db of dbs.splice(0)) db.close();
  for (const name of names) await openDb(name).delete();
});

async function setup() {
  const m = await startMockOpenAI();
  mock = m;
  m.setDefault((request) =>
    isJudgeRequest(request.body)
      ? { reply: judgeJson({ accuracy: 4, completeness: 4, clarity: 4 }) }
      : { reply: `Plan for [example ${requestExampleId(request.body)}]: rest.` },
  );
  const db = openDb(`t-${crypto.randomUUID()}`);
  dbs.push(db);
  const datasetId = await seedDataset(db, { count: EXAMPLES });
  const createDeps: CreateRunDeps = {
    db,
    now: Date.now,
    newId: () => crypto.randomUUID(),
    appVersion: 'test',
  };
  const settings = runSettings({ baseUrl: m.baseUrl, datasetId, judgeModels: ['judge-a'] });
  const runId = await createRun(createDeps, settings, 'large');
  return { m, db, runId };
}

function deps(db: MedevalDb, fetchImpl: typeof fetch, extra: Partial<RunEngineDeps> = {}) {
  const sleep = (_ms: number, signal: AbortSignal) =>
    signal.aborted ? Promise.reject(new AppError('aborted', 'Cancelled.')) : Promise.resolve();
  return { db, fetch: fetchImpl, now: Date.now, timeoutMs: 10_000, sleep, ...extra };
}

async function storedRun(db: MedevalDb, runId: string): Promise<RunRecord> {
  const run = await getRun(db, runId);
  if (run === undefined) throw new Error('the run is not stored');
  return run;
}

/** Whole chunks only: the stored rollouts are exactly the first `created` of the plan, once each. */
async function expectWholeChunks(db: MedevalDb, runId: string) {
  const run = await storedRun(db, runId);
  const rollouts = await listRollouts(db, runId);
  const created = run.creation?.created ?? EXAMPLES;
  expect(rollouts).toHaveLength(created);
  expect(new Set(rollouts.map((r) => r.example_id))).toEqual(
    new Set(run.creation?.exampleIds.slice(0, created) ?? rollouts.map((r) => r.example_id)),
  );
  const summary = summarizeRun(rollouts, Date.now(), { notCreated: rolloutsNotCreated(run) });
  expect(summary.total).toBe(EXAMPLES);
  return { run, rollouts };
}

/** Each example generated and judged exactly once by the healthy server, and finished once. */
function expectEachRequestedOnce(m: MockOpenAI) {
  const chats = m.requests.filter((r) => r.path.endsWith('/chat/completions'));
  for (const judge of [false, true]) {
    const ids = chats.filter((r) => isJudgeRequest(r.body) === judge);
    expect(ids).toHaveLength(EXAMPLES);
    expect(new Set(ids.map((r) => requestExampleId(r.body))).size).toBe(EXAMPLES);
  }
}

describe('creating a large run behind its lanes', () => {
  it('stores the run with its first rollouts and plan, sends the first request before the last rollout exists, and counts every rollout from the start', async () => {
    const { m, db, runId } = await setup();
    const history = watchStatuses(db);
    const { run, rollouts } = await expectWholeChunks(db, runId);
    expect(rollouts).toHaveLength(64);
    expect(run.creation?.exampleIds).toEqual(Array.from({ length: EXAMPLES }, (_, i) => i));
    expect(summarizeRun(rollouts, Date.now(), { notCreated: 336 }).pending).toBe(EXAMPLES);

    let created = rollouts.length;
    db.rollouts.hook('creating', () => {
      created++;
    });
    let createdAtFirstRequest: number | undefined;
    const watching: typeof fetch = (input, init) => {
      createdAtFirstRequest ??= created;
      return fetch(input, init);
    };
    const live: RunLiveState[] = [];
    const engine = deps(db, watching, { onLive: (state) => live.push(state) });
    const status = await executeRun(
      engine,
      runId,
      keysAt(m.baseUrl, KEY),
      new AbortController().signal,
      () => 'pause',
    );
    expect(status).toBe('done');
    expect(createdAtFirstRequest).toBeLessThan(EXAMPLES);
    expect(live.length).toBeGreaterThan(0);
    expect(new Set(live.map((state) => state.total))).toEqual(new Set([EXAMPLES]));
    // The page is told how far creation got while it goes, and nothing once every rollout exists.
    expect(live[0]?.creation).toEqual({ created: 64, planned: EXAMPLES });
    expect(live.at(-1)?.creation).toBeNull();
    const reported = live.map((state) => state.creation?.created ?? EXAMPLES);
    expect(reported).toEqual([...reported].sort((a, b) => a - b));

    const { run: finished, rollouts: all } = await expectWholeChunks(db, runId);
    expect(finished.creation).toBeUndefined();
    expect(statusCounts(all).done).toBe(EXAMPLES);
    expect(doneTransitions(history, runId)).toEqual(all.map(() => 1));
    expectEachRequestedOnce(m);
  });

  it('pauses mid-creation with whole chunks stored, and a resume creates the rest once', async () => {
    const { m, db, runId } = await setup();
    const history = watchStatuses(db);
    const pause = new AbortController();
    // Pause as the first request goes out: creation has just begun.
    const pausing: typeof fetch = (input, init) => {
      pause.abort();
      return fetch(input, init);
    };
    const keys = keysAt(m.baseUrl, KEY);
    const paused = await executeRun(deps(db, pausing), runId, keys, pause.signal, () => 'pause');
    expect(paused).toBe('paused');
    const { run, rollouts: stored } = await expectWholeChunks(db, runId);
    expect(run.creation?.created).toBeLessThan(EXAMPLES);
    // The Run page's overview of the paused run says how many of the plan's rollouts exist.
    const overview = runOverviewOf(stored, Date.now(), { notCreated: rolloutsNotCreated(run) });
    expect(overview.creation).toEqual({ created: run.creation?.created, planned: EXAMPLES });
    // Its export holds the rollouts that exist and says so, where the verifiers tooling reads no key
    // of ours (under `medeval`), and in the same words as the export menu.
    const created = run.creation?.created ?? 0;
    const exported = async (format: 'metadata.json' | 'results.jsonl') =>
      String((await exportRunFiles(db, runId, format)).data);
    const metadata = JSON.parse(await exported('metadata.json')) as Record<string, unknown> & {
      medeval: { creation?: unknown; notes: string[] };
    };
    expect((await exported('results.jsonl')).trim().split('\n')).toHaveLength(created);
    expect(metadata['num_examples']).toBe(created);
    expect(metadata.medeval.creation).toEqual({ created, planned: EXAMPLES });
    const note = `${created} of 400 planned rollouts exist; the run was paused before creating the rest, so this export holds only those ${created}.`;
    expect(metadata.medeval.notes).toContain(note);
    expect(partialCreationNote(run)).toBe(note);
    expect(Object.keys(metadata).sort()).toEqual(VERIFIERS_METADATA_KEYS);

    const status = await executeRun(
      deps(db, fetch),
      runId,
      keys,
      new AbortController().signal,
      () => 'pause',
    );
    expect(status).toBe('done');
    const { run: finished, rollouts } = await expectWholeChunks(db, runId);
    expect(finished.creation).toBeUndefined();
    expect(statusCounts(rollouts).done).toBe(EXAMPLES);
    expect(doneTransitions(history, runId)).toEqual(rollouts.map(() => 1));
    // Complete: its export says nothing of creation.
    const whole = JSON.parse(String((await exportRunFiles(db, runId, 'metadata.json')).data)) as {
      medeval: { creation?: unknown; notes: string[] };
    };
    expect(whole.medeval.creation).toBeUndefined();
    expect(whole.medeval.notes.filter((n) => n.includes('planned rollouts'))).toEqual([]);
    expect(partialCreationNote(finished)).toBeNull();
    // The requests the pause cancelled were in flight (at most one per lane): paid again, no more.
    const chats = m.requests.filter((r) => r.path.endsWith('/chat/completions'));
    expect(chats.length).toBeGreaterThanOrEqual(2 * EXAMPLES);
    expect(chats.length).toBeLessThanOrEqual(2 * EXAMPLES + 4);
  });

  it('resumes a run whose tab closed mid-creation: whole chunks only, then every rollout once', async () => {
    const { m, db, runId } = await setup();
    // The tab dies as the first request is about to go out (it never reaches the server): the
    // database connection closes under the creator, and requests hang until the run stops.
    const dying: typeof fetch = (_input, init) => {
      db.close();
      return new Promise((_resolve, reject) => {
        const fail = () => reject(new DOMException('The tab is gone.', 'AbortError'));
        if (init?.signal?.aborted === true) fail();
        else init?.signal?.addEventListener('abort', fail);
      });
    };
    const keys = keysAt(m.baseUrl, KEY);
    const dead = executeRun(
      deps(db, dying),
      runId,
      keys,
      new AbortController().signal,
      () => 'pause',
    );
    await expect(dead).rejects.toThrow();

    const reopened = openDb(db.name);
    dbs.push(reopened);
    const history = watchStatuses(reopened);
    const { run } = await expectWholeChunks(reopened, runId);
    expect(run.creation?.created).toBeLessThan(EXAMPLES);
    expect(run.status).toBe('running'); // as a closed tab leaves it: "interrupted"

    const status = await executeRun(
      deps(reopened, fetch),
      runId,
      keys,
      new AbortController().signal,
      () => 'pause',
    );
    expect(status).toBe('done');
    const { run: finished, rollouts } = await expectWholeChunks(reopened, runId);
    expect(finished.creation).toBeUndefined();
    expect(statusCounts(rollouts).done).toBe(EXAMPLES);
    expect(doneTransitions(history, runId)).toEqual(rollouts.map(() => 1));
    expectEachRequestedOnce(m);
  });
});
