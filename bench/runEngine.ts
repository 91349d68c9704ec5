// Run engine figures, in Node with fake-indexeddb and the loopback OpenAI mock: the engine's own
// overhead per rollout, how close scheduling comes to the ideal wall time when every request takes
// 100 ms, and a 500-rollout chaos run checked for lost, duplicated or unexplained rollouts.
import 'fake-indexeddb/auto';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { RolloutRecord, RunSettings } from '../src/core/schema/run';
import { openDb, type MedevalDb } from '../src/data/db';
import { listRollouts } from '../src/data/runStore';
import { chatCompletion, createClient } from '../src/llm/client';
import { createRun } from '../src/worker/run/createRun';
import { executeRun, type RunEngineDeps } from '../src/worker/run/runEngine';
import { judgeJson, startMockOpenAI, type MockOpenAI } from '../test/support/mockOpenAI';
import {
  chaosBehaviour,
  exampleMarker,
  expectedChaosCall,
  isJudgeRequest,
  JUDGE_MODELS,
  mockEndpointAt,
  MODEL,
  requestExampleId,
  requestModel,
  runSettings,
  seedDataset,
  statusCounts,
  type ChaosOptions,
} from '../test/support/seedDataset';
import { median, type BenchSection } from './stats';

const KEY = 'bench-key-0123456789';
const REPEATS = 3;
const SERVE_FLAG = '--serve-mock';

interface Measured {
  ms: number;
  rollouts: RolloutRecord[];
  /** Write transactions on the rollouts table, and the time from their start to their commit. */
  writes: number;
  writeMs: number;
}

/** Counts rollout-table write transactions and their lifetime (queueing included). Call before the db opens. */
function timeWrites(db: MedevalDb) {
  const totals = { writes: 0, ms: 0 };
  db.use({
    stack: 'dbcore',
    name: 'bench-write-timer',
    create: (down) => ({
      ...down,
      transaction: (tables, mode, options) => {
        const transaction = down.transaction(tables, mode, options);
        if (mode === 'readwrite' && tables.includes('rollouts')) {
          const started = performance.now();
          (transaction as IDBTransaction).addEventListener('complete', () => {
            totals.writes++;
            totals.ms += performance.now() - started;
          });
        }
        return transaction;
      },
    }),
  });
  return totals;
}

/** One run on a fresh database: seeds, creates, then times executeRun alone. */
async function timedRun(
  examples: number,
  settings: (datasetId: string) => RunSettings,
  deps: Partial<RunEngineDeps> = {},
): Promise<Measured> {
  const db = openDb(`bench-${crypto.randomUUID()}`);
  const writes = timeWrites(db);
  try {
    const datasetId = await seedDataset(db, { count: examples });
    const runSettings = settings(datasetId);
    const runId = await createRun(
      { db, now: Date.now, newId: () => crypto.randomUUID(), appVersion: 'bench' },
      runSettings,
      'bench',
    );
    // Keys by origin, as the engine takes them: KEY for every host the run calls.
    const keys = Object.fromEntries(
      [runSettings.model, ...runSettings.judges].map((e) => [new URL(e.baseUrl).origin, KEY]),
    );
    writes.writes = 0;
    writes.ms = 0;
    const started = performance.now();
    const status = await executeRun(
      {
        db,
        fetch,
        now: Date.now,
        sleep: () => new Promise((resolve) => setTimeout(resolve, 0)),
        ...deps,
      },
      runId,
      keys,
      new AbortController().signal,
      () => 'pause',
    );
    const ms = performance.now() - started;
    if (status !== 'done') throw new Error(`the bench run ended ${status}`);
    const rollouts = await listRollouts(db, runId);
    return { ms, rollouts, writes: writes.writes, writeMs: writes.ms };
  } finally {
    await db.delete();
  }
}

function healthyMock(mock: MockOpenAI): void {
  mock.setDefault((request) =>
    isJudgeRequest(request.body)
      ? { reply: judgeJson({ accuracy: 4, completeness: 4, clarity: 4 }) }
      : { reply: `Plan for ${exampleMarker(requestExampleId(request.body))}: rest and review.` },
  );
}

async function withMock<T>(latencyMs: number, work: (mock: MockOpenAI) => Promise<T>): Promise<T> {
  const mock = await startMockOpenAI({ latencyMs });
  try {
    return await work(mock);
  } finally {
    await mock.close();
  }
}

/**
 * The mock in a child process, so its CPU is not the engine's (as with a real provider). The child
 * is this file run with `--serve-mock <latency>`; it prints its base URL and exits when stdin closes.
 */
async function withMockProcess<T>(latencyMs: number, work: (baseUrl: string) => Promise<T>) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), SERVE_FLAG, String(latencyMs)],
    { cwd: join(import.meta.dirname, '..'), stdio: ['pipe', 'pipe', 'inherit'] },
  );
  try {
    const lines = createInterface({ input: child.stdout });
    const baseUrl = await new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      child.once('exit', (code) => {
        reject(new Error(`the mock process exited (${code ?? 'signal'})`));
      });
    });
    return await work(baseUrl);
  } finally {
    child.stdin.end();
    child.kill();
  }
}

