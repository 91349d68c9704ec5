// The only code that touches IndexedDB. Both the worker (writes) and the UI (live queries) open the
// same database; Dexie broadcasts writes across contexts, so UI queries refresh with no messaging.
import Dexie, { type EntityTable } from 'dexie';
import type { DatasetRecord, ExampleRecord, NoteRecord, SkipRecord } from '../core/schema/dataset';
import type { CachedResponse, RolloutRecord, RunRecord } from '../core/schema/run';
import { toRolloutRow, type RolloutRow } from '../core/results/rolloutRow';
import type { CorpusChunkRecord, CorpusRecord } from '../core/schema/corpus';
import type { RunRewards, StoredRunDigest } from '../core/suites/runDigest';
import type { StoredSuite, SuiteRunRecord } from '../core/suites/suiteRun';

interface SettingRecord {
  key: string;
  value: unknown;
}

export type MedevalDb = Dexie & {
  datasets: EntityTable<DatasetRecord, 'id'>;
  notes: Dexie.Table<NoteRecord, [string, string]>;
  examples: Dexie.Table<ExampleRecord, [string, number]>;
  skips: Dexie.Table<SkipRecord, [string, string]>;
  settings: EntityTable<SettingRecord, 'key'>;
  runs: EntityTable<RunRecord, 'id'>;
  rollouts: Dexie.Table<RolloutRecord, [string, string]>;
  responseCache: EntityTable<CachedResponse, 'key'>;
  rolloutRows: Dexie.Table<RolloutRow, [string, string]>;
  corpora: EntityTable<CorpusRecord, 'id'>;
  corpusChunks: Dexie.Table<CorpusChunkRecord, [string, number]>;
  runDigests: EntityTable<StoredRunDigest, 'runId'>;
  runRewards: EntityTable<RunRewards, 'runId'>;
  suites: EntityTable<StoredSuite, 'id'>;
  suiteRuns: EntityTable<SuiteRunRecord, 'id'>;
};

const DB_NAME = 'medeval';

export function openDb(name: string = DB_NAME): MedevalDb {
  const db = new Dexie(name) as MedevalDb;
  // Raw note text is not indexed (large values stay out of indexes: browser-platform §3).
  db.version(1).stores({
    datasets: 'id, updatedAt',
    notes: '[datasetId+name], datasetId',
    examples: '[datasetId+example_id], datasetId',
    skips: '[datasetId+name], datasetId',
    settings: 'key',
  });
  // Version 2 (issue 3) adds runs; version 1 data is untouched.
  db.version(2).stores({
    runs: 'id, updatedAt, status',
    rollouts: '[runId+key], runId, [runId+status]',
    responseCache: 'key, createdAt',
  });
  // Version 3 (issue 4) adds the compact rows the results table reads, backfilled from rollouts.
  db.version(3)
    .stores({ rolloutRows: '[runId+key], runId' })
    .upgrade(async (tx) => {
      await tx
        .table<RolloutRecord>('rollouts')
        .toCollection()
        .each((rollout) => tx.table<RolloutRow>('rolloutRows').put(toRolloutRow(rollout)));
    });
  // Version 4 (issue 6) adds training corpora loaded for browsing and sampling; rows are stored in
  // chunks keyed by position and not indexed (search runs in the worker). A key range over
  // [corpusId+chunk] serves reads and deletes, so there is no separate corpusId index.
  db.version(4).stores({ corpora: 'id, updatedAt', corpusChunks: '[corpusId+chunk]' });
  // Version 5 (issue 15) adds suites: imported suite files, suite runs (which runs a suite created),
  // and each run's digest for the leaderboard (core/suites/runDigest), computed from its compact rows
  // on demand, so nothing needs backfilling.
  db.version(5).stores({
    runDigests: 'runId',
    suites: 'id, updatedAt',
    suiteRuns: 'id, createdAt',
  });
  // Version 6 (issue 15) keeps each run's per-example rewards apart from its digest, so the page
  // reads digests of a few hundred bytes and only the worker reads rewards (for win rates). Digests
  // of version 5 are recomputed when the leaderboard sees them (core/suites/runDigest).
  db.version(6).stores({ runRewards: 'runId' });
  return db;
}
