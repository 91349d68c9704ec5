// Owns reading a verifiers eval TOML (the format of MedARC's configs/medmarks-verified.toml) into the
// flat list of eval configs it means, with the loader's exact rules and order: verifiers v0.1.14
// `load_toml_config` + `_expand_ablation`, with MedARC's extra fields (verifiers_adapter.py). Globals
// merge under every entry; all [[eval]] come first in file order, then each [[ablation]]'s cartesian
// product (plain sweep keys, then env_args.*, then args.*). Differential fixtures from that code are in
// test/fixtures/suites/verifiersExpansion.json. Pure.
import { parse, TomlError } from 'smol-toml';
import { isJsonObject } from '../jsonObjects';

/** A plain value of a TOML file once read (dates are refused: no field of an eval config takes one). */
export type TomlPlain = string | number | boolean | TomlPlain[] | { [key: string]: TomlPlain };
export type TomlConfig = Record<string, TomlPlain>;

/** Anything the file says that the loader would refuse, in words a user can act on. */
export class SuiteFileError extends Error {
  override name = 'SuiteFileError';
}

/** A suite file over this many characters is refused before parsing (MedARC's is about 6,000). */
export const MAX_SUITE_FILE_CHARS = 512_000;
/** Inline tables and arrays nest at most this deep (eval configs need 3). */
const MAX_SUITE_NESTING = 16;
/** Expanded eval configs at most (MedARC's suite has 66); a sweep beyond it is refused, not truncated. */
export const MAX_SUITE_CONFIGS = 2_000;

// verifiers v0.1.14 `valid_fields`, plus MedARC's adapter fields and identity fields (`name`, `variant_id`)
// and its `medarc` metadata table (stripped after loading).
const VERIFIERS_FIELDS = [
  'env_id',
  'args',
  'env_args',
  'taskset',
  'harness',
  'env_dir_path',
  'endpoints_path',
  'extra_env_kwargs',
  'provider',
  'endpoint_id',
  'model',
  'api_client_type',
  'api_key_var',
  'api_base_url',
  'header',
  'headers',
  'header_from_state',
  'headers_from_state',
  'sampling_args',
  'max_tokens',
  'temperature',
  'num_examples',
  'rollouts_per_example',
  'max_concurrent',
  'independent_scoring',
  'max_retries',
  'num_workers',
  'disable_env_server',
  'timeout',
  'verbose',
  'disable_tui',
  'output_dir',
  'state_columns',
  'save_results',
  'resume',
  'resume_path',
  'save_to_hf_hub',
  'hf_hub_dataset_name',
] as const;
const MEDARC_FIELDS = ['debug', 'timeout', 'medarc', 'name', 'variant_id'] as const;
const VALID_FIELDS: ReadonlySet<string> = new Set<string>([...VERIFIERS_FIELDS, ...MEDARC_FIELDS]);
const ARG_TABLES = new Set(['args', 'env_args']);

function isTable(value: unknown): value is TomlConfig {
  return isJsonObject(value);
}

/** smol-toml's tables are plain objects (possibly without a prototype); its dates are not. */
function isPlainPrototype(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype;
}

function plain(value: unknown, path: string): TomlPlain {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new SuiteFileError(`${path}: inf and nan are not allowed.`);
    return value;
  }
  if (Array.isArray(value)) return value.map((item, i) => plain(item, `${path}[${i}]`));
  if (isTable(value) && isPlainPrototype(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v, `${path}.${k}`)]));
  }
  throw new SuiteFileError(`${path}: dates and times are not allowed in a suite file.`);
}

/** Parses TOML text with limits on size and nesting; every failure is a SuiteFileError. */
export function parseSuiteToml(text: string): TomlConfig {
  if (text.length > MAX_SUITE_FILE_CHARS) {
    throw new SuiteFileError(
      `This file has ${text.length.toLocaleString('en')} characters; a suite file may have at most ${MAX_SUITE_FILE_CHARS.toLocaleString('en')}.`,
    );
  }
  let raw: unknown;
  try {
    raw = parse(text, { maxDepth: MAX_SUITE_NESTING, unsafeKeyBehaviour: 'throw' });
  } catch (error) {
    if (error instanceof TomlError) {
      throw new SuiteFileError(
        `Not valid TOML (line ${error.line}, column ${error.column}): ${error.message.split('\n')[0] ?? ''}`,
      );
    }
    // Recursion limits and anything else the parser throws on hostile input.
    throw new SuiteFileError(
      `Not valid TOML: ${error instanceof Error ? error.message : 'unreadable'}`,
    );
  }
  const table = plain(raw, '(file)');
  if (!isTable(table)) throw new SuiteFileError('A suite file must be a TOML table.');
  return table;
}