async function serveMock(latencyMs: number): Promise<void> {
  const mock = await startMockOpenAI({ latencyMs });
  healthyMock(mock);
  console.log(mock.baseUrl);
  process.stdin.resume();
  process.stdin.on('end', () => {
    void mock.close().then(() => process.exit(0));
  });
}

/** (a) 131 examples × 3 judges, 0 ms latency, concurrency 16: what the engine itself costs. */
async function overhead(useCache: boolean) {
  return withMock(0, async (mock) => {
    healthyMock(mock);
    const runs: Measured[] = [];
    for (let i = 0; i < REPEATS; i++) {
      runs.push(
        await timedRun(131, (datasetId) =>
          runSettings({
            baseUrl: mock.baseUrl,
            datasetId,
            judgeModels: ['judge-a', 'judge-b', 'judge-c'],
            concurrency: 16,
            useCache,
          }),
        ),
      );
    }
    const ms = median(runs.map((run) => run.ms));
    return {
      rolloutsPerSecond: 131 / (ms / 1000),
      msPerRollout: ms / 131,
      writesPerRollout: median(runs.map((run) => run.writes / 131)),
      writeMsPerRollout: median(runs.map((run) => run.writeMs / run.writes)),
    };
  });
}

const SCHED = { examples: 64, concurrency: 16, latencyMs: 100 };
const IDEAL_MS =
  Math.ceil(SCHED.examples / SCHED.concurrency) * (SCHED.latencyMs + SCHED.latencyMs);

function schedulingRun(baseUrl: string) {
  return timedRun(SCHED.examples, (datasetId) =>
    runSettings({
      baseUrl,
      datasetId,
      judgeModels: ['judge-a'],
      concurrency: SCHED.concurrency,
    }),
  );
}

/** The same requests with no engine and no database: 16 lanes of generate-then-judge. */
async function httpOnly(baseUrl: string): Promise<number> {
  const model = mockEndpointAt(baseUrl, MODEL);
  const judge = mockEndpointAt(baseUrl, 'judge-a');
  const modelClient = createClient(model, KEY);
  const judgeClient = createClient(judge, KEY);
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    for (let id = next++; id < SCHED.examples; id = next++) {
      const marker = exampleMarker(id);
      const answer = await chatCompletion(modelClient, model, [{ role: 'user', content: marker }]);
      await chatCompletion(judgeClient, judge, [
        { role: 'user', content: `<patient_notes>${marker}</patient_notes> ${answer.content}` },
      ]);
    }
  };
  await Promise.all(Array.from({ length: SCHED.concurrency }, lane));
  return performance.now() - started;
}

/** (b) 64 examples × 1 judge, 100 ms per request, concurrency 16, against ceil(64/16) × 200 ms. */
async function scheduling() {
  const outside = await withMockProcess(SCHED.latencyMs, async (baseUrl) => {
    await httpOnly(baseUrl); // warm-up: connections, JIT
    const engine: Measured[] = [];
    const bare: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      engine.push(await schedulingRun(baseUrl));
      bare.push(await httpOnly(baseUrl));
    }
    return { engine, bare };
  });
  const inside = await withMock(SCHED.latencyMs, async (mock) => {
    healthyMock(mock);
    const runs: number[] = [];
    for (let i = 0; i < REPEATS; i++) runs.push((await schedulingRun(mock.baseUrl)).ms);
    return runs;
  });
  const engineMs = median(outside.engine.map((run) => run.ms));
  const bareMs = median(outside.bare);
  return {
    engineMs,
    bareMs,
    ratio: engineMs / IDEAL_MS,
    bareRatio: bareMs / IDEAL_MS,
    insideRatio: median(inside) / IDEAL_MS,
    writesPerRollout: median(outside.engine.map((run) => run.writes / SCHED.examples)),
    writeMs: median(outside.engine.map((run) => run.writeMs / run.writes)),
  };
}

function isExplained(rollout: RolloutRecord): boolean {
  if (rollout.status === 'done') return true;
  if (rollout.status === 'error') {
    const error = rollout.error;
    return error !== undefined && error.message !== '' && (error.attempts ?? 0) >= 1;
  }
  if (rollout.status !== 'unscored' || rollout.unscoredReason === undefined) return false;
  return rollout.judges.every(
    (call) =>
      call !== null &&
      (call.error === undefined
        ? (call.parsed?.problems.length ?? 0) > 0
        : call.error.message !== '' && (call.error.attempts ?? 0) >= 1),
  );
}

