// Builds a run and all its pending rollouts from the settings and the stored dataset, and stores
// them together. Also builds re-score runs, which reuse the parent's generations.
import { AppError } from '../../core/errors';
import { buildModelMessages } from '../../core/envs/mtsamples/prompt';
import { runExamples } from '../../core/envs/runExamples';
import { judgesProblem, resolveRunEnv, type RunEnv } from '../../core/envs/runEnv';
import { toEnvExample } from '../../core/envs/storedExample';
import type { DatasetRecord, ExampleRecord } from '../../core/schema/dataset';
import type { ChatMessage } from '../../core/schema/chat';
import {
  RUN_SCHEMA_VERSION,
  RunSettingsSchema,
  rolloutKey,
  type RolloutRecord,
  type RunRecord,
  type RunSettings,
} from '../../core/schema/run';
import type { MedevalDb } from '../../data/db';
import { getDataset } from '../../data/datasetStore';
import { createRunWithRollouts, getRun, listRollouts } from '../../data/runStore';

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
function judgeSlots(runEnv: RunEnv, settings: RunSettings): null[] {
  return runEnv.env.scoring.kind === 'jury' ? settings.judges.map(() => null) : [];
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
  const { env, envSettings } = runEnv;
  const stored = await deps.db.examples.where('datasetId').equals(settings.datasetId).toArray();
  const chosen = runExamples(stored, settings.selection, runEnv);
  if (chosen.length === 0) {
    const why = env.selectionProblem?.(stored.map(toEnvExample), envSettings) ?? null;
    throw new AppError('bad_request', why ?? 'No example of this dataset matches these settings.', {
      nextStep: 'Check the benchmark settings (for example the subset) or reload the dataset.',
    });
  }
  const now = deps.now();
  const runId = deps.newId();
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
  };
  const rollouts: RolloutRecord[] = chosen.flatMap((example) => {
    const exampleId = example.example_id;
    const prompt = promptFor(runEnv, settings, example);
    return Array.from({ length: settings.rolloutsPerExample }, (_, rolloutIndex) => ({
      schemaVersion: RUN_SCHEMA_VERSION,
      runId,
      key: rolloutKey(exampleId, rolloutIndex),
      example_id: exampleId,
      rollout_index: rolloutIndex,
      exampleKey: example.id,
      section: example.group ?? example.extracted_section,
      status: 'pending' as const,
      prompt,
      judges: judgeSlots(runEnv, settings),
      updatedAt: now,
    }));
  });
  await createRunWithRollouts(deps.db, run, rollouts);
  return runId;
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
  const parent = await getRun(deps.db, parentRunId);
  if (parent === undefined)
    throw new AppError('not_found', 'The run to re-score no longer exists.');
  const { settings, ...runEnv } = checkSettings({ ...parent.settings, ...options });
  const now = deps.now();
  const runId = deps.newId();
  const parentRollouts = await listRollouts(deps.db, parentRunId);
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
