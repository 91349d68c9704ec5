// Builds a run from the settings and the stored dataset: its plan (the example ids in run order) and
// its first pending rollouts, stored together; the run engine creates the rest behind its lanes
// (runCreation.ts, issue 14). Also builds re-score runs, which reuse the parent's generations.
import { AppError } from '../../core/errors';
import { selectExamples } from '../../core/envs/mtsamples/selectExamples';
import { runExamples } from '../../core/envs/runExamples';
import { judgesProblem, resolveRunEnv, type RunEnv } from '../../core/envs/runEnv';
import { toEnvExample } from '../../core/envs/storedExample';
import type { DatasetRecord } from '../../core/schema/dataset';
import {
  RUN_SCHEMA_VERSION,
  RunSettingsSchema,
  type RolloutRecord,
  type RunRecord,
  type RunSettings,
} from '../../core/schema/run';
import type { MedevalDb } from '../../data/db';
import { getDataset } from '../../data/datasetStore';
import { createRunWithRollouts } from '../../data/runStore';
import { buildRollouts, firstChunkSize, judgeSlots, readPlannedExamples } from './runCreation';

export interface CreateRunDeps {
  db: MedevalDb;
  now: () => number;
  newId: () => string;
  appVersion: string;
}

function checkSettings(input: RunSettings): { settings: RunSettings } & RunEnv {
  const { settings } = checkShape(input);
  const runEnv = resolveRunEnv(settings, { isNewRun: true });
  const problem = judgesProblem(runEnv.env, settings.judges.length);
  if (problem !== null) {
    throw new AppError('bad_request', `${runEnv.env.label}: ${problem}`, {
      nextStep: 'Correct the judges and start again.',
    });
  }
  return {
    settings: { ...settings, envId: runEnv.env.id, envSettings: runEnv.envSettings },
    ...runEnv,
  };
}

