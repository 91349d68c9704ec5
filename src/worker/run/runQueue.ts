// The rollouts a run still has to do, handed to its lanes in order, loaded a chunk at a time: the
// first requests go out after one small read instead of after reading (and hashing the cache keys
// of) every rollout of a 5,000-rollout run, and the next chunk loads while the lanes work (issue 14).
import type { ExampleRecord } from '../../core/schema/dataset';
import type { RolloutRecord, RunRecord } from '../../core/schema/run';
import type { MedevalDb } from '../../data/db';
import { buildRequestBody } from '../../llm/client';
import { responseCacheKey, type ResponseCache } from './responseCache';

export interface RunWork {
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
  { chunkSize = 64 }: { chunkSize?: number } = {},
): Promise<RunQueue> {
  const primaryKeys = await db.rollouts
    .where('[runId+status]')
    .anyOf(UNFINISHED.map((status) => [run.id, status]))
    .primaryKeys();
  const keys = primaryKeys.map(([, key]) => key).sort(byExample);
  let buffer: RunWork[] = [];
  let nextChunk = 0;
  const load = (): Promise<RunWork[]> | null => {
    const from = nextChunk * chunkSize;
    if (from >= keys.length) return null;
    nextChunk++;
    return loadChunk(db, run, keys.slice(from, from + chunkSize), cache);
  };
  let loading = load();
  // Failures surface where the chunk is awaited; until then one must not count as unhandled.
  loading?.catch(() => undefined);
  return {
    total: keys.length,
    async next() {
      while (buffer.length === 0) {
        const pending = loading;
        if (pending === null) return undefined;
        const chunk = await pending;
        // Several lanes await the same chunk: the first to wake takes it and starts the next load.
        if (loading === pending) {
          buffer = chunk;
          loading = load();
          loading?.catch(() => undefined);
        }
      }
      return buffer.shift();
    },
  };
}
