// Owns the plausible RunSettings of a run imported from the verifiers tooling's files. They state the
// model, its base URL and sampling, the number of examples and rollouts, and, for MTSamples, the judges
// through the environment's args (`judge_model`, `judge_base_url`, `use_think`) or the rows' judge
// feedback. They do not state: concurrency, retries, the judge template (the environment's own), what
// judges saw (everything, in the environment), the normalisation (score / 5, the environment's
// formula), or a key (never stored). Each value assumed is recorded in `assumptions`; a judge the
// files do not name is never made up (issue 10 #7). Pure.
import type { FileShape } from './fileMetrics';
import { feedbackJudges } from './judgeFeedback';
import type { ImportedMetadata } from './parseMetadata';
import type { ImportedRow } from './parseResults';
import { isRecord, stringOrNull } from './values';
import { DEFAULT_JUDGE_TEMPLATE } from '../envs/mtsamples/judgeTemplate';
import { EndpointConfigSchema, SamplingSchema, type EndpointConfig } from '../schema/endpoint';
import type { ExampleSelection, RunSettings } from '../schema/run';

/** A reserved name (RFC 2606): a placeholder that can never reach a real server. */
const UNKNOWN_BASE_URL = 'https://unknown.invalid/v1';
/** OpenAI's API: where the environment's judges go when `judge_base_url` is not given (spec §4). */
const DEFAULT_JUDGE_BASE_URL = 'https://api.openai.com/v1';
const MAX_JUDGES = 8;

export function foreignSettings(
  meta: ImportedMetadata | null,
  rows: readonly ImportedRow[],
  datasetId: string,
  assumptions: string[],
  kind: FileShape['kind'] = 'jury',
): RunSettings {
  assumptions.push(
    'concurrency 32 and no retries are the reference CLI’s defaults; the files do not record them',
  );
  if (kind === 'jury') {
    assumptions.push(
      'the judge template, judge visibility (everything) and normalisation (score / 5) are the environment’s; the files do not record them',
    );
  }
  return {
    datasetId,
    selection: selectionOf(meta, rows),
    rolloutsPerExample: rolloutsOf(meta, rows),
    concurrency: 32,
    maxAttempts: 1,
    promptFormat: 'chat',
    useThink: meta?.env_args?.['use_think'] === true,
    judgeSees: 'full',
    normalisation: 'fraction',
    judgeTemplate: DEFAULT_JUDGE_TEMPLATE,
    useCache: false,
    model: modelEndpoint(meta, rows, assumptions),
    judges: kind === 'jury' ? judgeEndpoints(meta, rows, assumptions) : [],
  };
}

function selectionOf(
  meta: ImportedMetadata | null,
  rows: readonly ImportedRow[],
): ExampleSelection {
  const n = meta?.num_examples ?? new Set(rows.map((row) => row.example_id)).size;
  return n >= 1 ? { mode: 'first', n } : { mode: 'all' };
}

function rolloutsOf(meta: ImportedMetadata | null, rows: readonly ImportedRow[]): number {
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(row.example_id, (counts.get(row.example_id) ?? 0) + 1);
  const fromRows = Math.max(1, ...counts.values());
  return Math.min(32, Math.max(1, meta?.rollouts_per_example ?? fromRows));
}

function modelEndpoint(
  meta: ImportedMetadata | null,
  rows: readonly ImportedRow[],
  assumptions: string[],
): EndpointConfig {
  let baseUrl = meta?.base_url ?? '';
  if (baseUrl.includes(',')) {
    assumptions.push(`several base URLs (${baseUrl}): the first is used`);
    baseUrl = baseUrl.split(',')[0]?.trim() ?? '';
  }
  const fromRows = meta?.model === undefined ? requestedModel(rows) : null;
  const model = meta?.model ?? fromRows ?? 'unknown';
  if (fromRows !== null) {
    assumptions.push(`the model under test (${fromRows}) is taken from the rows’ requests`);
  } else if (meta?.model === undefined) {
    assumptions.push('the model under test is not named: "unknown"');
  }
  const sampling = samplingOf(meta?.sampling_args ?? {}, assumptions);
  return endpoint(model, baseUrl, sampling, 'the model’s', assumptions);
}

