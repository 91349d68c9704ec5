// 200 rollouts × 2 judges against a server where ~30 % of requests fail in seeded ways (rate limits
// with retry-after, 500s, dropped connections, malformed bodies, hangs past the client timeout, junk
// judge replies). Nothing may be lost or duplicated, every failure must be explained, and every
// request the server saw must be accounted for by a recorded attempt.
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/errors';
import type { RolloutRecord } from '../../../src/core/schema/run';
import { openDb, type MedevalDb } from '../../../src/data/db';
import { listRollouts } from '../../../src/data/runStore';
import { createRun } from '../../../src/worker/run/createRun';
import type { DeadlineTimer } from '../../../src/llm/client';
import { executeRun } from '../../../src/worker/run/runEngine';
import { startMockOpenAI, type MockOpenAI } from '../../support/mockOpenAI';
import {
  chaosBehaviour,
  doneTransitions,
  expectedChaosCall,
  isJudgeRequest,
  JUDGE_MODELS,
  keysAt,
  MODEL,
  requestExampleId,
  requestModel,
  runSettings,
  seedDataset,
  statusCounts,
  watchStatuses,
  type ChaosOptions,
} from '../../support/seedDataset';

const KEY = 'sk-chaos-key-0123456789';
const EXAMPLES = 200;
const MAX_ATTEMPTS = 3;
const CHAOS: ChaosOptions = { seed: 20240611, failureRate: 0.3 };

let mock: MockOpenAI | undefined;
let db: MedevalDb | undefined;

afterEach(async () => {
  await mock?.close();
  mock = undefined;
  await db?.delete();
  db = undefined;
});

function explained(error: { kind: string; message: string; attempts?: number } | undefined) {
  expect(error?.kind).toMatch(/^[a-z_]+$/);
  expect(error?.message.length).toBeGreaterThan(0);
  expect(error?.attempts).toBeGreaterThanOrEqual(1);
}

