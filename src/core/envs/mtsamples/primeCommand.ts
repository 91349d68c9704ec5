// Owns the `prime eval run mtsamples_procedures …` command line equivalent to a run (spec §6), so a
// run that outgrows the browser can be repeated with the reference tooling. Keys never appear: `-k`
// takes the *name* of an environment variable. Settings the reference CLI cannot express are listed
// as caveats instead of being silently dropped. Pure.
import type { EndpointConfig } from '../../schema/endpoint';
import type { RunSettings } from '../../schema/run';
import { DEFAULT_JUDGE_TEMPLATE } from './judgeTemplate';

const PRIME_ENV_ID = 'mtsamples_procedures';

/** The conventional key variable per provider preset; OpenAI's is the tooling's default. */
const KEY_ENV_VARS: Readonly<Record<string, string>> = {
  openai: 'OPENAI_API_KEY',
  openrouter: 'OPENROUTER_API_KEY',
  together: 'TOGETHER_API_KEY',
  groq: 'GROQ_API_KEY',
  mistral: 'MISTRAL_API_KEY',
  gemini: 'GEMINI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
};

export function keyEnvVarFor(presetId: string): string {
  return KEY_ENV_VARS[presetId] ?? 'OPENAI_API_KEY';
}

const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** POSIX shell quoting: bare when safe, else single quotes with each `'` written as `'\''`. */
export function shellQuote(value: string): string {
  if (SHELL_SAFE.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** The sampling fields the reference CLI takes as `-S` JSON (max_tokens and temperature have flags). */
function samplingJson(endpoint: EndpointConfig): Record<string, unknown> | null {
  const { top_p, seed, extra } = endpoint.sampling;
  const json: Record<string, unknown> = {
    ...(top_p === undefined ? {} : { top_p }),
    ...(seed === undefined ? {} : { seed }),
    ...extra,
  };
  return Object.keys(json).length === 0 ? null : json;
}

function caveatsFor(settings: RunSettings): string[] {
  const caveats: string[] = [];
  if (settings.selection.mode === 'shuffle') {
    caveats.push(
      `examples are a seeded shuffle (seed ${settings.selection.seed}); the CLI takes the first n`,
    );
  }
  if (settings.promptFormat === 'helm') {
    caveats.push(
      'the HELM prompt format is this app’s option; the environment sends chat messages',
    );
  }
  if (settings.judgeSees === 'after_think') {
    caveats.push('judges see only the text after </think> here; the environment shows them all');
  }
  if (settings.normalisation === 'minus_one') {
    caveats.push('rewards use (score − 1) / 4 here; the environment uses score / 5');
  }
  if (settings.judgeTemplate !== DEFAULT_JUDGE_TEMPLATE) {
    caveats.push('the judge template was edited; the environment uses its own');
  }
  const hasSampling = ({ sampling }: EndpointConfig) =>
    [sampling.temperature, sampling.max_tokens, sampling.top_p, sampling.seed].some(
      (value) => value !== undefined,
    ) || Object.keys(sampling.extra).length > 0;
  if (settings.judges.some(hasSampling)) {
    caveats.push('judge sampling settings are not passed to the environment');
  }
  const judgeVars = [...new Set(settings.judges.map((judge) => keyEnvVarFor(judge.presetId)))];
  caveats.push(
    `judge keys are not in the command: give the environment the key in ${judgeVars.join(', ')} (its judge_api_key argument)`,
  );
  return caveats;
}

export interface PrimeCommand {
  command: string;
  /** What the command cannot reproduce, in words. */
  caveats: string[];
}

export function primeEvalCommand(settings: RunSettings): PrimeCommand {
  const { model } = settings;
  const n = settings.selection.mode === 'all' ? -1 : settings.selection.n;
  const envArgs = {
    judge_model: settings.judges.map((judge) => judge.model),
    judge_base_url: settings.judges.map((judge) => judge.baseUrl),
    use_think: settings.useThink,
  };
  const args: string[] = [
    'prime eval run',
    PRIME_ENV_ID,
    `-m ${shellQuote(model.model)}`,
    `-b ${shellQuote(model.baseUrl)}`,
    `-k ${keyEnvVarFor(model.presetId)}`,
    `-n ${n}`,
    `-r ${settings.rolloutsPerExample}`,
    `-c ${settings.concurrency}`,
  ];
  if (model.sampling.max_tokens !== undefined) args.push(`-t ${model.sampling.max_tokens}`);
  if (model.sampling.temperature !== undefined) args.push(`-T ${model.sampling.temperature}`);
  const sampling = samplingJson(model);
  if (sampling !== null) args.push(`-S ${shellQuote(JSON.stringify(sampling))}`);
  if (settings.maxAttempts > 1) args.push(`--max-retries ${settings.maxAttempts - 1}`);
  args.push(`-a ${shellQuote(JSON.stringify(envArgs))}`);
  return { command: args.join(' '), caveats: caveatsFor(settings) };
}