function sortedFields(): string {
  return [...VALID_FIELDS].sort().join(', ');
}

function checkFields(keys: Iterable<string>, where: string): void {
  const invalid = [...keys].filter((key) => !VALID_FIELDS.has(key));
  if (invalid.length > 0) {
    throw new SuiteFileError(
      `${where}: unknown field${invalid.length > 1 ? 's' : ''} ${invalid.map((k) => `"${k}"`).join(', ')}. Valid fields are: ${sortedFields()}.`,
    );
  }
}

function table(value: TomlPlain | undefined, field: string): TomlConfig {
  if (value === undefined) return {};
  if (!isTable(value)) throw new SuiteFileError(`${field} must be a table.`);
  return { ...value };
}

/** `id` is an alias of `env_id`; both at once is an error. */
function normalizeIdAlias(config: TomlConfig, section: string): TomlConfig {
  if ('id' in config && 'env_id' in config) {
    throw new SuiteFileError(`${section} cannot contain both id and env_id.`);
  }
  const { id, ...rest } = config;
  return 'id' in config ? { ...rest, env_id: id as TomlPlain } : rest;
}

/** verifiers' normalize_env_config_sections: `args` joins `env_args`; taskset/harness go under config. */
function normalizeSections(raw: TomlConfig): TomlConfig {
  const { env_args: envArgsRaw, args: argsRaw, taskset, harness, ...config } = raw;
  const envArgs = table(envArgsRaw, 'env_args');
  const args = table(argsRaw, 'args');
  const overlap = Object.keys(envArgs).filter((key) => key in args);
  if (overlap.length > 0) {
    throw new SuiteFileError(
      `Environment arg key(s) ${overlap.join(', ')} appear in both args and env_args.`,
    );
  }
  const merged: TomlConfig = { ...envArgs, ...args };
  const child: TomlConfig = {};
  if (taskset !== undefined) child.taskset = table(taskset, 'taskset');
  if (harness !== undefined) child.harness = table(harness, 'harness');
  if (Object.keys(child).length > 0) {
    const existing = table(merged.config, 'env_args.config');
    const clash = Object.keys(existing).filter((key) => key in child);
    if (clash.length > 0) {
      throw new SuiteFileError(
        `Environment config section(s) ${clash.join(', ')} appear in both config and top-level sections.`,
      );
    }
    merged.config = { ...existing, ...child };
  }
  return Object.keys(merged).length > 0 ? { ...config, env_args: merged } : config;
}

/** `model` and `endpoint_id` name the same thing: the one set here wins over a global of the other. */
function dropShadowedEndpoint(merged: TomlConfig, explicit: ReadonlySet<string>): TomlConfig {
  const result = { ...merged };
  if (explicit.has('endpoint_id') && !explicit.has('model')) delete result.model;
  if (explicit.has('model') && !explicit.has('endpoint_id')) delete result.endpoint_id;
  return result;
}

function sectionList(raw: TomlConfig, key: 'eval' | 'ablation'): TomlConfig[] {
  const value = raw[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new SuiteFileError(
      `The file uses [${key}] but should use [[${key}]] (double brackets) for an array of tables.`,
    );
  }
  return value.map((item, index) => {
    if (!isTable(item)) throw new SuiteFileError(`[[${key}]] #${index + 1} must be a table.`);
    return item;
  });
}

type Dimension = [key: string, values: TomlPlain[]];

function sweepDimensions(sweep: TomlConfig): Dimension[] {
  const { args: argsRaw, env_args: envArgsRaw, ...plainKeys } = sweep;
  const dims: Dimension[] = [];
  const add = (prefix: string, entries: TomlConfig, label: string) => {
    for (const [key, values] of Object.entries(entries)) {
      if (!Array.isArray(values)) {
        throw new SuiteFileError(
          `${label} values must be lists, got ${typeof values === 'object' ? 'a table' : typeof values} for "${key}".`,
        );
      }
      dims.push([`${prefix}${key}`, values]);
    }
  };
  add('', plainKeys, 'Ablation sweep');
  add('env_args.', table(envArgsRaw, 'ablation.sweep.env_args'), 'Ablation sweep.env_args');
  add('args.', table(argsRaw, 'ablation.sweep.args'), 'Ablation sweep.args');
  return dims;
}

/** `env_args.x` → ['env_args', 'x'] (the arg name may itself hold dots); a plain field → null. */
function splitArgKey(key: string): [group: string, arg: string] | null {
  const dot = key.indexOf('.');
  return dot < 0 ? null : [key.slice(0, dot), key.slice(dot + 1)];
}

