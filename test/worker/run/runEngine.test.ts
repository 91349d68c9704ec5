// The run engine end to end: a real Dexie database (fake-indexeddb), the real loopback OpenAI mock, and
// every assertion made twice — on the stored records (the journal) and on the requests the mock saw
// (what was paid for).
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/errors';
import {
  EMPTY_RESPONSE_VERDICT,
  scoreRollout,
  type ParsedJudgeReply,
} from '../../../src/core/envs/mtsamples/judge';
import { medarcRolloutReward } from '../../../src/core/envs/mtsamples/medarcReward';
import type { RolloutRecord, RunRecord } from '../../../src/core/schema/run';
import { openDb, type MedevalDb } from '../../../src/data/db';
import { summarizeLive, type RunLiveState } from '../../../src/core/runLive';
import { summarizeRun } from '../../../src/core/runSummary';
import { getRun, listRollouts } from '../../../src/data/runStore';
import { createRescoreRun, createRun, type CreateRunDeps } from '../../../src/worker/run/createRun';
import { retryFailedRollouts } from '../../../src/worker/run/retryFailed';
import {
  executeRun,
  type RunEngineDeps,
  type RunKeys,
  type StopReason,
} from '../../../src/worker/run/runEngine';
import {
  judgeEmpty,
  judgeFenced,
  judgeJson,
  judgeMissingCriterion,
  judgeOutOfRange,
  judgeStringScores,
  judgeTrailingCommas,
  judgeWithProse,
  startMockOpenAI,
  type JudgeScores,
  type MockBehaviour,
  type MockOpenAI,
  type MockOptions,
  type RecordedRequest,
} from '../../support/mockOpenAI';
import {
  exampleMarker,
  isJudgeRequest,
  judgedResponse,
  MODEL,
  requestExampleId,
  requestModel,
  runSettings,
  seedDataset,
  statusCounts,
  doneTransitions,
  keysAt,
  watchStatuses,
  type RunSettingsInput,
} from '../../support/seedDataset';
import { waitUntil } from '../../support/waitUntil';

const KEY = 'sk-run-engine-key-0123456789';

/** The scores each judge model gives by default: judge-a 0.8, judge-b 0.8, judge-c 0.6. */
const JUDGE_SCORES: Record<string, JudgeScores> = {
  'judge-a': { accuracy: 5, completeness: 4, clarity: 3 },
  'judge-b': { accuracy: 4, completeness: 4, clarity: 4 },
  'judge-c': { accuracy: 2, completeness: 3, clarity: 4 },
};

function modelReply(exampleId: number): string {
  return `Plan for ${exampleMarker(exampleId)}: rest, analgesia, review in two weeks.`;
}

// ---- Harness ----

let mock: MockOpenAI | undefined;
const openDbs: MedevalDb[] = [];

afterEach(async () => {
  await mock?.close();
  mock = undefined;
  const names = new Set(openDbs.map((db) => db.name));
  for (const db of openDbs.splice(0)) db.close();
  for (const name of names) await openDb(name).delete();
});

interface Harness {
  mock: MockOpenAI;
  db: MedevalDb;
  datasetId: string;
  /** Every retry wait the engine asked for (the injected sleep returns at once). */
  waits: number[];
  deps: RunEngineDeps;
  createDeps: CreateRunDeps;
  settings: (overrides?: Partial<RunSettingsInput>) => ReturnType<typeof runSettings>;
}

function fastSleep(waits: number[]) {
  return (ms: number, signal: AbortSignal): Promise<void> => {
    waits.push(ms);
    return signal.aborted
      ? Promise.reject(new AppError('aborted', 'Cancelled.'))
      : Promise.resolve();
  };
}

function engineDeps(
  db: MedevalDb,
  waits: number[],
  fetchImpl: typeof fetch = fetch,
): RunEngineDeps {
  return { db, fetch: fetchImpl, now: Date.now, timeoutMs: 5_000, sleep: fastSleep(waits) };
}

async function setup(count: number, options: MockOptions = {}): Promise<Harness> {
  const m = await startMockOpenAI(options);
  mock = m;
  const db = openDb(`t-${crypto.randomUUID()}`);
  openDbs.push(db);
  const datasetId = await seedDataset(db, { count });
  const waits: number[] = [];
  script(m, () => undefined);
  return {
    mock: m,
    db,
    datasetId,
    waits,
    deps: engineDeps(db, waits),
    createDeps: { db, now: Date.now, newId: () => crypto.randomUUID(), appVersion: 'test' },
    settings: (overrides = {}) => runSettings({ baseUrl: m.baseUrl, datasetId, ...overrides }),
  };
}

interface ChatRequest {
  model: string;
  exampleId: number;
  isJudge: boolean;
  /** 1 for the first request of this model about this example, 2 for the next… */
  nth: number;
  body: unknown;
}

function defaultBehaviour(request: ChatRequest): MockBehaviour {
  if (!request.isJudge) {
    return {
      reply: modelReply(request.exampleId),
      usage: { prompt_tokens: 120, completion_tokens: 30 },
    };
  }
  const scores = JUDGE_SCORES[request.model];
  return {
    reply: scores === undefined ? 'No scores from an unknown judge.' : judgeJson(scores),
    usage: { prompt_tokens: 400, completion_tokens: 60 },
  };
}

/** Scripts the mock per request: `pick` returns a behaviour, or undefined for the default. */
function script(m: MockOpenAI, pick: (request: ChatRequest) => MockBehaviour | undefined): void {
  const seen = new Map<string, number>();
  m.setDefault((recorded) => {
    const model = requestModel(recorded.body);
    const exampleId = requestExampleId(recorded.body);
    const id = `${model}|${exampleId}`;
    const nth = (seen.get(id) ?? 0) + 1;
    seen.set(id, nth);
    const request = {
      model,
      exampleId,
      isJudge: isJudgeRequest(recorded.body),
      nth,
      body: recorded.body,
    };
    return pick(request) ?? defaultBehaviour(request);
  });
}

function run(
  h: Pick<Harness, 'deps'> & { mock?: MockOpenAI },
  runId: string,
  opts: { keys?: RunKeys; signal?: AbortSignal; reason?: StopReason; deps?: RunEngineDeps } = {},
) {
  return executeRun(
    opts.deps ?? h.deps,
    runId,
    opts.keys ?? (h.mock === undefined ? {} : keysAt(h.mock.baseUrl, KEY)),
    opts.signal ?? new AbortController().signal,
    () => opts.reason ?? 'pause',
  );
}

async function storedRun(db: MedevalDb, runId: string): Promise<RunRecord> {
  const record = await getRun(db, runId);
  if (record === undefined) throw new Error(`run ${runId} is not stored`);
  return record;
}

async function rolloutsByExample(
  db: MedevalDb,
  runId: string,
): Promise<Map<number, RolloutRecord>> {
  const rollouts = await listRollouts(db, runId);
  return new Map(rollouts.map((rollout) => [rollout.example_id, rollout]));
}