/** (c) 500 rollouts × 2 judges with 30 % seeded failures: lost, duplicated, unexplained. */
async function chaos() {
  const options: ChaosOptions = { seed: 7, failureRate: 0.3 };
  const examples = 500;
  const maxAttempts = 3;
  return withMock(0, async (mock) => {
    mock.setDefault(chaosBehaviour(options));
    const run = await timedRun(
      examples,
      (datasetId) =>
        runSettings({ baseUrl: mock.baseUrl, datasetId, concurrency: 16, maxAttempts }),
      { timeoutMs: 300 },
    );
    const keys = new Set(run.rollouts.map((rollout) => rollout.key));
    const seen = new Map<string, number>();
    for (const request of mock.requests) {
      const id = `${requestModel(request.body)}|${requestExampleId(request.body)}`;
      seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    let unpredicted = 0;
    let recordedAttempts = 0;
    for (const rollout of run.rollouts) {
      const id = rollout.example_id;
      recordedAttempts += rollout.generation?.attempts ?? rollout.error?.attempts ?? 0;
      for (const call of rollout.judges) recordedAttempts += call?.attempts ?? 0;
      const generation = expectedChaosCall(options, MODEL, id, false, maxAttempts);
      const judges = JUDGE_MODELS.map((judge) =>
        expectedChaosCall(options, judge, id, true, maxAttempts),
      );
      const expected =
        generation.result === 'failed'
          ? 'error'
          : judges.every((judge) => judge.result !== 'ok')
            ? 'unscored'
            : 'done';
      if (expected !== rollout.status || seen.get(`${MODEL}|${id}`) !== generation.attempts) {
        unpredicted++;
      }
    }
    const counts = statusCounts(run.rollouts);
    return {
      examples,
      ms: run.ms,
      requests: mock.requests.length,
      lost: examples - keys.size,
      duplicated: run.rollouts.length - keys.size,
      unfinished: counts.pending + counts.generating + counts.judging,
      unexplained: run.rollouts.filter((rollout) => !isExplained(rollout)).length,
      unpredicted,
      unaccountedRequests: mock.requests.length - recordedAttempts,
      counts,
    };
  });
}

export async function benchRunEngine(): Promise<BenchSection> {
  const cached = await overhead(true);
  const uncached = await overhead(false);
  const sched = await scheduling();
  const chaotic = await chaos();
  const f1 = (n: number) => n.toFixed(1);
  const f2 = (n: number) => n.toFixed(2);
  const c = chaotic.counts;
  return {
    title: 'Run engine (Node, fake-indexeddb, loopback mock)',
    lines: [
      '| measure | value | target |',
      '|---|---|---|',
      `| (a) overhead: 131 examples × 3 judges, 0 ms latency, concurrency 16, cache on | ${f1(cached.rolloutsPerSecond)} rollouts/s (${f1(cached.msPerRollout)} ms each; ${f1(cached.writesPerRollout)} rollout write transactions each, ${f1(cached.writeMsPerRollout)} ms from start to commit) | — |`,
      `| (a) same, cache off | ${f1(uncached.rolloutsPerSecond)} rollouts/s (${f1(uncached.msPerRollout)} ms each) | — |`,
      `| (b) scheduling: 64 examples × 1 judge, 100 ms per request, concurrency 16, mock in its own process | ${sched.engineMs.toFixed(0)} ms vs ideal ${IDEAL_MS} ms → **${f2(sched.ratio)}** (${f1(sched.writesPerRollout)} rollout writes per rollout, ${f1(sched.writeMs)} ms each from start to commit) | ≤ 1.15 |`,
      `| (b) baseline: the same requests with no engine or database | ${sched.bareMs.toFixed(0)} ms → ${f2(sched.bareRatio)}; the engine adds ${f2(sched.engineMs / sched.bareMs)}× | — |`,
      `| (b) same as (b), mock in this process (its CPU competes with the engine's) | ${f2(sched.insideRatio)} | — |`,
      `| (c) chaos: ${chaotic.examples} rollouts × 2 judges, 30 % seeded failures, maxAttempts 3, 300 ms timeout, concurrency 16 | ${(chaotic.ms / 1000).toFixed(1)} s, ${chaotic.requests} requests; lost ${chaotic.lost}, duplicated ${chaotic.duplicated}, unfinished ${chaotic.unfinished}, unexplained ${chaotic.unexplained}, outcome ≠ seeded prediction ${chaotic.unpredicted}, requests without a recorded attempt ${chaotic.unaccountedRequests} | all 0 |`,
      `| (c) chaos counts | done ${c.done} + unscored ${c.unscored} + error ${c.error} = ${c.done + c.unscored + c.error} | ${chaotic.examples} |`,
      '',
      `Medians of ${REPEATS} runs for (a) and (b). Retry waits are skipped (an injected sleep), so (c) measures the engine, not the back-off.`,
    ],
  };
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  if (process.argv[2] === SERVE_FLAG) {
    await serveMock(Number(process.argv[3] ?? '0'));
  } else {
    const started = performance.now();
    const section = await benchRunEngine();
    console.log([`## ${section.title}`, '', ...section.lines].join('\n'));
    console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
}
