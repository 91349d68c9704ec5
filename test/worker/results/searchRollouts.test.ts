// Full-text search against a real Dexie database (fake-indexeddb), seeded the way the app stores runs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseJudgeReply } from '../../../src/core/envs/mtsamples/judge';
import { AppError } from '../../../src/core/errors';
import type { JudgeCall, RolloutRecord } from '../../../src/core/schema/run';
import { openDb, type MedevalDb } from '../../../src/data/db';
import { getRun, listRollouts, putRollout } from '../../../src/data/runStore';
import { createRun } from '../../../src/worker/run/createRun';
import { clearSearchCache, searchRollouts } from '../../../src/worker/results/searchRollouts';
import { runSettings, seedDataset } from '../../support/seedDataset';

function judgeCall(raw: string, explanation: string): JudgeCall {
  const parsed = parseJudgeReply(
    JSON.stringify({
      accuracy: { score: 4, explanation },
      completeness: { score: 3, explanation: 'Complete enough.' },
      clarity: { score: 5, explanation: 'Clear.' },
    }),
  );
  return {
    judgeIndex: 0,
    model: 'judge-a',
    raw,
    parsed,
    score: 0.8,
    usage: null,
    costUsd: null,
    latencyMs: 10,
    attempts: 1,
    cached: false,
    finishedAt: 1,
  };
}

function withGeneration(rollout: RolloutRecord, content: string): RolloutRecord {
  return {
    ...rollout,
    status: 'done',
    generation: {
      content,
      reasoning: null,
      finishReason: 'stop',
      requestBody: {},
      usage: null,
      costUsd: null,
      latencyMs: 5,
      attempts: 1,
      cached: false,
      finishedAt: 1,
    },
    updatedAt: rollout.updatedAt + 1,
  };
}

let db: MedevalDb;
let runId: string;

beforeEach(async () => {
  clearSearchCache();
  db = openDb(`t-${crypto.randomUUID()}`);
  const datasetId = await seedDataset(db, { count: 4 });
  runId = await createRun(
    { db, now: () => 1000, newId: () => crypto.randomUUID(), appVersion: 'test' },
    runSettings({ baseUrl: 'http://127.0.0.1:9', datasetId }),
    'search test',
  );
  const [r0, r1, r2, r3] = await listRollouts(db, runId);
  if (r0 === undefined || r1 === undefined || r2 === undefined || r3 === undefined) {
    throw new Error('seeding failed');
  }
  await putRollout(db, { ...withGeneration(r0, 'Closed reduction and CAST.'), notes: 'Zebra' });
  await putRollout(db, withGeneration(r1, 'Laparoscopic repair.'));
  await putRollout(db, {
    ...withGeneration(r2, 'Open repair with mesh.'),
    judges: [
      judgeCall('{"verdict": "see below", "mentions": "haematoma"}', 'Omits the DRAIN.'),
      null,
    ],
  });
  // r3 stays pending: no response, no judges; only its reference can match.
});

afterEach(async () => {
  db.close();
  await db.delete();
});

const search = (query: string, isRegex = false) => searchRollouts(db, runId, query, { isRegex });

describe('searchRollouts', () => {
  it.each<[string, boolean, string[]]>([
    ['zebra', false, ['0:0']], // notes, case-insensitive
    ['cast.', false, ['0:0']], // response; a plain query's dot is literal
    ['laparoscopic', false, ['1:0']],
    ['drain', false, ['2:0']], // a judge's explanation
    ['haematoma', false, ['2:0']], // a judge's raw reply
    ['[example 3]', false, ['3:0']], // the reference from the dataset
    ['heavy lifting', false, ['0:0', '1:0', '2:0', '3:0']],
    ['no such words', false, []],
    ['^open|laparo', true, ['1:0', '2:0']],
    ['lifting for [45] weeks', true, ['2:0', '3:0']],
    ['CAST\\.', true, ['0:0']],
  ])('%j (regex: %s)', async (query, isRegex, expected) => {
    expect((await search(query, isRegex)).sort()).toEqual(expected);
  });

  it('rejects an invalid pattern with a clear bad_request error', async () => {
    const error = await search('(unclosed', true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('bad_request');
    expect((error as AppError).message).toMatch(/^Invalid regular expression: /);
  });

  it('reads the reference from an imported rollout when the dataset is not here', async () => {
    const run = await getRun(db, runId);
    const [first] = await listRollouts(db, runId);
    if (run === undefined || first === undefined) throw new Error('seeding failed');
    const importedId = 'imported-run';
    await db.runs.put({
      ...run,
      id: importedId,
      origin: 'imported',
      settings: { ...run.settings, datasetId: 'not-in-this-browser' },
    });
    await putRollout(db, {
      ...first,
      runId: importedId,
      imported: { source: 'verifiers', line: 1, notes: [], raw: { answer: 'Quokka plan' } },
    });
    await putRollout(db, { ...first, runId: importedId, key: '1:0', example_id: 1 });
    expect(await searchRollouts(db, importedId, 'quokka', { isRegex: false })).toEqual(['0:0']);
    // Without a dataset, the synthetic reference text is not searchable.
    expect(await searchRollouts(db, importedId, 'heavy lifting', { isRegex: false })).toEqual([]);
  });

  it('keeps the text between searches and rebuilds it when a rollout changes', async () => {
    let reads = 0;
    db.rollouts.hook('reading', (rollout) => {
      reads++;
      return rollout;
    });
    expect(await search('zebra')).toEqual(['0:0']);
    expect(reads).toBe(4);
    expect(await search('laparoscopic')).toEqual(['1:0']);
    expect(await search('zebr', true)).toEqual(['0:0']);
    expect(reads).toBe(4); // the cache answered

    const [, second] = await listRollouts(db, runId);
    if (second === undefined) throw new Error('seeding failed');
    reads = 0;
    await putRollout(db, { ...second, notes: 'zebra too', updatedAt: second.updatedAt + 1 });
    expect((await search('zebra')).sort()).toEqual(['0:0', '1:0']);
    expect(reads).toBe(4);
  });

  it('trusts a version the caller names, and rebuilds when it differs', async () => {
    let reads = 0;
    db.rollouts.hook('reading', (rollout) => {
      reads++;
      return rollout;
    });
    const first = await searchRollouts(db, runId, 'zebra', { isRegex: false, version: 'v1' });
    expect(first).toEqual(['0:0']);
    const rows = await db.rolloutRows.where('runId').equals(runId).toArray();
    const latest = Math.max(...rows.map((row) => row.updatedAt));
    const version = `${rows.length}:${latest}`;
    reads = 0;
    await searchRollouts(db, runId, 'zebra', { isRegex: false, version });
    expect(reads).toBe(0);
    await searchRollouts(db, runId, 'zebra', { isRegex: false, version: 'v2' });
    expect(reads).toBe(4);
  });

  it('says when the run does not exist', async () => {
    await expect(searchRollouts(db, 'gone', 'x', { isRegex: false })).rejects.toMatchObject({
      kind: 'not_found',
    });
  });
});