function rolloutOf(map: Map<number, RolloutRecord>, exampleId: number): RolloutRecord {
  const rollout = map.get(exampleId);
  if (rollout === undefined) throw new Error(`no rollout for example ${exampleId}`);
  return rollout;
}

/** No rollout lost or duplicated: one record per created key, and the statuses add up. */
async function expectAccounted(db: MedevalDb, runId: string, created: number) {
  const rollouts = await listRollouts(db, runId);
  expect(rollouts).toHaveLength(created);
  expect(new Set(rollouts.map((rollout) => rollout.key)).size).toBe(created);
  const counts = statusCounts(rollouts);
  expect(Object.values(counts).reduce((sum, n) => sum + n, 0)).toBe(created);
  return counts;
}

function chatRequests(m: MockOpenAI): RecordedRequest[] {
  return m.requests.filter((request) => request.path === '/v1/chat/completions');
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Model requests per example id, and judge requests per `model|example id`. */
function requestCounts(requests: readonly RecordedRequest[]) {
  const generations = requests.filter((request) => !isJudgeRequest(request.body));
  const judges = requests.filter((request) => isJudgeRequest(request.body));
  return {
    generations: countBy(generations, (request) => String(requestExampleId(request.body))),
    judges: countBy(
      judges,
      (request) => `${requestModel(request.body)}|${requestExampleId(request.body)}`,
    ),
    generationTotal: generations.length,
    judgeTotal: judges.length,
  };
}

const until = waitUntil;

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Answers stored in the journal: generations and judge calls. */
function answersStored(rollouts: readonly RolloutRecord[]): number {
  return rollouts.reduce(
    (sum, r) =>
      sum + (r.generation === undefined ? 0 : 1) + r.judges.filter((j) => j !== null).length,
    0,
  );
}

// ---- Tests ----

describe('executeRun', () => {
  it('runs every rollout through generation and two judges, storing each step and sending no key', async () => {
    const h = await setup(10);
    const runId = await createRun(h.createDeps, h.settings(), 'happy');
    expect(await run(h, runId)).toBe('done');

    const record = await storedRun(h.db, runId);
    expect(record).toMatchObject({ status: 'done', kind: 'generate' });
    expect(record.finishedAt).toBeGreaterThanOrEqual(record.startedAt ?? Infinity);
    expect(record.stopError).toBeUndefined();
    expect(await expectAccounted(h.db, runId, 10)).toMatchObject({ done: 10 });

    const requests = chatRequests(h.mock);
    const counts = requestCounts(requests);
    expect(requests).toHaveLength(30);
    expect(counts.generationTotal).toBe(10);
    for (const id of range(10)) {
      expect(counts.generations.get(String(id))).toBe(1);
      expect(counts.judges.get(`judge-a|${id}`)).toBe(1);
      expect(counts.judges.get(`judge-b|${id}`)).toBe(1);
    }
    for (const request of requests) expect(request.headers['authorization']).toBe(`Bearer ${KEY}`);

    const rollouts = await rolloutsByExample(h.db, runId);
    for (const id of range(10)) {
      const rollout = rolloutOf(rollouts, id);
      const sent = requests.find(
        (request) => !isJudgeRequest(request.body) && requestExampleId(request.body) === id,
      );
      expect(rollout.generation).toMatchObject({
        content: modelReply(id),
        finishReason: 'stop',
        usage: { inputTokens: 120, outputTokens: 30 },
        attempts: 1,
        cached: false,
      });
      // Exactly the body that went over the wire, recorded with the rollout.
      expect(rollout.generation?.requestBody).toEqual(sent?.body);
      expect(rollout.generation?.requestBody['model']).toBe(MODEL);
      expect(rollout.judges.map((call) => call?.model)).toEqual(['judge-a', 'judge-b']);
      expect(rollout.judges.map((call) => call?.score)).toEqual([0.8, 0.8]);
      expect(rollout.judges[0]?.raw).toBe(judgeJson(JUDGE_SCORES['judge-a']!));
      expect(rollout.judges[1]?.usage).toEqual({ inputTokens: 400, outputTokens: 60 });
      expect(rollout.score).toEqual({
        reward: 0.8,
        jury_score: 4,
        judge_scores: [0.8, 0.8],
        criterion_means: { accuracy: 4.5, completeness: 4, clarity: 3.5 },
      });
    }
    // Each judge saw this example's notes (filled literally: `$&` and `{{reference}}` survive),
    // the generated response and the reference.
    const judged = requests.find(
      (request) => isJudgeRequest(request.body) && requestExampleId(request.body) === 3,
    );
    expect(judgedResponse(judged?.body)).toBe(modelReply(3));
    expect(JSON.stringify(judged?.body)).toContain('cost $& {{reference}} noted');
    expect(JSON.stringify(judged?.body)).toContain('no heavy lifting for 5 weeks');

    const stored = JSON.stringify({ record, rollouts: [...rollouts.values()] });
    expect(stored).not.toContain(KEY);
  });

  it('asks the judges while the generation is being committed, stores their answers only after it, and never has more rollouts unstored than lanes', async () => {
    const m = await startMockOpenAI();
    mock = m;
    script(m, () => undefined);
    const log: string[] = [];
    let isJudgeAsked = false;
    const db = openDb(`t-${crypto.randomUUID()}`);
    openDbs.push(db);
    // Logs each rollout's generation, judges and final state when their transaction commits
    // (middleware must be added before the database opens).
    db.use({
      stack: 'dbcore',
      name: 'commit-log',
      create: (down) => ({
        ...down,
        transaction: (tables, mode, options) => {
          const tx = down.transaction(tables, mode, options) as IDBTransaction & {
            notes?: string[];
          };
          tx.notes = [];
          tx.addEventListener('complete', () => log.push(...(tx.notes ?? [])));
          return tx;
        },
        table: (name) => {
          const table = down.table(name);
          if (name !== 'rollouts') return table;
          return {
            ...table,
            mutate: (req) => {
              const notes = (req.trans as { notes?: string[] }).notes;
              if (req.type !== 'put' || notes === undefined) return table.mutate(req);
              const values = req.values as RolloutRecord[];
              for (const value of values) {
                if (value.generation !== undefined) notes.push(`stored-gen:${value.example_id}`);
                value.judges.forEach((call, index) => {
                  if (call) notes.push(`stored-judge-${index}:${value.example_id}`);
                });
                if (value.status === 'done') notes.push(`stored-done:${value.example_id}`);
              }
              // Example 0's generation commits only once its first judge has been asked (or after
              // 3 s): an engine that waited for the commit before asking would show it in the log.
              // Reads keep the transaction alive meanwhile (an idle one would commit).
              const held = values.find(
                (value) => value.example_id === 0 && value.generation !== undefined,
              );
              if (held === undefined) return table.mutate(req);
              const holdUntilJudgeAsked = async (): Promise<void> => {
                const deadline = Date.now() + 3000;
                while (!isJudgeAsked && Date.now() < deadline)
                  await table.get({ trans: req.trans, key: [held.runId, held.key] });
              };
              return holdUntilJudgeAsked().then(() => table.mutate(req));
            },
          };
        },
      }),
    });
    const datasetId = await seedDataset(db, { count: 12 });
    const logging: typeof fetch = (input, init) => {
      const body = JSON.parse(init?.body as string) as unknown;
      log.push(`send:${requestModel(body)}:${requestExampleId(body)}`);
      if (requestModel(body) !== MODEL && requestExampleId(body) === 0) isJudgeAsked = true;
      return fetch(input, init);
    };
    const runId = await createRun(
      { db, now: Date.now, newId: () => crypto.randomUUID(), appVersion: 'test' },
      runSettings({ baseUrl: m.baseUrl, datasetId, concurrency: 3 }),
      'durable steps',
    );
    expect(await run({ deps: engineDeps(db, [], logging) }, runId)).toBe('done');

    const first = (entry: string) => log.indexOf(entry);
    expect(first('send:judge-a:0'), 'judge asked while the generation commits').toBeLessThan(
      first('stored-gen:0'),
    );
    for (const id of range(12)) {
      const generationStored = first(`stored-gen:${id}`);
      expect(generationStored, `generation ${id} stored`).toBeGreaterThan(
        first(`send:${MODEL}:${id}`),
      );
      for (const judge of [0, 1])
        expect(first(`stored-judge-${judge}:${id}`), `judge ${judge} of ${id}`).toBeGreaterThan(
          generationStored,
        );
    }
    // A lane starts a rollout only when its previous one is stored: at most 3 started, unstored.
    let started = 0;
    let stored = 0;
    for (const entry of log) {
      if (entry.startsWith(`send:${MODEL}:`)) started++;
      if (entry.startsWith('stored-done:') && !log.slice(0, log.indexOf(entry)).includes(entry))
        stored++;
      expect(started - stored).toBeLessThanOrEqual(3);
    }
    expect(stored).toBe(12);
  });

  it('reports the run live: its final figures are those of the stored rollouts, with speed per host', async () => {
    const h = await setup(12, { latencyMs: 5 });
    script(h.mock, (request) =>
      request.exampleId === 3 && !request.isJudge ? { status: 400 } : undefined,
    );
    const reports: RunLiveState[] = [];
    const runId = await createRun(h.createDeps, h.settings({ concurrency: 3 }), 'live');
    const deps = { ...h.deps, onLive: (state: RunLiveState) => reports.push(state) };
    expect(await run({ deps }, runId)).toBe('done');

    const final = reports.at(-1);
    expect(final?.isFinal).toBe(true);
    expect(reports.slice(0, -1).every((report) => !report.isFinal)).toBe(true);
    const stored = await listRollouts(h.db, runId);
    const prices = { [MODEL]: { inputPerM: 1, outputPerM: 2 } };
    const fromStore = summarizeRun(stored, Date.now(), { modelId: MODEL, prices });
    const fromLive = summarizeLive(final!, Date.now(), prices);
    expect(fromLive).toMatchObject({
      total: 12,
      done: fromStore.done,
      failed: 1,
      unscored: fromStore.unscored,
      finished: 12,
      pending: 0,
      tokens: fromStore.tokens,
      spend: fromStore.spend,
      juryScore: fromStore.juryScore,
      judgeMeans: fromStore.judgeMeans,
    });
    expect(fromLive.reward.mean).toBeCloseTo(fromStore.reward.mean ?? NaN, 10);
    expect(final?.latest).toHaveLength(12);
    expect(final?.latest.find((r) => r.exampleId === 3)).toMatchObject({ status: 'error' });
    expect(final?.speed).toMatchObject({
      rolloutsAllowed: 3,
      endpoints: [{ origin: h.mock.origin, protocol: 'http/1.1', inFlight: 0, allowed: 3 }],
    });
  });

  it('scores every judge-reply shape as the parser reads it, and never calls judges for an empty response', async () => {
    const h = await setup(9);
    const judgeA: Record<number, string> = {
      0: judgeFenced({ accuracy: 5, completeness: 4, clarity: 3 }),
      1: judgeWithProse({ accuracy: 3, completeness: 3, clarity: 3 }),
      2: judgeTrailingCommas({ accuracy: 2, completeness: 2, clarity: 2 }),
      3: judgeStringScores({ accuracy: 5, completeness: 5, clarity: 5 }),
      4: judgeMissingCriterion({ accuracy: 4, completeness: 2, clarity: 5 }, 'clarity'),
      5: judgeOutOfRange(),
      6: judgeEmpty(),
      7: 'I am unable to score this response.',
    };
    script(h.mock, (request): MockBehaviour | undefined => {
      if (!request.isJudge) return request.exampleId === 8 ? { reply: '  \n ' } : undefined;
      if (request.model === 'judge-a') return { reply: judgeA[request.exampleId] ?? '' };
      return request.exampleId === 7 ? { reply: judgeOutOfRange() } : undefined;
    });
    const runId = await createRun(h.createDeps, h.settings(), 'shapes');
    expect(await run(h, runId)).toBe('done');
    expect(await expectAccounted(h.db, runId, 9)).toMatchObject({ done: 8, unscored: 1 });

    const rollouts = await rolloutsByExample(h.db, runId);
    const judgeAScore = (id: number) => rolloutOf(rollouts, id).judges[0]?.score;
    const expected: [number, number | null, number][] = [
      [0, 0.8, 0.8],
      [1, 0.6, 0.7],
      [2, 0.4, 0.6],
      [3, 1, 0.9],
      [4, 0.6, 0.7],
      [5, null, 0.8],
      [6, null, 0.8],
    ];
    for (const [id, judgeScore, reward] of expected) {
      const rollout = rolloutOf(rollouts, id);
      expect(rollout.status, `example ${id}`).toBe('done');
      if (judgeScore === null) expect(judgeAScore(id), `example ${id}`).toBeNull();
      else expect(judgeAScore(id), `example ${id}`).toBeCloseTo(judgeScore, 10);
      expect(rollout.score?.reward, `example ${id}`).toBeCloseTo(reward, 10);
      expect(rollout.judges[0]?.raw, `the raw reply is kept (example ${id})`).toBe(judgeA[id]);
    }
    const parsedA = (id: number): ParsedJudgeReply | null | undefined =>
      rolloutOf(rollouts, id).judges[0]?.parsed;
    expect(parsedA(2)?.problems.join(' ')).toContain('trailing commas');
    expect(parsedA(3)?.accuracy.score).toBe(5);
    expect(parsedA(4)?.clarity).toMatchObject({ score: null, problem: 'missing' });
    expect(parsedA(4)?.accuracy.score).toBe(4);
    expect(rolloutOf(rollouts, 4).score?.criterion_means.clarity).toBe(4);
    expect(parsedA(5)).toMatchObject({
      accuracy: { score: null },
      completeness: { score: null },
      clarity: { score: null },
    });
    expect(rolloutOf(rollouts, 5).score?.judge_scores).toEqual([null, 0.8]);
    expect(parsedA(6)).toMatchObject({ jsonFound: false, problems: ['the reply is empty'] });

    const unscored = rolloutOf(rollouts, 7);
    expect(unscored.status).toBe('unscored');
    expect(unscored.score?.reward).toBeNull();
    expect(unscored.unscoredReason).toContain('judge 1: no readable score');
    expect(unscored.unscoredReason).toContain('judge 2: no readable score');
    expect(unscored.unscoredReason).toContain('outside 1–5');

    const empty = rolloutOf(rollouts, 8);
    expect(empty).toMatchObject({ status: 'done', emptyResponse: true, judges: [null, null] });
    expect(empty.score).toEqual(
      scoreRollout([EMPTY_RESPONSE_VERDICT, EMPTY_RESPONSE_VERDICT], { normalisation: 'fraction' }),
    );
    expect(empty.score?.reward).toBeCloseTo(0.2, 10);

    const counts = requestCounts(chatRequests(h.mock));
    expect(counts.generationTotal).toBe(9);
    expect(counts.judgeTotal).toBe(16);
    expect(counts.judges.has('judge-a|8')).toBe(false);
    expect(counts.judges.has('judge-b|8')).toBe(false);
  });

  it('in the MedARC reward preset scores the same replies as MedARC does: unreadable 0, no rollout unscored, judges asked about an empty response (#12)', async () => {
    const h = await setup(6);
    const judgeA: Record<number, string> = {
      0: judgeFenced({ accuracy: 5, completeness: 4, clarity: 3 }),
      1: judgeTrailingCommas({ accuracy: 2, completeness: 2, clarity: 2 }),
      2: judgeOutOfRange(),
      3: 'I am unable to score this response.',
      4: '{"accuracy": 4, "completeness": 3, "clarity": 5}',
      5: judgeJson({ accuracy: 1, completeness: 1, clarity: 1 }),
    };
    script(h.mock, (request): MockBehaviour | undefined => {
      if (!request.isJudge) return request.exampleId === 5 ? { reply: '  \n ' } : undefined;
      if (request.model === 'judge-a') return { reply: judgeA[request.exampleId] ?? '' };
      return request.exampleId === 3 ? { status: 500, body: 'down' } : undefined;
    });
    const settings = h.settings({ envSettings: { preset: 'medarc@3b9f18f' }, maxAttempts: 1 });
    const runId = await createRun(h.createDeps, settings, 'medarc reward');
    expect(await run(h, runId)).toBe('done');
    expect(await expectAccounted(h.db, runId, 6)).toMatchObject({ done: 6, unscored: 0 });
    const rollouts = await rolloutsByExample(h.db, runId);
    const judgeB = judgeJson({ accuracy: 4, completeness: 4, clarity: 4 });
    const expected: [number, (string | null)[]][] = [
      [0, [judgeA[0] ?? '', judgeB]],
      [1, [judgeA[1] ?? '', judgeB]],
      [2, [judgeA[2] ?? '', judgeB]],
      [3, [judgeA[3] ?? '', null]],
      [4, [judgeA[4] ?? '', judgeB]],
      [5, [judgeA[5] ?? '', judgeB]],
    ];
    for (const [id, raws] of expected) {
      const rollout = rolloutOf(rollouts, id);
      const reference = medarcRolloutReward(raws);
      expect(rollout.status, `example ${id}`).toBe('done');
      expect(rollout.score?.reward, `example ${id}`).toBe(reference.reward);
    }
    // 5/4/3 → (1 + 0.75 + 0.5) / 3 and 4/4/4 → 0.75 by (s − 1) / 4, whatever the run's normalisation;
    // an unreadable reply counts as 0 beside a failed call, which is left out.
    expect(rolloutOf(rollouts, 0).score?.reward).toBe(0.75);
    expect(rolloutOf(rollouts, 3).score?.judge_scores).toEqual([0, null]);
    expect(rolloutOf(rollouts, 3).score?.reward).toBe(0);
    expect(rolloutOf(rollouts, 4).score?.note).toContain('AttributeError');
    expect(rolloutOf(rollouts, 4).score?.reward).toBe(0);
    const empty = rolloutOf(rollouts, 5);
    expect(empty.emptyResponse).toBeUndefined();
    expect(empty.judges.every((call) => call !== null)).toBe(true);
    const counts = requestCounts(chatRequests(h.mock));
    expect(counts.judges.has('judge-a|5')).toBe(true);
  });

  it('retries 429 (honouring retry-after), 500 and a dropped connection, and records the attempts', async () => {
    const h = await setup(4);
    script(h.mock, (request): MockBehaviour | undefined => {
      if (request.nth !== 1) return undefined;
      if (!request.isJudge && request.exampleId === 0)
        return { status: 429, headers: { 'retry-after': '2' } };
      if (!request.isJudge && request.exampleId === 1) return { status: 500 };
      if (!request.isJudge && request.exampleId === 2) return { drop: true };
      if (request.model === 'judge-a' && request.exampleId === 3)
        return { status: 429, headers: { 'retry-after-ms': '1500' } };
      return undefined;
    });
    // One lane: the waits come in example order.
    const runId = await createRun(h.createDeps, h.settings({ concurrency: 1 }), 'transient');
    expect(await run(h, runId)).toBe('done');
    expect(await expectAccounted(h.db, runId, 4)).toMatchObject({ done: 4 });

    const rollouts = await rolloutsByExample(h.db, runId);
    for (const id of [0, 1, 2]) {
      expect(rolloutOf(rollouts, id).generation?.attempts, `example ${id}`).toBe(2);
      expect(rolloutOf(rollouts, id).score?.reward).toBe(0.8);
    }
    const four = rolloutOf(rollouts, 3);
    expect(four.generation?.attempts).toBe(1);
    expect(four.judges.map((call) => call?.attempts)).toEqual([2, 1]);
    expect(four.score?.reward).toBe(0.8);

    expect(h.waits).toHaveLength(4);
    const [rateLimited, server, dropped, judgeRateLimited] = h.waits as [
      number,
      number,
      number,
      number,
    ];
    // The server's wait plus at most 250 ms of jitter; backoff after a 500 or a drop is ≤ 500 ms.
    expect(rateLimited).toBeGreaterThanOrEqual(2_000);
    expect(rateLimited).toBeLessThanOrEqual(2_250);
    expect(server).toBeLessThanOrEqual(500);
    expect(dropped).toBeLessThanOrEqual(500);
    expect(judgeRateLimited).toBeGreaterThanOrEqual(1_500);
    expect(judgeRateLimited).toBeLessThanOrEqual(1_750);

    const counts = requestCounts(chatRequests(h.mock));
    expect([0, 1, 2, 3].map((id) => counts.generations.get(String(id)))).toEqual([2, 2, 2, 1]);
    expect(counts.judges.get('judge-a|3')).toBe(2);
    expect(counts.judgeTotal).toBe(9);
  });

  it('records a generation that fails on every attempt as an error and carries on with the rest', async () => {
    const h = await setup(5);
    script(h.mock, (request): MockBehaviour | undefined => {
      if (!request.isJudge && request.exampleId === 2) return { status: 500 };
      if (request.model === 'judge-b' && request.exampleId === 3) return { status: 503 };
      return undefined;
    });
    const runId = await createRun(h.createDeps, h.settings({ maxAttempts: 3 }), 'fails');
    expect(await run(h, runId)).toBe('done');
    expect(await expectAccounted(h.db, runId, 5)).toMatchObject({ done: 4, error: 1 });

    const rollouts = await rolloutsByExample(h.db, runId);
    const failed = rolloutOf(rollouts, 2);
    expect(failed.status).toBe('error');
    expect(failed.error).toMatchObject({
      stage: 'generation',
      kind: 'server',
      status: 500,
      attempts: 3,
    });
    expect(failed.error?.message).toContain('500');
    expect(failed.generation).toBeUndefined();
    expect(failed.judges).toEqual([null, null]);

    // A judge that fails on every attempt is data on its call; the other judge still scores.
    const halfJudged = rolloutOf(rollouts, 3);
    expect(halfJudged.status).toBe('done');
    expect(halfJudged.judges[1]).toMatchObject({
      score: null,
      raw: null,
      attempts: 3,
      error: { kind: 'server', status: 503, attempts: 3 },
    });
    expect(halfJudged.score?.judge_scores).toEqual([0.8, null]);
    expect(halfJudged.score?.reward).toBe(0.8);

    const counts = requestCounts(chatRequests(h.mock));
    expect(counts.generations.get('2')).toBe(3);
    expect(counts.judges.get('judge-b|3')).toBe(3);
    expect(counts.judges.has('judge-a|2')).toBe(false);
    expect(counts.generationTotal).toBe(4 + 3);
    expect(counts.judgeTotal).toBe(4 * 2 + 2);
    expect(h.waits).toHaveLength(4);
  });

  it('stops the whole run on a rejected key after a handful of requests, and resumes cleanly with the right one', async () => {
    const h = await setup(10, { apiKey: KEY });
    const wrong = 'sk-wrong-key-9876543210';
    const runId = await createRun(h.createDeps, h.settings({ concurrency: 3 }), 'bad key');

    expect(await run(h, runId, { keys: keysAt(h.mock.baseUrl, wrong) })).toBe('stopped');
    const stopped = await storedRun(h.db, runId);
    expect(stopped.stopError).toMatchObject({ kind: 'auth', status: 401 });
    expect(stopped.stopError?.message).not.toContain(wrong);
    expect(stopped.stopError?.nextStep).toBeDefined();
    const rejected = chatRequests(h.mock).length;
    expect(rejected).toBeGreaterThanOrEqual(1);
    expect(rejected).toBeLessThanOrEqual(3 + 1);
    // Nothing failed: the rollouts wait for a good key.
    expect(await expectAccounted(h.db, runId, 10)).toMatchObject({ pending: 10 });
    expect(h.waits).toEqual([]);

    expect(await run(h, runId)).toBe('done');
    const resumed = await storedRun(h.db, runId);
    expect(resumed.stopError).toBeUndefined();
    expect(await expectAccounted(h.db, runId, 10)).toMatchObject({ done: 10 });
    const accepted = chatRequests(h.mock).filter(
      (request) => request.headers['authorization'] === `Bearer ${KEY}`,
    );
    const counts = requestCounts(accepted);
    expect(counts.generationTotal).toBe(10);
    expect(new Set(counts.generations.values())).toEqual(new Set([1]));
    expect(counts.judgeTotal).toBe(20);
  });

  it('stops on a rejected judge key too, keeping the stored generations', async () => {
    const h = await setup(6, { apiKey: KEY });
    // The judges on a host of their own, whose key is wrong (keys belong to hosts, not roles).
    const judgeHost = await startMockOpenAI({ apiKey: KEY });
    script(judgeHost, () => undefined);
    const settings = h.settings({ concurrency: 2 });
    const judges = settings.judges.map((judge) => ({ ...judge, baseUrl: judgeHost.baseUrl }));
    const runId = await createRun(h.createDeps, { ...settings, judges }, 'bad judge key');
    const status = await run(h, runId, {
      keys: {
        ...keysAt(h.mock.baseUrl, KEY),
        ...keysAt(judgeHost.baseUrl, 'sk-bad-judge-key-000000'),
      },
    });
    expect(status).toBe('stopped');
    expect((await storedRun(h.db, runId)).stopError?.kind).toBe('auth');
    const counts = await expectAccounted(h.db, runId, 6);
    expect(counts.generating).toBe(0);
    expect(counts.done + counts.error + counts.unscored).toBe(0);
    const generated = (await listRollouts(h.db, runId)).filter(
      (rollout) => rollout.generation !== undefined,
    );
    expect(generated.length).toBeGreaterThanOrEqual(1);
    expect(generated.length).toBeLessThanOrEqual(2);

    const before = requestCounts(chatRequests(h.mock));
    const keys = { ...keysAt(h.mock.baseUrl, KEY), ...keysAt(judgeHost.baseUrl, KEY) };
    expect(await run(h, runId, { keys })).toBe('done');
    const after = requestCounts(chatRequests(h.mock));
    // Stored generations are not requested again.
    expect(after.generationTotal - before.generationTotal).toBe(6 - generated.length);
    expect(new Set(after.generations.values())).toEqual(new Set([1]));
    await judgeHost.close();
  });

  it('stops on a full disk, saying so with the usage, and pays for no answer it cannot store (#10)', async () => {
    const h = await setup(40);
    const concurrency = 4;
    const runId = await createRun(
      h.createDeps,
      h.settings({ concurrency, useCache: false }),
      'full disk',
    );
    // The engine's own connection to the same database, whose writes (the small run record's aside)
    // fail once the disk is "full" as Chromium's do: the transaction aborts, and Dexie reports an
    // AbortError whose inner error is the QuotaExceededError.
    const full = { isFull: false, hasFilled: false };
    const db = openDb(h.db.name);
    openDbs.push(db);
    db.use({
      stack: 'dbcore',
      name: 'full-disk',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (request) =>
              name !== 'runs' && full.isFull
                ? Promise.reject(
                    Object.assign(new Error('Transaction aborted'), {
                      name: 'AbortError',
                      inner: new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
                    }),
                  )
                : table.mutate(request),
          };
        },
      }),
    });
    script(h.mock, (request) => {
      if (request.exampleId === 10 && !request.isJudge && !full.hasFilled) {
        Object.assign(full, { isFull: true, hasFilled: true });
      }
      return undefined;
    });
    const deps: RunEngineDeps = {
      ...h.deps,
      db,
      storageEstimate: () =>
        Promise.resolve({ usage: 1024 ** 3, quota: 1024 ** 3 + 3 * 1024 ** 2 }),
    };

    expect(await run(h, runId, { deps })).toBe('stopped');
    const stopped = await storedRun(h.db, runId);
    expect(stopped.stopError).toMatchObject({ kind: 'storage_quota' });
    expect(stopped.stopError?.message).not.toMatch(/cancel/i);
    expect(stopped.stopError?.message).toMatch(
      /^Storage is full: this site uses 1\.00 GB of the 1\.00 GB the browser allows it \(3\.0 MB free\)/,
    );
    expect(stopped.stopError?.nextStep).toMatch(/delete the datasets, runs or training data/);
    // The run stopped at the first write that failed: the answers paid for but not stored are at
    // most the requests in flight then (a lane's two judges go out together).
    const rollouts = await listRollouts(h.db, runId);
    const paid = chatRequests(h.mock).length;
    expect(paid).toBeLessThan(40 * 3); // a generation and two judges each
    expect(paid - answersStored(rollouts)).toBeLessThanOrEqual(concurrency * 2);
    expect(paid - answersStored(rollouts)).toBeGreaterThanOrEqual(0);

    // Space freed: Resume finishes the run and asks nothing stored again.
    full.isFull = false;
    expect(await run(h, runId, { deps })).toBe('done');
    expect(await expectAccounted(h.db, runId, 40)).toMatchObject({ done: 40 });
    expect((await storedRun(h.db, runId)).stopError).toBeUndefined();
    expect(chatRequests(h.mock).length - paid).toBe(40 * 3 - answersStored(rollouts));
  });

  it('sends each host only its own key: a judge on another host gets none of the first’s (#10)', async () => {
    const h = await setup(2);
    const other = await startMockOpenAI();
    try {
      other.setDefault({ reply: judgeJson({ accuracy: 4, completeness: 4, clarity: 4 }) });
      const settings = h.settings();
      const [first, second] = settings.judges;
      if (first === undefined || second === undefined) throw new Error('two judges expected');
      const runId = await createRun(
        h.createDeps,
        { ...settings, judges: [first, { ...second, baseUrl: other.baseUrl }] },
        'judges on two hosts',
      );
      expect(await run(h, runId, { keys: keysAt(h.mock.baseUrl, KEY) })).toBe('done');
      const toFirst = chatRequests(h.mock);
      expect(toFirst.length).toBe(4); // two generations, two verdicts of the first judge
      expect(toFirst.every((r) => r.headers['authorization'] === `Bearer ${KEY}`)).toBe(true);
      const elsewhere = other.requests.filter((r) => r.path.endsWith('/chat/completions'));
      expect(elsewhere.length).toBe(2);
      expect(elsewhere.some((r) => 'authorization' in r.headers)).toBe(false);
    } finally {
      await other.close();
    }
  });

  it('stops every lane on a 400 before any request succeeded: the configuration is wrong', async () => {
    const h = await setup(30, { latencyMs: 5 });
    script(h.mock, (request): MockBehaviour | undefined =>
      request.isJudge
        ? undefined
        : { status: 400, body: { error: { message: 'temperature is not supported', type: 'x' } } },
    );
    const runId = await createRun(h.createDeps, h.settings({ concurrency: 3 }), 'bad config');
    expect(await run(h, runId)).toBe('stopped');
    expect((await storedRun(h.db, runId)).stopError).toMatchObject({
      kind: 'bad_request',
      status: 400,
    });
    const counts = await expectAccounted(h.db, runId, 30);
    expect(counts.generating + counts.error).toBe(0);
    expect(counts.pending).toBe(30);
    expect(requestCounts(chatRequests(h.mock)).generationTotal).toBeLessThanOrEqual(3);
  });

  it('records a 400 on one example after others succeeded on that rollout, and goes on', async () => {
    const h = await setup(30, { latencyMs: 5 });
    script(h.mock, (request): MockBehaviour | undefined =>
      !request.isJudge && request.exampleId === 5
        ? { status: 400, body: { error: { message: 'context length exceeded', type: 'x' } } }
        : undefined,
    );
    const runId = await createRun(h.createDeps, h.settings({ concurrency: 3 }), 'one long example');
    expect(await run(h, runId)).toBe('done');
    const counts = await expectAccounted(h.db, runId, 30);
    expect(counts).toMatchObject({ done: 29, error: 1 });
    const failed = (await listRollouts(h.db, runId)).find((r) => r.status === 'error');
    expect(failed?.example_id).toBe(5);
    expect(failed?.error).toMatchObject({ kind: 'bad_request', status: 400, stage: 'generation' });
    expect(failed?.error?.message).toContain('context length exceeded');
  });

  it('pauses mid-run with nothing left generating, and a resume re-sends only what was in flight', async () => {
    const h = await setup(20, { latencyMs: 15 });
    // Until the pause, the last four examples' generations hang: the pause always comes mid-run.
    let isHolding = true;
    script(h.mock, (request): MockBehaviour | undefined =>
      isHolding && !request.isJudge && request.exampleId >= 16 ? { hang: true } : undefined,
    );
    const history = watchStatuses(h.db);
    const runId = await createRun(h.createDeps, h.settings({ concurrency: 4 }), 'pause');
    const controller = new AbortController();
    const first = run(h, runId, { signal: controller.signal, reason: 'pause' });
    await until(
      async () => statusCounts(await listRollouts(h.db, runId)).done >= 6,
      'six stored rollouts',
    );
    controller.abort();
    isHolding = false;
    expect(await first).toBe('paused');

    const paused = await expectAccounted(h.db, runId, 20);
    expect(paused.generating).toBe(0);
    expect(paused.done).toBeGreaterThanOrEqual(6);
    expect(paused.done).toBeLessThanOrEqual(16);
    expect(paused.pending + paused.judging).toBe(20 - paused.done);
    expect((await storedRun(h.db, runId)).status).toBe('paused');
    for (const rollout of await listRollouts(h.db, runId)) {
      // A judging rollout kept its generation; a pending one has none.
      expect(rollout.generation === undefined).toBe(rollout.status === 'pending');
    }
    const atPause = requestCounts(chatRequests(h.mock));

    expect(await run(h, runId)).toBe('done');
    expect(await expectAccounted(h.db, runId, 20)).toMatchObject({ done: 20 });
    expect(doneTransitions(history, runId)).toEqual(range(20).map(() => 1));

    const counts = requestCounts(chatRequests(h.mock));
    const resent = [...counts.generations.values()].filter((n) => n > 1).length;
    expect(resent).toBeLessThanOrEqual(4);
    expect(Math.max(...counts.generations.values())).toBeLessThanOrEqual(2);
    expect(Math.max(...counts.judges.values())).toBeLessThanOrEqual(2);
    // Requests answered before the pause were stored and never sent again.
    expect(counts.generationTotal).toBeLessThanOrEqual(20 + 4);
    expect(counts.judgeTotal).toBeLessThanOrEqual(40 + 2 * 4);
    expect(counts.generationTotal - atPause.generationTotal).toBeLessThanOrEqual(20 - paused.done);
  });

  it('resumes a rollout paused between its judges by asking only the judge that had not answered', async () => {
    const h = await setup(1);
    let judgeBHangs = true;
    script(h.mock, (request): MockBehaviour | undefined =>
      judgeBHangs && request.model === 'judge-b' ? { hang: true } : undefined,
    );
    const runId = await createRun(h.createDeps, h.settings(), 'between judges');
    const controller = new AbortController();
    const first = run(h, runId, { signal: controller.signal });
    await until(async () => {
      const [rollout] = await listRollouts(h.db, runId);
      return rollout?.judges[0] != null && h.mock.requests.length === 3;
    }, 'judge-a stored while judge-b hangs');
    controller.abort();
    expect(await first).toBe('paused');
    const [paused] = await listRollouts(h.db, runId);
    expect(paused).toMatchObject({ status: 'judging', judges: [{ score: 0.8 }, null] });

    judgeBHangs = false;
    expect(await run(h, runId)).toBe('done');
    const counts = requestCounts(chatRequests(h.mock));
    expect(Object.fromEntries(counts.generations)).toEqual({ 0: 1 });
    expect(Object.fromEntries(counts.judges)).toEqual({ 'judge-a|0': 1, 'judge-b|0': 2 });
    const [done] = await listRollouts(h.db, runId);
    expect(done?.generation).toEqual(paused?.generation);
    expect(done?.judges[0]).toEqual(paused?.judges[0]);
    expect(done?.score?.reward).toBe(0.8);
  });

  it('marks a cancelled run cancelled, rewinding its in-flight rollouts', async () => {
    const h = await setup(8, { latencyMs: 20 });
    const runId = await createRun(h.createDeps, h.settings({ concurrency: 4 }), 'cancel');
    const controller = new AbortController();
    const first = run(h, runId, { signal: controller.signal, reason: 'cancel' });
    await until(() => chatRequests(h.mock).length >= 2, 'the first requests');
    controller.abort();
    expect(await first).toBe('cancelled');
    const counts = await expectAccounted(h.db, runId, 8);
    expect(counts.generating).toBe(0);
    expect(counts.error).toBe(0);
  });

  it('resumes after the worker is killed mid-run: nothing stored is requested again', async () => {
    const h = await setup(20);
    const dbName = h.db.name;
    const history = watchStatuses(h.db);
    const runId = await createRun(h.createDeps, h.settings({ concurrency: 4 }), 'killed');

    // The "killed" worker: after 24 requests, each further request reaches the server but its
    // answer never comes back, as if the tab died while waiting for it.
    const swallowed: unknown[] = [];
    const sent: unknown[] = [];
    let passed = 0;
    const dying: typeof fetch = (input, init) => {
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : null;
      sent.push(body);
      if (passed < 24) {
        passed++;
        return fetch(input, init);
      }
      swallowed.push(body);
      const { signal: _ignored, ...rest } = init ?? {};
      const never = new Promise<Response>(() => undefined);
      return fetch(input, rest).then(
        () => never,
        () => never,
      );
    };
    const zombie = run(h, runId, { deps: engineDeps(h.db, h.waits, dying) });
    zombie.catch(() => undefined);
    // Every lane is stuck on a request it will never see answered: a swallowed generation, or
    // judges that were all sent (they are asked together) with at least one swallowed.
    const isStuck = (exampleId: number) =>
      swallowed.some((body) => requestExampleId(body) === exampleId && !isJudgeRequest(body)) ||
      new Set(
        sent
          .filter((body) => isJudgeRequest(body) && requestExampleId(body) === exampleId)
          .map((body) => requestModel(body)),
      ).size === 2;
    await until(() => {
      const stuck = new Set(swallowed.map((body) => requestExampleId(body)));
      return stuck.size === 4 && [...stuck].every(isStuck);
    }, 'four stuck lanes');
    await until(() => chatRequests(h.mock).length === passed + swallowed.length, 'the server');
    // Every answered request gets stored (judges of a stuck rollout may still be committing).
    await until(
      async () => answersStored(await listRollouts(h.db, runId)) === passed,
      'every answer stored',
    );
    h.db.close();

    // A new page: a new connection to the same database and a healthy network.
    const db = openDb(dbName);
    openDbs.push(db);
    const resumedHistory = watchStatuses(db);
    const waits: number[] = [];
    // The journal shows the kill: every answer that arrived is stored, and the stuck rollouts are
    // still as they were before their request (a rollout is not marked while it generates).
    const killed = await expectAccounted(db, runId, 20);
    expect(answersStored(await listRollouts(db, runId))).toBe(passed);
    expect(killed.done).toBeGreaterThan(0);
    expect(killed.generating).toBe(0);
    // Opening the run and pausing at once rewinds what the dead page left generating.
    const stopped = new AbortController();
    stopped.abort();
    const opened = await run(h, runId, { deps: engineDeps(db, waits), signal: stopped.signal });
    expect(opened).toBe('paused');
    expect((await expectAccounted(db, runId, 20)).generating).toBe(0);

    expect(await run(h, runId, { deps: engineDeps(db, waits) })).toBe('done');
    expect(await expectAccounted(db, runId, 20)).toMatchObject({ done: 20 });
    for (const [id, statuses] of resumedHistory) {
      history.set(id, [...(history.get(id) ?? []), ...statuses]);
    }
    expect(doneTransitions(history, runId)).toEqual(range(20).map(() => 1));

    const inFlight = requestCounts(
      swallowed.map((body) => ({
        method: 'POST',
        path: '',
        headers: {},
        body,
        at: 0,
        httpVersion: '1.1',
      })),
    );
    const counts = requestCounts(chatRequests(h.mock));
    expect(new Set(swallowed.map((body) => requestExampleId(body))).size).toBeLessThanOrEqual(4);
    for (const id of range(20)) {
      expect(counts.generations.get(String(id)), `generation ${id}`).toBe(
        1 + (inFlight.generations.get(String(id)) ?? 0),
      );
      for (const judge of ['judge-a', 'judge-b']) {
        const key = `${judge}|${id}`;
        expect(counts.judges.get(key), key).toBe(1 + (inFlight.judges.get(key) ?? 0));
      }
    }
    // Some answers were stored before the kill, so the resumed run did not start from scratch.
    expect(counts.generationTotal).toBeLessThan(2 * 20);
    expect(statusCounts(await listRollouts(db, runId)).done).toBe(20);
  });

  it('serves an identical run from the response cache, per sample, and bypasses it when asked', async () => {
    const h = await setup(4);
    let served = 0;
    script(h.mock, (request): MockBehaviour | undefined =>
      request.isJudge
        ? undefined
        : { reply: `Plan ${++served} for ${exampleMarker(request.exampleId)}.` },
    );
    const settings = h.settings({ rolloutsPerExample: 2 });
    const firstId = await createRun(h.createDeps, settings, 'first');
    expect(await run(h, firstId)).toBe('done');
    const firstRequests = chatRequests(h.mock).length;
    expect(firstRequests).toBe(8 + 16);
    const first = await listRollouts(h.db, firstId);
    // Two samples of one example are two requests with two answers.
    for (const id of range(4)) {
      const [a, b] = first.filter((rollout) => rollout.example_id === id);
      expect(a?.generation?.content).not.toBe(b?.generation?.content);
    }

    const secondId = await createRun(h.createDeps, settings, 'second');
    expect(await run(h, secondId)).toBe('done');
    expect(chatRequests(h.mock)).toHaveLength(firstRequests);
    const second = await listRollouts(h.db, secondId);
    expect(await expectAccounted(h.db, secondId, 8)).toMatchObject({ done: 8 });
    for (const rollout of second) {
      const original = first.find((r) => r.key === rollout.key);
      expect(rollout.generation).toMatchObject({ cached: true, attempts: 0 });
      // Only the generation's own fields are stored, not the cache row's.
      expect(Object.keys(rollout.generation ?? {}).sort()).toEqual(
        Object.keys(original?.generation ?? {}).sort(),
      );
      // Each sample is served its own answer, never the other sample's.
      expect(rollout.generation?.content).toBe(original?.generation?.content);
      expect(rollout.judges.map((call) => call?.cached)).toEqual([true, true]);
      expect(rollout.score).toEqual(original?.score);
    }

    const thirdId = await createRun(h.createDeps, { ...settings, useCache: false }, 'no cache');
    expect(await run(h, thirdId)).toBe('done');
    expect(chatRequests(h.mock)).toHaveLength(2 * firstRequests);
    for (const rollout of await listRollouts(h.db, thirdId)) {
      expect(rollout.generation?.cached).toBe(false);
      expect(rollout.generation?.content).not.toBe(
        first.find((r) => r.key === rollout.key)?.generation?.content,
      );
    }
  });

  it('re-scores a finished run with other judges without generating again', async () => {
    const h = await setup(5);
    const settings = h.settings();
    const parentId = await createRun(h.createDeps, settings, 'parent');
    expect(await run(h, parentId)).toBe('done');
    const before = chatRequests(h.mock).length;

    const rescoreId = await createRescoreRun(
      h.createDeps,
      parentId,
      {
        judges: [
          runSettings({ baseUrl: h.mock.baseUrl, datasetId: h.datasetId, judgeModels: ['judge-c'] })
            .judges[0]!,
        ],
        judgeTemplate: settings.judgeTemplate,
        judgeSees: settings.judgeSees,
        normalisation: settings.normalisation,
      },
      'rescore',
    );
    expect(await run(h, rescoreId)).toBe('done');
    const record = await storedRun(h.db, rescoreId);
    expect(record).toMatchObject({ kind: 'rescore', parentRunId: parentId, status: 'done' });
    expect(await expectAccounted(h.db, rescoreId, 5)).toMatchObject({ done: 5 });

    const added = chatRequests(h.mock).slice(before);
    expect(added).toHaveLength(5);
    expect(added.every((request) => isJudgeRequest(request.body))).toBe(true);
    expect(new Set(added.map((request) => requestModel(request.body)))).toEqual(
      new Set(['judge-c']),
    );

    const parent = await rolloutsByExample(h.db, parentId);
    for (const rollout of await listRollouts(h.db, rescoreId)) {
      expect(rollout.generation).toEqual(rolloutOf(parent, rollout.example_id).generation);
      expect(rollout.judges).toHaveLength(1);
      expect(rollout.score?.reward).toBeCloseTo(0.6, 10);
    }
  });

  it('retries only failed work: generation for errors, the failed judges for unscored rollouts', async () => {
    const h = await setup(6);
    let healthy = false;
    script(h.mock, (request): MockBehaviour | undefined => {
      if (healthy) return undefined;
      if (!request.isJudge && (request.exampleId === 0 || request.exampleId === 1))
        return { status: 500 };
      if (request.isJudge && (request.exampleId === 2 || request.exampleId === 3))
        return { reply: 'Sorry, I cannot grade this.' };
      if (request.model === 'judge-a' && request.exampleId === 4)
        return { reply: 'Also not JSON.' };
      return undefined;
    });
    const runId = await createRun(h.createDeps, h.settings({ maxAttempts: 2 }), 'retry');
    expect(await run(h, runId)).toBe('done');
    expect(await expectAccounted(h.db, runId, 6)).toMatchObject({ done: 2, error: 2, unscored: 2 });
    const firstPass = requestCounts(chatRequests(h.mock));
    expect(firstPass.generationTotal).toBe(2 * 2 + 4);
    expect(firstPass.judgeTotal).toBe(4 * 2);
    const partial = rolloutOf(await rolloutsByExample(h.db, runId), 4);
    expect(partial.score?.judge_scores).toEqual([null, 0.8]);

    healthy = true;
    expect(await retryFailedRollouts(h.db, runId, Date.now())).toBe(4);
    const queued = await expectAccounted(h.db, runId, 6);
    expect(queued).toMatchObject({ done: 2, pending: 2, judging: 2, error: 0, unscored: 0 });

    const before = chatRequests(h.mock).length;
    expect(await run(h, runId)).toBe('done');
    expect(await expectAccounted(h.db, runId, 6)).toMatchObject({ done: 6 });
    const retried = requestCounts(chatRequests(h.mock).slice(before));
    expect(Object.fromEntries(retried.generations)).toEqual({ 0: 1, 1: 1 });
    expect(Object.fromEntries(retried.judges)).toEqual({
      'judge-a|0': 1,
      'judge-b|0': 1,
      'judge-a|1': 1,
      'judge-b|1': 1,
      'judge-a|2': 1,
      'judge-b|2': 1,
      'judge-a|3': 1,
      'judge-b|3': 1,
    });

    const rollouts = await rolloutsByExample(h.db, runId);
    for (const id of range(4)) {
      const rollout = rolloutOf(rollouts, id);
      expect(rollout.error).toBeUndefined();
      expect(rollout.unscoredReason).toBeUndefined();
      expect(rollout.score?.reward).toBe(0.8);
    }
    // A done rollout with a partial score is not retried.
    expect(rolloutOf(rollouts, 4).score?.judge_scores).toEqual([null, 0.8]);
  });
});
