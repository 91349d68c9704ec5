// The new-run form's state (as typed) and its conversion to RunSettings, validated by
// RunSettingsSchema. Defaults are the spec's (mtsamples-procedures.md §6).
import {
  DEFAULT_JUDGE_TEMPLATE,
  validateJudgeTemplate,
} from '../../../core/envs/mtsamples/judgeTemplate';
import type { Normalisation } from '../../../core/envs/mtsamples/judge';
import type { JudgeVisibility, PromptFormat } from '../../../core/envs/mtsamples/prompt';
import { RunSettingsSchema, type RunSettings } from '../../../core/schema/run';
import { envOf, findEnv } from '../../../core/envs/registry';
import { fileMetricsSettingsOf } from '../../../core/results/fileMetrics';
import type { EnvModule } from '../../../core/envs/types';
import {
  checkEndpoint,
  draftFromConfig,
  draftFromPreset,
  type EndpointDraft,
} from './endpointDraft';

export type SelectionMode = 'first' | 'all' | 'shuffle';

export interface RunDraft {
  name: string;
  datasetId: string;
  selectionMode: SelectionMode;
  n: string;
  seed: string;
  rolloutsPerExample: string;
  concurrency: string;
  maxAttempts: string;
  promptFormat: PromptFormat;
  useThink: boolean;
  judgeSees: JudgeVisibility;
  normalisation: Normalisation;
  useCache: boolean;
  judgeTemplate: string;
  model: EndpointDraft;
  judges: EndpointDraft[];
  /** The benchmark's own settings as typed (its `settings.fields`); its schema checks them. */
  envSettings: Record<string, unknown>;
}

export function defaultRunDraft(datasetId: string): RunDraft {
  return {
    name: '',
    datasetId,
    selectionMode: 'first',
    n: '5',
    seed: '0',
    rolloutsPerExample: '1',
    concurrency: '8',
    maxAttempts: '5',
    promptFormat: 'chat',
    useThink: false,
    judgeSees: 'full',
    normalisation: 'fraction',
    useCache: true,
    judgeTemplate: DEFAULT_JUDGE_TEMPLATE,
    model: { ...draftFromPreset('openai'), model: '' },
    judges: [draftFromPreset('openai')],
    envSettings: {},
  };
}

/** A form pre-filled from an earlier run (its endpoints and settings; a fresh name). */
export function runDraftFrom(settings: RunSettings): RunDraft {
  const { selection } = settings;
  return {
    ...defaultRunDraft(settings.datasetId),
    selectionMode: selection.mode,
    n: selection.mode === 'all' ? '5' : String(selection.n),
    seed: selection.mode === 'shuffle' ? String(selection.seed) : '0',
    rolloutsPerExample: String(settings.rolloutsPerExample),
    concurrency: String(settings.concurrency),
    maxAttempts: String(settings.maxAttempts),
    promptFormat: settings.promptFormat,
    useThink: settings.useThink,
    judgeSees: settings.judgeSees,
    normalisation: settings.normalisation,
    useCache: settings.useCache,
    judgeTemplate: settings.judgeTemplate,
    model: draftFromConfig(settings.model),
    judges: settings.judges.map(draftFromConfig),
    envSettings: settings.envSettings ?? {},
  };
}

export interface RunCheck {
  settings: RunSettings | null;
  /** Problems with the run settings themselves (endpoint problems are shown by each editor). */
  problems: string[];
  endpointsOk: boolean;
}

