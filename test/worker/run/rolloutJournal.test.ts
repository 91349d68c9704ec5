// The run journal's group commit: changes that arrive while a write is in progress go together in
// the next transaction, compose in order, and each resolves only once it is committed.
import { afterEach, describe, expect, it } from 'vitest';
import type { RolloutRecord } from '../../../src/core/schema/run';
import { openDb, type MedevalDb } from '../../../src/data/db';
import { listRollouts } from '../../../src/data/runStore';
import { createRun } from '../../../src/worker/run/createRun';
import { createRolloutJournal } from '../../../src/worker/run/rolloutJournal';
import { runSettings, seedDataset } from '../../support/seedDataset';

const dbs: MedevalDb[] = [];

afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await openDb(db.name).delete();
  }
});

async function runWith(
  count: number,
): Promise<{ db: MedevalDb; runId: string; keys: string[]; counter: { commits: number } }> {
  const db = openDb(`journal-${crypto.randomUUID()}`);
  dbs.push(db);
  // Middleware applies only if added before the database opens.
  const counter = countCommits(db);
  const datasetId = await seedDataset(db, { count });
  const runId = await createRun(
    { db, now: Date.now, newId: () => crypto.randomUUID(), appVersion: 'test' },
    runSettings({ baseUrl: 'http://127.0.0.1:9/v1', datasetId }),
    'journal',
  );
  const keys = (await listRollouts(db, runId)).map((r) => r.key);
  counter.commits = 0;
  return { db, runId, keys, counter };
}

/** Counts committed read-write transactions on the rollouts table. */
function countCommits(db: MedevalDb): { commits: number } {
  const counter = { commits: 0 };
  db.use({
    stack: 'dbcore',
    name: 'count-commits',
    create: (down) => ({
      ...down,
      transaction: (tables, mode, options) => {
        const transaction = down.transaction(tables, mode, options);
        if (mode === 'readwrite' && tables.includes('rollouts')) {
          (transaction as IDBTransaction).addEventListener('complete', () => counter.commits++);
        }
        return transaction;
      },
    }),
  });
  return counter;
}

const judged =
  (note: string) =>
  (r: RolloutRecord): RolloutRecord => ({
    ...r,
    unscoredReason: `${r.unscoredReason ?? ''}${note}`,
  });

describe('createRolloutJournal', () => {
  it('writes changes that arrive during a write together in the next transaction', async () => {
    const { db, runId, keys, counter } = await runWith(40);
    const journal = createRolloutJournal(db, runId);
    const first = journal.update(keys[0] ?? '', judged('a'));
    const rest = keys.map((key) => journal.update(key, judged('b')));
    await Promise.all([first, ...rest]);
    // The first change goes alone (nothing waits for a timer); the 40 that queued behind it, together.
    expect(journal.stats()).toEqual({ transactions: 2, changes: 41 });
    expect(counter.commits).toBe(2);
    const stored = new Map((await listRollouts(db, runId)).map((r) => [r.key, r]));
    expect(stored.get(keys[0] ?? '')?.unscoredReason).toBe('ab');
    expect(stored.get(keys[1] ?? '')?.unscoredReason).toBe('b');
  });

  it('composes several changes of one rollout in one batch, in order, and resolves each with its state', async () => {
    const { db, runId, keys } = await runWith(2);
    const journal = createRolloutJournal(db, runId);
    const key = keys[1] ?? '';
    void journal.update(keys[0] ?? '', judged('x')); // occupies the first transaction
    const results = await Promise.all(['1', '2', '3'].map((n) => journal.update(key, judged(n))));
    expect(results.map((r) => r?.unscoredReason)).toEqual(['1', '12', '123']);
    expect(journal.stats().transactions).toBe(2);
  });

  it('resolves a change only once it is committed: another connection reads it at once', async () => {
    const { db, runId, keys } = await runWith(3);
    const journal = createRolloutJournal(db, runId);
    await journal.update(keys[2] ?? '', judged('durable'));
    const other = openDb(db.name);
    try {
      const [, , third] = await listRollouts(other, runId);
      expect(third?.unscoredReason).toBe('durable');
    } finally {
      other.close();
    }
  });

  it('rejects every change of a failed batch and goes on with the next', async () => {
    const { db, runId, keys } = await runWith(3);
    const journal = createRolloutJournal(db, runId);
    const ok = journal.update(keys[0] ?? '', judged('ok'));
    const bad = journal.update(keys[1] ?? '', () => {
      throw new Error('a change that cannot apply');
    });
    const sameBatch = journal.update(keys[2] ?? '', judged('lost'));
    await expect(ok).resolves.toMatchObject({ unscoredReason: 'ok' });
    await expect(bad).rejects.toThrow('cannot apply');
    await expect(sameBatch).rejects.toThrow('cannot apply');
    await expect(journal.update(keys[2] ?? '', judged('next'))).resolves.toMatchObject({
      unscoredReason: 'next',
    });
    await journal.settled();
  });

  it('answers undefined for a rollout that no longer exists', async () => {
    const { db, runId } = await runWith(1);
    const journal = createRolloutJournal(db, runId);
    await expect(journal.update('99:0', judged('x'))).resolves.toBeUndefined();
  });
});