function checkShape(input: RunSettings): { settings: RunSettings } {
  const parsed = RunSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'bad_request',
      `Run settings are invalid: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
      {
        nextStep: 'Correct the setting and start again.',
      },
    );
  }
  return { settings: parsed.data };
}

function datasetRevision(dataset: DatasetRecord): { commit?: string; revision?: string } {
  if (dataset.origin.kind === 'github') return { commit: dataset.origin.commit };
  if (dataset.origin.kind === 'github-files') return { commit: dataset.origin.revision };
  if (dataset.origin.kind === 'huggingface') {
    return { revision: dataset.origin.resolvedRevision ?? dataset.origin.revision };
  }
  return {};
}

export async function createRun(
  deps: CreateRunDeps,
  input: RunSettings,
  name: string,
): Promise<string> {
  const { settings, ...runEnv } = checkSettings(input);
  const dataset = await getDataset(deps.db, settings.datasetId);
  if (dataset?.status !== 'ready') {
    throw new AppError('not_found', 'The dataset for this run is not ready.', {
      nextStep: 'Download or import the dataset first (Dataset page).',
    });
  }
  if (dataset.envId !== runEnv.env.id) {
    throw new AppError('bad_request', `That dataset is not a ${runEnv.env.label} dataset.`, {
      nextStep: `Choose a ${runEnv.env.label} dataset for this run.`,
    });
  }
  const exampleIds = await plannedExampleIds(deps.db, settings, runEnv);
  const now = deps.now();
  const runId = deps.newId();
  const total = exampleIds.length * settings.rolloutsPerExample;
  const first = Math.min(total, firstChunkSize(settings.concurrency));
  const run: RunRecord = {
    schemaVersion: RUN_SCHEMA_VERSION,
    id: runId,
    name,
    kind: 'generate',
    status: 'paused',
    settings,
    dataset: {
      id: dataset.id,
      label: dataset.label,
      ...datasetRevision(dataset),
      rulesVersion: dataset.rulesVersion,
      inputCut: dataset.inputCut,
    },
    appVersion: deps.appVersion,
    createdAt: now,
    updatedAt: now,
    // The rest of the rollouts are created by the run engine, behind its lanes (issue 14).
    ...(first < total ? { creation: { exampleIds, created: first } } : {}),
  };
  const examples = await readPlannedExamples(deps.db, settings, exampleIds, 0, first);
  const plan = { exampleIds, from: 0, to: first };
  const rollouts = buildRollouts(runId, settings, runEnv, plan, examples, now);
  await createRunWithRollouts(deps.db, run, rollouts);
  return runId;
}

/**
 * The run's example ids in run order. A benchmark that filters examples reads them all; the others
 * need only the stored ids (a 5,000-example dataset is not read to start a run).
 */
async function plannedExampleIds(
  db: MedevalDb,
  settings: RunSettings,
  runEnv: RunEnv,
): Promise<number[]> {
  const { env, envSettings } = runEnv;
  const datasetId = settings.datasetId;
  const chosen =
    env.includes === undefined
      ? selectExamples(
          (await db.examples.where('datasetId').equals(datasetId).primaryKeys()).map(
            ([, exampleId]) => exampleId,
          ),
          settings.selection,
        )
      : runExamples(
          await db.examples.where('datasetId').equals(datasetId).toArray(),
          settings.selection,
          runEnv,
        ).map((example) => example.example_id);
  if (chosen.length === 0) {
    const stored = await db.examples.where('datasetId').equals(datasetId).toArray();
    const why = env.selectionProblem?.(stored.map(toEnvExample), envSettings) ?? null;
    throw new AppError('bad_request', why ?? 'No example of this dataset matches these settings.', {
      nextStep: 'Check the benchmark settings (for example the subset) or reload the dataset.',
    });
  }
  return chosen;
}

export interface RescoreOptions {
  judges: RunSettings['judges'];
  judgeTemplate: string;
  judgeSees: RunSettings['judgeSees'];
  normalisation: RunSettings['normalisation'];
}

/** A new run, linked to `parentRunId`, that reuses its generations and asks other judges. */
export async function createRescoreRun(
  deps: CreateRunDeps,
  parentRunId: string,
  options: RescoreOptions,
  name: string,
): Promise<string> {
  // The parent and its rollouts as of one moment: a parent still creating rollouts passes on the
  // plan of the ones it has not created yet (the spread below), which this run then creates.
  const { parent, parentRollouts } = await deps.db.transaction(
    'r',
    deps.db.runs,
    deps.db.rollouts,
    async () => ({
      parent: await deps.db.runs.get(parentRunId),
      parentRollouts: await deps.db.rollouts.where('runId').equals(parentRunId).toArray(),
    }),
  );
  if (parent === undefined)
    throw new AppError('not_found', 'The run to re-score no longer exists.');
  const { settings, ...runEnv } = checkSettings({ ...parent.settings, ...options });
  const now = deps.now();
  const runId = deps.newId();
  const rollouts: RolloutRecord[] = parentRollouts.map((source) => {
    const base = {
      schemaVersion: RUN_SCHEMA_VERSION,
      runId,
      key: source.key,
      example_id: source.example_id,
      rollout_index: source.rollout_index,
      exampleKey: source.exampleKey,
      section: source.section,
      prompt: source.prompt,
      judges: judgeSlots(runEnv, settings),
      updatedAt: now,
    };
    // Rollouts whose generation failed keep no generation and will generate on this run.
    return source.generation === undefined
      ? { ...base, status: 'pending' as const }
      : { ...base, status: 'judging' as const, generation: source.generation };
  });
  const run: RunRecord = {
    ...parent,
    id: runId,
    name,
    kind: 'rescore',
    parentRunId,
    status: 'paused',
    settings,
    appVersion: deps.appVersion,
    createdAt: now,
    updatedAt: now,
  };
  delete run.stopError;
  delete run.startedAt;
  delete run.finishedAt;
  await createRunWithRollouts(deps.db, run, rollouts);
  return runId;
}