function integer(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

/** The judges a benchmark takes from the form: a jury, its one grader, or none. */
function judgesFor(env: EnvModule, judges: readonly EndpointDraft[]): readonly EndpointDraft[] {
  if (env.scoring.kind === 'jury') return judges;
  if (env.scoring.kind === 'rubric') return judges.slice(0, 1);
  return [];
}

function envProblems(env: EnvModule, envSettings: Record<string, unknown>): string[] {
  const parsed = env.settings.schema.safeParse({ ...env.settings.defaults, ...envSettings });
  if (parsed.success) return [];
  return parsed.error.issues.map(
    (issue) => `${env.label} ${issue.path.join('.')}: ${issue.message}`,
  );
}

export function checkRunDraft(draft: RunDraft, env: EnvModule = envOf(undefined)): RunCheck {
  const model = checkEndpoint(draft.model);
  const judges = judgesFor(env, draft.judges).map(checkEndpoint);
  const endpointsOk = model.ok && judges.every((judge) => judge.ok);
  const selection =
    draft.selectionMode === 'all'
      ? { mode: 'all' as const }
      : draft.selectionMode === 'first'
        ? { mode: 'first' as const, n: integer(draft.n) }
        : { mode: 'shuffle' as const, n: integer(draft.n), seed: integer(draft.seed) };
  const parsed = RunSettingsSchema.safeParse({
    envId: env.id,
    envSettings: { ...env.settings.defaults, ...draft.envSettings },
    datasetId: draft.datasetId,
    selection,
    rolloutsPerExample: integer(draft.rolloutsPerExample),
    concurrency: integer(draft.concurrency),
    maxAttempts: integer(draft.maxAttempts),
    promptFormat: draft.promptFormat,
    useThink: draft.useThink,
    judgeSees: draft.judgeSees,
    normalisation: draft.normalisation,
    judgeTemplate: draft.judgeTemplate,
    useCache: draft.useCache,
    model: model.ok ? model.config : null,
    judges: judges.map((judge) => (judge.ok ? judge.config : null)),
  });
  const problems = parsed.success
    ? []
    : parsed.error.issues
        // Endpoint problems are reported next to their endpoint.
        .filter((issue) => !['model', 'judges', 'datasetId'].includes(String(issue.path[0])))
        .map(
          (issue) =>
            `${SETTING_LABELS[String(issue.path[0])] ?? issue.path.join('.')}: ${issue.message}`,
        );
  if (draft.datasetId === '') problems.unshift('choose a dataset');
  if (env.scoring.kind === 'jury') {
    for (const problem of validateJudgeTemplate(draft.judgeTemplate)) {
      problems.push(`judge template: ${problem}`);
    }
  }
  problems.push(...envProblems(env, draft.envSettings));
  if (env.scoring.kind === 'jury' && draft.judges.length === 0)
    problems.push('add at least one judge');
  const isValid = parsed.success && problems.length === 0;
  return { settings: isValid ? parsed.data : null, problems, endpointsOk };
}

const SETTING_LABELS: Record<string, string> = {
  selection: 'examples',
  rolloutsPerExample: 'rollouts per example',
  concurrency: 'concurrency',
  maxAttempts: 'attempts',
  judgeTemplate: 'judge template',
};

/**
 * The run's name when none is typed: model and judges (or the benchmark, when no jury). A run read
 * from another environment's file has no benchmark here: the environment the file names.
 */
export function defaultRunName(settings: RunSettings): string {
  const env = findEnv(settings.envId);
  if (env === undefined) {
    const named = fileMetricsSettingsOf(settings).env_id ?? 'an environment not run here';
    return `${settings.model.model} on ${named}`;
  }
  if (env.scoring.kind === 'exact') return `${settings.model.model} on ${env.label}`;
  const judges = settings.judges.map((judge) => judge.model).join(' + ');
  if (env.scoring.kind === 'rubric')
    return `${settings.model.model} on ${env.label}, graded by ${judges}`;
  return `${settings.model.model} judged by ${judges}`;
}

/** The run-name field's hint: the shape `defaultRunName` will give this benchmark's runs. */
export function runNamePlaceholder(env: EnvModule): string {
  switch (env.scoring.kind) {
    case 'jury':
      return 'model judged by judges';
    case 'exact':
      return `model on ${env.label}`;
    case 'rubric':
      return `model on ${env.label}, graded by grader`;
  }
}

/** The benchmark of the chosen dataset (MTSamples until one is chosen). */
export function envOfDataset(
  datasets: readonly { id: string; envId: string }[],
  datasetId: string,
): EnvModule {
  return findEnv(datasets.find((d) => d.id === datasetId)?.envId) ?? envOf(undefined);
}

/** What changes in the form when the benchmark changes: its settings' defaults, its grader. */
export function draftForEnv(env: EnvModule, draft: RunDraft): Partial<RunDraft> {
  if (env.scoring.kind !== 'rubric') return { envSettings: {} };
  const grader = env.scoring.graderDefaults;
  const first = draft.judges[0] ?? draftFromPreset('openai');
  return {
    envSettings: {},
    judges: [
      {
        ...first,
        model: first.presetId === 'openai' ? grader.model : first.model,
        temperature: String(grader.temperature),
        maxTokens: String(grader.maxTokens),
      },
    ],
  };
}