/** Each sampling field checked on its own: an invalid one is dropped (and said), the rest kept. */
function samplingOf(
  args: Record<string, unknown>,
  assumptions: string[],
): EndpointConfig['sampling'] {
  const named = ['temperature', 'max_tokens', 'top_p', 'seed'] as const;
  const sampling: EndpointConfig['sampling'] = { extra: {} };
  for (const [key, value] of Object.entries(args)) {
    if (value === null) continue; // verifiers writes `max_tokens: null` for "unset"
    const field = named.find((name) => name === key);
    if (field === undefined) {
      const extra = SamplingSchema.shape.extra.safeParse({ [key]: value });
      if (extra.success) sampling.extra[key] = value;
      else assumptions.push(`sampling argument ${key} cannot be sent by this app: left out`);
      continue;
    }
    const parsed = SamplingSchema.shape[field].safeParse(value);
    if (parsed.success && parsed.data !== undefined) sampling[field] = parsed.data;
    else
      assumptions.push(
        `sampling argument ${key} = ${JSON.stringify(value)} is out of range: left out`,
      );
  }
  return sampling;
}

function endpoint(
  model: string,
  baseUrl: string,
  sampling: EndpointConfig['sampling'],
  whose: string,
  assumptions: string[],
): EndpointConfig {
  const name = model.trim() === '' ? 'unknown' : model;
  const base = { presetId: 'custom', model: name, sampling, stripSdkHeaders: true };
  const parsed = EndpointConfigSchema.safeParse({ ...base, baseUrl });
  if (parsed.success) return parsed.data;
  assumptions.push(
    `${whose} base URL "${baseUrl}" is missing or not http(s): ${UNKNOWN_BASE_URL} stands in`,
  );
  return { ...base, baseUrl: UNKNOWN_BASE_URL };
}

function judgeEndpoints(
  meta: ImportedMetadata | null,
  rows: readonly ImportedRow[],
  assumptions: string[],
): EndpointConfig[] {
  const args = meta?.env_args ?? {};
  let models = listOf(args['judge_model']);
  if (models.length === 0) {
    models = judgeModelsInRows(rows);
    assumptions.push(
      models.length > 0
        ? 'judge models are taken from the rows (env_args has no judge_model)'
        : 'no judge is named in the files: the run lists none',
    );
  }
  if (models.length === 0) return [];
  if (models.length > MAX_JUDGES) {
    assumptions.push(
      `${models.length} judges: only the first ${MAX_JUDGES} are kept in the settings`,
    );
    models = models.slice(0, MAX_JUDGES);
  }
  const urls = listOf(args['judge_base_url']);
  if (urls.length === 0)
    assumptions.push(`judge base URL not given: ${DEFAULT_JUDGE_BASE_URL} assumed`);
  // A single base URL applies to every judge (the environment's rule, spec §6).
  const urlFor = (i: number) =>
    urls[urls.length === 1 ? 0 : i] ?? urls[0] ?? DEFAULT_JUDGE_BASE_URL;
  return models.map((model, i) =>
    endpoint(model, urlFor(i), { extra: {} }, `judge ${i + 1}’s`, assumptions),
  );
}

function listOf(value: unknown): string[] {
  if (typeof value === 'string') return value === '' ? [] : [value];
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

function judgeModelsInRows(rows: readonly ImportedRow[]): string[] {
  for (const row of rows) {
    const judges = feedbackJudges(row.info) ?? [];
    const models = judges.map((judge) => stringOrNull(judge['model'])).filter((m) => m !== null);
    if (models.length > 0) return models;
  }
  return [];
}

/** The model our own rows name in their request (`medeval.generation.requestBody.model`). */
function requestedModel(rows: readonly ImportedRow[]): string | null {
  for (const row of rows) {
    const medeval = row.raw['medeval'];
    const generation = isRecord(medeval) ? medeval['generation'] : undefined;
    const body = isRecord(generation) ? generation['requestBody'] : undefined;
    const model = isRecord(body) ? stringOrNull(body['model']) : null;
    if (model !== null && model.trim() !== '') return model;
  }
  return null;
}
