// Group commit for a run's journal (issue 14). Every response is written as it arrives, but the
// writes that arrive while a transaction is being committed go together in the next one, so a run
// pays one IndexedDB transaction (and one cross-tab change notice) per batch instead of one per
// response, and the journal keeps up with hundreds of responses a second. Each change resolves once
// its transaction has committed; what depends on a change is written only after it (the judges'
// answers after the generation they read, through `journalAfter`) and a lane takes its next rollout
// only after its last one's final write, so a closed tab loses at most the requests in flight and
// the journal can never fall behind the network.
import type { RolloutRecord } from '../../core/schema/run';
import type { MedevalDb } from '../../data/db';
import { updateRollouts, type RolloutChange } from '../../data/runStore';

export interface RolloutJournal {
  /** Queues a read-modify-write of one rollout; resolves with it as committed. */
  update(
    key: string,
    change: (rollout: RolloutRecord) => RolloutRecord,
  ): Promise<RolloutRecord | undefined>;
  /** Resolves when everything queued so far has been written (or has failed). */
  settled(): Promise<void>;
  /** Transactions committed so far and the changes they carried (for the bench and tests). */
  stats(): { transactions: number; changes: number };
}

interface Queued extends RolloutChange {
  resolve: (rollout: RolloutRecord | undefined) => void;
  reject: (error: unknown) => void;
}

/**
 * The first change after a quiet spell is written at once; changes that arrive while a write is in
 * progress wait for it and go together. No timer: under load the batches grow by themselves, and an
 * idle run pays no added latency.
 */
export function createRolloutJournal(
  db: MedevalDb,
  runId: string,
  {
    maxBatch = 500,
    onCommitted,
  }: { maxBatch?: number; onCommitted?: (rollout: RolloutRecord) => void } = {},
): RolloutJournal {
  let queue: Queued[] = [];
  let writing: Promise<void> | null = null;
  const counts = { transactions: 0, changes: 0 };

  const drain = async (): Promise<void> => {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        const results = await updateRollouts(db, runId, batch);
        counts.transactions++;
        counts.changes += batch.length;
        batch.forEach((item, index) => {
          const rollout = results[index];
          if (rollout !== undefined) onCommitted?.(rollout);
          item.resolve(rollout);
        });
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
    writing = null;
  };

  return {
    update(key, change) {
      return new Promise((resolve, reject) => {
        queue.push({ key, change, resolve, reject });
        writing ??= drain();
      });
    },
    async settled() {
      while (writing !== null) await writing;
    },
    stats: () => ({ ...counts }),
  };
}

/**
 * The journal with every change held until `first` has committed (and failing as it failed): what
 * depends on a write can be prepared while it commits, and is still written after it.
 */
export function journalAfter(journal: RolloutJournal, first: Promise<unknown>): RolloutJournal {
  return {
    ...journal,
    async update(key, change) {
      await first;
      return journal.update(key, change);
    },
  };
}
