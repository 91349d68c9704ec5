// Owns turning one expanded eval config (expandEvalToml.ts) into a suite entry: its fields checked with
// zod (clear errors naming the evaluation), `name` rendered from its env args, and every field a
// browser run replaces or ignores listed — never dropped silently. Pure.
import { z } from '../zod';
import { SuiteFileError, type TomlConfig } from './expandEvalToml';
import { SuiteSamplingSchema, type SuiteEntry, type SuiteSampling } from './suite';

/** MedARC's adapter defaults when a config leaves them out (verifiers_adapter.py). */
const DEFAULT_NUM_EXAMPLES = 5;
const DEFAULT_ROLLOUTS_PER_EXAMPLE = 3;

/** Fields that choose an endpoint or a key: the user's own endpoint and key are used instead. */
const ENDPOINT_FIELDS = new Set([
  'model',
  'provider',
  'endpoint_id',
  'endpoints_path',
  'api_client_type',
  'api_key_var',
  'api_base_url',
  'header',
  'headers',
  'header_from_state',
  'headers_from_state',
]);
/** Fields about the CLI process, its output folder or its concurrency: the run's own settings apply. */
const RUNTIME_FIELDS = new Set([
  'max_concurrent',
  'max_retries',
  'num_workers',
  'timeout',
  'independent_scoring',
  'disable_env_server',
  'env_dir_path',
  'extra_env_kwargs',
  'verbose',
  'disable_tui',
  'debug',
  'output_dir',
  'state_columns',
  'save_results',
  'resume',
  'resume_path',
  'save_to_hf_hub',
  'hf_hub_dataset_name',
  'variant_id',
]);
const SAMPLING_KEYS = ['temperature', 'max_tokens', 'top_p'] as const;

const ConfigSchema = z.object({
  env_id: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9][\w.\-/]*$/, 'must be an environment id such as "medqa"'),
  name: z.string().max(200).optional(),
  num_examples: z
    .number()
    .int()
    .refine((n) => n === -1 || n >= 1, 'must be -1 (all) or at least 1')
    .optional(),
  rollouts_per_example: z.number().int().min(1).max(32).optional(),
  env_args: z.record(z.string(), z.unknown()).optional(),
  sampling_args: z.record(z.string(), z.unknown()).optional(),
  temperature: z.number().min(0).max(2).optional(),
  max_tokens: z.number().int().min(1).max(2_000_000).optional(),
});

/**
 * Python's str() of a TOML value, as MedARC's `{env_args.X}` names show it. JavaScript cannot tell the
 * TOML float 1.0 from the integer 1, so a whole float prints as an integer (no suite file sweeps one).
 */
function pythonStr(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** Renders `{env_args.X}` placeholders; one naming an arg the entry does not set is an error. */
function renderName(template: string, envArgs: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{env_args\.([^{}]+)\}/g, (_match, key: string) => {
    if (!(key in envArgs)) {
      throw new SuiteFileError(
        `The name "${template}" uses {env_args.${key}}, but this evaluation sets no env arg "${key}".`,
      );
    }
    return pythonStr(envArgs[key]);
  });
}

function samplingOf(
  config: z.infer<typeof ConfigSchema>,
  index: number,
  notes: Set<string>,
): SuiteSampling {
  const sampling: Record<string, unknown> = { ...config.sampling_args };
  if (config.temperature !== undefined) sampling.temperature = config.temperature;
  if (config.max_tokens !== undefined) sampling.max_tokens = config.max_tokens;
  const picked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(sampling)) {
    if ((SAMPLING_KEYS as readonly string[]).includes(key)) picked[key] = value;
    else
      notes.add(
        `sampling_args.${key} is not applied (only temperature, max_tokens and top_p are).`,
      );
  }
  const parsed = SuiteSamplingSchema.safeParse(picked);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SuiteFileError(
      `Evaluation #${index + 1}: sampling ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}.`,
    );
  }
  return parsed.data;
}

/** Where in the file an evaluation came from, for messages. */
function where(index: number, config: TomlConfig): string {
  const env = typeof config.env_id === 'string' ? ` (${config.env_id})` : '';
  return `Evaluation #${index + 1}${env}`;
}

/** One expanded config → a suite entry; what it asks that we replace goes into `notes`. */
export function configToEntry(
  config: TomlConfig,
  index: number,
  notes: Set<string>,
): Omit<SuiteEntry, 'key'> {
  const parsed = ConfigSchema.safeParse(config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SuiteFileError(
      `${where(index, config)}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}.`,
    );
  }
  for (const field of Object.keys(config)) {
    if (ENDPOINT_FIELDS.has(field)) {
      notes.add(`"${field}" is ignored: the suite runs on the endpoint and key you choose here.`);
    } else if (RUNTIME_FIELDS.has(field)) {
      notes.add(`"${field}" is ignored: it is about the command-line tool, not the evaluation.`);
    } else if (field === 'taskset' || field === 'harness') {
      notes.add(`"${field}" became env_args.config, as verifiers does.`);
    }
  }
  const data = parsed.data;
  const envArgs = data.env_args ?? {};
  const sampling = samplingOf(data, index, notes);
  const numExamples = data.num_examples ?? DEFAULT_NUM_EXAMPLES;
  return {
    envId: data.env_id,
    name: data.name === undefined ? null : renderName(data.name, envArgs),
    envArgs,
    numExamples: numExamples === -1 ? null : numExamples,
    rolloutsPerExample: data.rollouts_per_example ?? DEFAULT_ROLLOUTS_PER_EXAMPLE,
    sampling,
  };
}