describe('executeRun under chaos', () => {
  it('loses, duplicates and hides nothing, and records exactly the attempts the server saw', async () => {
    const m = await startMockOpenAI();
    mock = m;
    // Deadlines are deterministic: a request times out exactly when the server hangs it (its timer
    // is expired then), and a healthy request on a loaded machine never does, however slow.
    const deadlines = new Map<string, () => void>();
    const requestId = (body: unknown) => `${requestModel(body)}|${requestExampleId(body)}`;
    const chaos = chaosBehaviour(CHAOS);
    m.setDefault((request) => {
      const behaviour = chaos(request);
      if ('hang' in behaviour) deadlines.get(requestId(request.body))?.();
      return behaviour;
    });
    const deadlineTimer: DeadlineTimer = (_ms, expire, about) => {
      // One request per model and example at a time: its retries wait for it to end.
      const id = requestId(about.body);
      deadlines.set(id, expire);
      return () => {
        if (deadlines.get(id) === expire) deadlines.delete(id);
      };
    };
    const database = openDb(`t-${crypto.randomUUID()}`);
    db = database;
    const history = watchStatuses(database);
    const datasetId = await seedDataset(database, { count: EXAMPLES });
    const waits: number[] = [];
    const runId = await createRun(
      { db: database, now: Date.now, newId: () => crypto.randomUUID(), appVersion: 'chaos' },
      runSettings({
        baseUrl: m.baseUrl,
        datasetId,
        concurrency: 16,
        maxAttempts: MAX_ATTEMPTS,
      }),
      'chaos',
    );

    const status = await executeRun(
      {
        db: database,
        fetch,
        now: Date.now,
        timeoutMs: 1_500,
        deadlineTimer,
        sleep: (ms, signal) => {
          waits.push(ms);
          return signal.aborted
            ? Promise.reject(new AppError('aborted', 'Cancelled.'))
            : Promise.resolve();
        },
      },
      runId,
      keysAt(m.baseUrl, KEY),
      new AbortController().signal,
      () => 'pause',
    );
    expect(status).toBe('done');

    // Nothing lost, nothing duplicated, nothing left half-way, each rollout finished once.
    const rollouts = await listRollouts(database, runId);
    expect(rollouts).toHaveLength(EXAMPLES);
    expect(new Set(rollouts.map((rollout) => rollout.key)).size).toBe(EXAMPLES);
    const counts = statusCounts(rollouts);
    expect(counts.pending + counts.generating + counts.judging).toBe(0);
    expect(counts.done + counts.error + counts.unscored).toBe(EXAMPLES);
    expect(doneTransitions(history, runId).filter((n) => n > 1)).toEqual([]);

    // Every outcome is the one the seeded faults dictate, and every failure is explained.
    const requests = m.requests.filter((request) => request.path === '/v1/chat/completions');
    const seen = new Map<string, number>();
    for (const request of requests) {
      const id = `${requestModel(request.body)}|${requestExampleId(request.body)}`;
      seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    const expectedCounts = { done: 0, error: 0, unscored: 0 };
    let calls = 0;
    let attempts = 0;
    for (const rollout of rollouts) {
      const id = rollout.example_id;
      const generation = expectedChaosCall(CHAOS, MODEL, id, false, MAX_ATTEMPTS);
      calls++;
      attempts += generation.attempts;
      expect(seen.get(`${MODEL}|${id}`), `model requests for example ${id}`).toBe(
        generation.attempts,
      );
      if (generation.result === 'failed') {
        expectedCounts.error++;
        expect(rollout.status).toBe('error');
        explained(rollout.error);
        expect(rollout.error).toMatchObject({
          stage: 'generation',
          kind: generation.kind,
          attempts: generation.attempts,
        });
        expect(rollout.generation).toBeUndefined();
        for (const judge of JUDGE_MODELS) expect(seen.has(`${judge}|${id}`)).toBe(false);
        continue;
      }
      expect(rollout.generation?.attempts).toBe(generation.attempts);
      const judges = JUDGE_MODELS.map((judge, index) => {
        const expected = expectedChaosCall(CHAOS, judge, id, true, MAX_ATTEMPTS);
        calls++;
        attempts += expected.attempts;
        const call = rollout.judges[index];
        expect(seen.get(`${judge}|${id}`), `${judge} requests for example ${id}`).toBe(
          expected.attempts,
        );
        expect(call?.attempts, `${judge} attempts for example ${id}`).toBe(expected.attempts);
        if (expected.result === 'failed') {
          explained(call?.error);
          expect(call?.error?.kind).toBe(expected.kind);
          expect(call?.score).toBeNull();
        } else if (expected.result === 'junk') {
          expect(call?.error).toBeUndefined();
          expect(call?.raw).toBeTruthy();
          expect(call?.parsed?.problems.length).toBeGreaterThan(0);
          expect(call?.score).toBeNull();
        } else {
          expect(call?.score).toBe(0.8);
        }
        return expected.result;
      });
      if (judges.every((result) => result !== 'ok')) {
        expectedCounts.unscored++;
        expect(rollout.status).toBe('unscored');
        expect(rollout.unscoredReason).toMatch(/judge 1: .+ · judge 2: .+/);
        expect(rollout.score?.reward).toBeNull();
      } else {
        expectedCounts.done++;
        expect(rollout.status).toBe('done');
        expect(rollout.score?.reward).toBe(0.8);
      }
    }
    expect(counts).toMatchObject(expectedCounts);
    // Every request the server saw is an attempt recorded on some rollout, and every retry slept.
    expect(requests).toHaveLength(attempts);
    expect(waits).toHaveLength(attempts - calls);
    expect(requests.filter((request) => isJudgeRequest(request.body)).length).toBeGreaterThan(0);

    // The chaos was real: failures of every kind happened, and some rollouts ended badly.
    const failedKinds = new Set(
      rollouts.flatMap((rollout: RolloutRecord) => [
        ...(rollout.error === undefined ? [] : [rollout.error.kind]),
        ...rollout.judges.flatMap((call) => (call?.error === undefined ? [] : [call.error.kind])),
      ]),
    );
    expect(requests.length).toBeGreaterThan(EXAMPLES * 3 * 1.2);
    expect(counts.error + counts.unscored).toBeGreaterThan(0);
    expect(failedKinds.size).toBeGreaterThanOrEqual(3);
  }, 90_000);
});