function* cartesian(dims: readonly Dimension[]): Generator<TomlPlain[]> {
  const [first, ...rest] = dims;
  if (first === undefined) {
    yield [];
    return;
  }
  for (const value of first[1]) for (const tail of cartesian(rest)) yield [value, ...tail];
}

function expandAblation(ablation: TomlConfig, globals: TomlConfig, budget: number): TomlConfig[] {
  const { sweep: sweepRaw, ...fixedFields } = ablation;
  const sweep = table(sweepRaw, 'ablation.sweep');
  const dims = sweepDimensions(sweep);
  if (dims.length === 0) {
    throw new SuiteFileError(
      'An [[ablation]] block must have a non-empty [ablation.sweep] section.',
    );
  }
  const fixedArgs = {
    ...table(fixedFields.env_args, 'ablation.env_args'),
    ...table(fixedFields.args, 'ablation.args'),
  };
  const swept = dims.flatMap(([key]) => {
    const arg = splitArgKey(key);
    return arg === null ? [] : [arg[1]];
  });
  const overlap = swept.filter((key) => key in fixedArgs);
  if (overlap.length > 0) {
    throw new SuiteFileError(
      `Environment arg key(s) ${overlap.join(', ')} appear in both fixed args and sweep args — use one or the other.`,
    );
  }
  const combos = dims.reduce((product, [, values]) => product * values.length, 1);
  if (combos > budget) {
    throw new SuiteFileError(
      `The sweeps expand to more than ${MAX_SUITE_CONFIGS.toLocaleString('en')} evaluations; split the file.`,
    );
  }
  const explicit = new Set([...Object.keys(fixedFields), ...Object.keys(sweep)]);
  const fixed = dropShadowedEndpoint({ ...globals, ...fixedFields }, explicit);
  const expanded: TomlConfig[] = [];
  for (const combo of cartesian(dims)) {
    const config: TomlConfig = structuredClone(fixed);
    dims.forEach(([key], i) => {
      const value = combo[i] as TomlPlain;
      const arg = splitArgKey(key);
      if (arg === null) config[key] = value;
      else config[arg[0]] = { ...table(config[arg[0]], arg[0]), [arg[1]]: value };
    });
    expanded.push(normalizeSections(config));
  }
  return expanded;
}

/** The eval configs a suite file means, in the loader's order (globals merged into each). */
export function expandEvalConfigs(raw: TomlConfig): TomlConfig[] {
  const evals = sectionList(raw, 'eval').map((entry) => normalizeIdAlias(entry, '[[eval]]'));
  const ablations = sectionList(raw, 'ablation').map((entry) => {
    const normalized = normalizeIdAlias(entry, '[[ablation]]');
    const sweep = normalized.sweep;
    return isTable(sweep)
      ? { ...normalized, sweep: normalizeIdAlias(sweep, '[ablation.sweep]') }
      : normalized;
  });
  if (evals.length === 0 && ablations.length === 0) {
    throw new SuiteFileError(
      'A suite file must contain at least one [[eval]] or [[ablation]] section.',
    );
  }
  if (!evals.every((entry) => 'env_id' in entry)) {
    throw new SuiteFileError('Every [[eval]] section must contain an env_id (or id) field.');
  }
  const { eval: _evals, ablation: _ablations, ...globals } = raw;
  checkFields(Object.keys(globals), 'Global fields');
  const configs: TomlConfig[] = evals.map((entry, index) => {
    checkFields(Object.keys(entry), `[[eval]] #${index + 1} (${JSON.stringify(entry.env_id)})`);
    const merged = dropShadowedEndpoint({ ...globals, ...entry }, new Set(Object.keys(entry)));
    return normalizeSections(merged);
  });
  ablations.forEach((ablation, index) => {
    const where = `[[ablation]] #${index + 1}`;
    checkFields(
      Object.keys(ablation).filter((key) => key !== 'sweep'),
      where,
    );
    const sweep = isTable(ablation.sweep) ? ablation.sweep : {};
    checkFields(
      Object.keys(sweep).filter((key) => !ARG_TABLES.has(key)),
      `${where} sweep`,
    );
    configs.push(...expandAblation(ablation, globals, MAX_SUITE_CONFIGS - configs.length));
  });
  if (!configs.every((config) => 'env_id' in config)) {
    throw new SuiteFileError(
      'Every evaluation (including expanded ablations) must have an env_id.',
    );
  }
  return configs.map(({ medarc: _metadata, ...config }) => config);
}
