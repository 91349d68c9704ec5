// Owns deciding, for one suite entry, what runs it here: the registered benchmark, the variant to
// load and its settings — or why it cannot run: its benchmark is not in this app yet, it needs what a
// browser cannot do (tool calls with code execution), or it asks an env arg we do not support.
// Resolved against the registry every time it is shown, so an entry lights up when its environment
// is registered (core/envs/registry.ts). Pure.
import type { EnvModule, MedarcEnvArgsReading } from '../envs/types';
import { isMedarcEnv, medarcLabel, ourEnvId } from './medarcEnvIds';
import type { SuiteEntry } from './suite';

export type EntryResolution =
  | {
      state: 'ready';
      env: EnvModule;
      variantId: string;
      /** The env's defaults with the entry's args applied, checked by its schema. */
      envSettings: Record<string, unknown>;
    }
  /** MedARC has it; this app does not yet. */
  | { state: 'unavailable'; reason: string }
  /** It needs something a browser tab cannot do. */
  | { state: 'blocked'; reason: string }
  /** Unknown environment, or args / scoring this app does not support. */
  | { state: 'unsupported'; reason: string };

/** Env args that make an entry impossible in a browser, and why. */
const BROWSER_BLOCKED_ARGS: Readonly<Record<string, string>> = {
  add_python_tool:
    'it lets the model call tools, running its Python code in a sandbox, which a browser tab cannot do',
  add_calculator_tool:
    'it lets the model call a calculator tool over several turns, which this app does not run',
};

/**
 * The multiple-choice args every MedARC MCQ environment takes (medqa, med_mcqa, pubmedqa…:
 * `load_environment(use_think, shuffle_answers, shuffle_seed, answer_format)`), onto our shared choice
 * settings. Used for a registered env that declares no `medarc` binding of its own.
 */
export function readChoiceEnvArgs(
  env: EnvModule,
  args: Readonly<Record<string, unknown>>,
): MedarcEnvArgsReading {
  const defaults = env.settings.defaults;
  const source = env.source;
  const variantId = source.kind === 'github-notes' ? '' : (source.variants[0]?.id ?? '');
  const settings: Record<string, unknown> = {};
  const unsupported: string[] = [];
  const map: Readonly<Record<string, string>> = {
    use_think: 'useThink',
    shuffle_answers: 'shuffleOptions',
    shuffle_seed: 'shuffleSeed',
    answer_format: 'answerFormat',
  };
  for (const [arg, value] of Object.entries(args)) {
    const setting = map[arg];
    if (setting !== undefined && setting in defaults) settings[setting] = value;
    else unsupported.push(`env arg "${arg}" is not supported by ${env.label} here`);
  }
  return { variantId, settings, unsupported };
}

function blockedReason(entry: SuiteEntry): string | null {
  for (const [arg, why] of Object.entries(BROWSER_BLOCKED_ARGS)) {
    if (entry.envArgs[arg] === true) return `Not runnable in a browser: ${why} (${arg}).`;
  }
  return null;
}

export function resolveEntry(entry: SuiteEntry, envs: readonly EnvModule[]): EntryResolution {
  const blocked = blockedReason(entry);
  if (blocked !== null) return { state: 'blocked', reason: blocked };
  const id = ourEnvId(entry.envId);
  const env = envs.find((candidate) => candidate.id === id);
  if (env === undefined) {
    return isMedarcEnv(entry.envId)
      ? {
          state: 'unavailable',
          reason: `Not available yet: ${medarcLabel(entry.envId)} is not in this app yet.`,
        }
      : { state: 'unsupported', reason: `Unknown environment "${entry.envId}".` };
  }
  if (env.scoring.kind !== 'exact' || env.source.kind === 'github-notes') {
    return {
      state: 'unsupported',
      reason: `${env.label} needs judges or a grader; a suite runs one model and scores in code.`,
    };
  }
  const reading = env.medarc?.readEnvArgs(entry.envArgs) ?? readChoiceEnvArgs(env, entry.envArgs);
  if (reading.unsupported.length > 0) {
    return { state: 'unsupported', reason: `${reading.unsupported.join('; ')}.` };
  }
  if (!env.source.variants.some((variant) => variant.id === reading.variantId)) {
    return { state: 'unsupported', reason: `${env.label} has no dataset "${reading.variantId}".` };
  }
  const parsed = env.settings.schema.safeParse({ ...env.settings.defaults, ...reading.settings });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      state: 'unsupported',
      reason: `${env.label} cannot take these env args: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}.`,
    };
  }
  return { state: 'ready', env, variantId: reading.variantId, envSettings: parsed.data };
}
