// The rollouts a run still has to do, handed to its lanes in order, loaded a chunk at a time: the
// first requests go out after one small read instead of after reading (and hashing the cache keys
// of) every rollout of a 5,000-rollout run, and the next chunk loads while the lanes work (issue 14).
// Rollouts the engine creates behind the lanes (runCreation.ts) join the queue as they are stored.
import type { ExampleRecord } from '../../core/schema/dataset';
import type { RolloutRecord, RunRecord } from '../../core/schema/run';
import type { MedevalDb } from '../../data/db';
import { buildRequestBody } from '../../llm/client';
import { responseCacheKey, type ResponseCache } from './responseCache';

interface RunWork {
  rollout: RolloutRecord;
  /** Undefined when the dataset lost the example (deleted or re-imported). */
  example: ExampleRecord | undefined;
}

export interface RunQueue {
  /** The next unfinished rollout, or undefined when none is left. */
  next(): Promise<RunWork | undefined>;
  /** How many rollouts were unfinished when the queue opened. */
  total: number;
}

/**
 * Rollouts created while the queue runs (runCreation.ts): each call resolves with the keys of the
 * next chunk once it is stored, or undefined when there will be no more.
 */
export type CreatedKeys = () => Promise<string[] | undefined>;

const UNFINISHED = ['pending', 'judging'] as const;

/** `exampleId:rolloutIndex` keys in example order, then rollout order. */
function byExample(a: string, b: string): number {
  const [ea = 0, ra = 0] = a.split(':').map(Number);
  const [eb = 0, rb = 0] = b.split(':').map(Number);
  return ea - eb || ra - rb;
}

async function loadChunk(
  db: MedevalDb,
  run: RunRecord,
  keys: readonly string[],
  cache: ResponseCache | null,
): Promise<RunWork[]> {
  const stored = await db.rollouts.bulkGet(keys.map((key) => [run.id, key] as [string, string]));
  const rollouts = stored.filter(
    (r): r is RolloutRecord =>
      r !== undefined && (UNFINISHED as readonly string[]).includes(r.status),
  );
  const exampleIds = [...new Set(rollouts.map((r) => r.example_id))];
  const rows = await db.examples.bulkGet(
    exampleIds.map((id) => [run.settings.datasetId, id] as [string, number]),
  );
  const examples = new Map(exampleIds.map((id, index) => [id, rows[index]]));
  // One read for the chunk's cached generations instead of one per rollout on each lane's path.
  if (cache !== null) {
    const toGenerate = rollouts.filter((r) => r.generation === undefined);
    await cache.prefetch(
      await Promise.all(
        toGenerate.map((r) =>
          responseCacheKey(
            run.settings.model.baseUrl,
            buildRequestBody(run.settings.model, r.prompt),
            r.rollout_index,
          ),
        ),
      ),
    );
  }
  return rollouts.map((rollout) => ({ rollout, example: examples.get(rollout.example_id) }));
}

export async function openRunQueue(
  db: MedevalDb,
  run: RunRecord,
  cache: ResponseCache | null,
  { chunkSize = 64, created }: { chunkSize?: number; created?: CreatedKeys } = {},
): Promise<RunQueue> {
  const primaryKeys = await db.rollouts
    .where('[runId+status]')
    .anyOf(UNFINISHED.map((status) => [run.id, status]))
    .primaryKeys();
  // Stored rollouts first, then those created behind the lanes, in the order they are created.
  const keys = primaryKeys.map(([, key]) => key).sort(byExample);
  const total = keys.length;
  let isCreating = created !== undefined;
  let buffer: RunWork[] = [];
  let loaded = 0;
  const load = async (): Promise<RunWork[] | null> => {
    while (loaded >= keys.length && isCreating && created !== undefined) {
      const more = await created();
      if (more === undefined) isCreating = false;
      else keys.push(...more);
    }
    if (loaded >= keys.length) return null;
    const chunk = keys.slice(loaded, loaded + chunkSize);
    loaded += chunk.length;
    return loadChunk(db, run, chunk, cache);
  };
  let loading = load();
  // Failures surface where the chunk is awaited; until then one must not count as unhandled.
  loading.catch(() => undefined);
  return {
    total,
    async next() {
      while (buffer.length === 0) {
        const pending = loading;
        const chunk = await pending;
        if (chunk === null) return undefined;
        // Several lanes await the same chunk: the first to wake takes it and starts the next load.
        if (loading === pending) {
          buffer = chunk;
          loading = load();
          loading.catch(() => undefined);
        }
      }
      return buffer.shift();
    },
  };
}
