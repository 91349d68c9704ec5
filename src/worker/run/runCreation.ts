// A run's rollouts, built from its plan (the example ids in run order) and stored in chunks (issue 14):
// `createRun` stores the run with its first chunk, enough to fill the lanes, so the first requests go
// out at once; the run engine creates the rest behind its lanes (`createNextRollouts`). Each chunk and
// the run's count of created rollouts are written in one transaction, so a tab closed mid-creation
// leaves whole chunks only, and a resume carries on from the count: nothing half-created, nothing
// created twice.
import { AppError } from '../../core/errors';
import { buildModelMessages } from '../../core/envs/mtsamples/prompt';
import type { RunEnv } from '../../core/envs/runEnv';
import { toEnvExample } from '../../core/envs/storedExample';
import type { ChatMessage } from '../../core/schema/chat';
import type { ExampleRecord } from '../../core/schema/dataset';
import {
  RUN_SCHEMA_VERSION,
  rolloutKey,
  type RolloutRecord,
  type RunRecord,
  type RunSettings,
} from '../../core/schema/run';
import type { MedevalDb } from '../../data/db';
import { addCreatedRollouts } from '../../data/runStore';

/** Rollouts stored with the run: enough for every lane and the queue's first chunk. */
export function firstChunkSize(concurrency: number): number {
  return Math.max(64, 2 * concurrency);
}

/** Rollouts the engine creates per transaction behind its lanes. */
export const CREATION_CHUNK = 250;

/** The model's messages for one example: the env builds them (MTSamples keeps its own builder). */
function promptFor(runEnv: RunEnv, settings: RunSettings, example: ExampleRecord): ChatMessage[] {
  if (runEnv.env.buildPrompt !== undefined) {
    return runEnv.env.buildPrompt(toEnvExample(example), runEnv.envSettings);
  }
  return buildModelMessages(example.question, {
    format: settings.promptFormat,
    useThink: settings.useThink,
  });
}

/** One empty slot per judge for a jury; rubric grades and choice scores keep theirs elsewhere. */
export function judgeSlots(runEnv: RunEnv, settings: RunSettings): null[] {
  return runEnv.env.scoring.kind === 'jury' ? settings.judges.map(() => null) : [];
}

/** The example ids of plan positions `from` (inclusive) to `to` (exclusive), each once. */
function exampleIdsAt(exampleIds: readonly number[], perExample: number, from: number, to: number) {
  const ids: number[] = [];
  for (let position = from; position < to; position++) {
    const id = exampleIds[Math.floor(position / perExample)];
    if (id !== undefined && ids.at(-1) !== id) ids.push(id);
  }
  return ids;
}

/** Reads the examples of plan positions `from`…`to`; an example the dataset lost stops creation. */
export async function readPlannedExamples(
  db: MedevalDb,
  settings: RunSettings,
  exampleIds: readonly number[],
  from: number,
  to: number,
): Promise<Map<number, ExampleRecord>> {
  const ids = exampleIdsAt(exampleIds, settings.rolloutsPerExample, from, to);
  const rows = await db.examples.bulkGet(
    ids.map((id) => [settings.datasetId, id] as [string, number]),
  );
  const examples = new Map<number, ExampleRecord>();
  ids.forEach((id, index) => {
    const row = rows[index];
    if (row === undefined) {
      throw new AppError(
        'not_found',
        `Example ${id} of this run is no longer in its dataset, so its rollouts cannot be created.`,
        { nextStep: 'Restore or re-download the dataset, then resume the run.' },
      );
    }
    examples.set(id, row);
  });
  return examples;
}

/** The pending rollouts of plan positions `from`…`to` (example by example, its rollouts in order). */
export function buildRollouts(
  runId: string,
  settings: RunSettings,
  runEnv: RunEnv,
  plan: { exampleIds: readonly number[]; from: number; to: number },
  examples: ReadonlyMap<number, ExampleRecord>,
  now: number,
): RolloutRecord[] {
  const perExample = settings.rolloutsPerExample;
  const prompts = new Map<number, ChatMessage[]>();
  const rollouts: RolloutRecord[] = [];
  for (let position = plan.from; position < plan.to; position++) {
    const exampleId = plan.exampleIds[Math.floor(position / perExample)];
    const example = exampleId === undefined ? undefined : examples.get(exampleId);
    if (exampleId === undefined || example === undefined) {
      throw new Error(`No example for position ${position} of the run's plan.`);
    }
    let prompt = prompts.get(exampleId);
    if (prompt === undefined) {
      prompt = promptFor(runEnv, settings, example);
      prompts.set(exampleId, prompt);
    }
    const rolloutIndex = position % perExample;
    rollouts.push({
      schemaVersion: RUN_SCHEMA_VERSION,
      runId,
      key: rolloutKey(exampleId, rolloutIndex),
      example_id: exampleId,
      rollout_index: rolloutIndex,
      exampleKey: example.id,
      section: example.group ?? example.extracted_section,
      status: 'pending',
      prompt,
      judges: judgeSlots(runEnv, settings),
      updatedAt: now,
    });
  }
  return rollouts;
}

/**
 * Creates up to `count` more rollouts of a run whose creation is under way, from where its stored
 * count says, and returns their keys (none once every rollout exists). The chunk and the new count
 * commit together; a count that moved meanwhile (another creator) or a deleted run fails the chunk.
 */
export async function createNextRollouts(
  db: MedevalDb,
  run: Pick<RunRecord, 'id' | 'settings' | 'creation'>,
  runEnv: RunEnv,
  count: number,
  now: number,
): Promise<{ keys: string[]; creation: RunRecord['creation'] }> {
  const { creation, settings } = run;
  if (creation === undefined) return { keys: [], creation };
  const total = creation.exampleIds.length * settings.rolloutsPerExample;
  const from = creation.created;
  const to = Math.min(total, from + count);
  const examples = await readPlannedExamples(db, settings, creation.exampleIds, from, to);
  const plan = { exampleIds: creation.exampleIds, from, to };
  const rollouts = buildRollouts(run.id, settings, runEnv, plan, examples, now);
  const next = to === total ? undefined : { exampleIds: creation.exampleIds, created: to };
  await addCreatedRollouts(db, run.id, from, rollouts, next);
  return { keys: rollouts.map((r) => r.key), creation: next };
}
