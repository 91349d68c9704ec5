// A ready MTSamples dataset of synthetic examples, valid run settings pointing at the mock OpenAI
// server, and helpers that tell the requests a run makes apart (model vs judge, which example), for
// run-engine tests and benches. Every question and reference carries a `[example N]` marker so a
// request body names the example it is about.
import {
  DATASET_SCHEMA_VERSION,
  type DatasetRecord,
  type ExampleRecord,
} from '../../src/core/schema/dataset';
import type { EndpointConfig } from '../../src/core/schema/endpoint';
import type { RolloutRecord, RolloutStatus, RunSettings } from '../../src/core/schema/run';
import { DEFAULT_JUDGE_TEMPLATE } from '../../src/core/envs/mtsamples/judgeTemplate';
import type { MedevalDb } from '../../src/data/db';
import { createDataset } from '../../src/data/datasetStore';
import { mulberry32 } from '../../src/core/stats/bootstrap';
import { judgeJson, type MockBehaviour, type RecordedRequest } from './mockOpenAI';

export const MODEL = 'mock-model';
export const JUDGE_MODELS = ['judge-a', 'judge-b'] as const;

export function exampleMarker(exampleId: number): string {
  return `[example ${exampleId}]`;
}

function syntheticExample(datasetId: string, exampleId: number): ExampleRecord {
  const marker = exampleMarker(exampleId);
  return {
    schemaVersion: DATASET_SCHEMA_VERSION,
    datasetId,
    example_id: exampleId,
    id: `synthetic-${exampleId}`,
    filename: `synthetic-${exampleId}.txt`,
    extracted_section: 'PLAN',
    // `$&` and `{{reference}}` check that the judge template is filled literally.
    question: `${marker} PREOPERATIVE DIAGNOSIS: Left inguinal hernia ${exampleId}. PROCEDURE: Open repair with mesh; cost $& {{reference}} noted.`,
    answer: `${marker} Discharge the same day, pain control, no heavy lifting for ${exampleId + 2} weeks, follow up in clinic.`,
  };
}

/** Creates a ready dataset with `count` synthetic examples (ids 0…count-1) and returns its id. */
export async function seedDataset(
  db: MedevalDb,
  { count, datasetId = `synthetic-${crypto.randomUUID()}` }: { count: number; datasetId?: string },
): Promise<string> {
  const examples = Array.from({ length: count }, (_, index) => syntheticExample(datasetId, index));
  const now = Date.now();
  const record: DatasetRecord = {
    schemaVersion: DATASET_SCHEMA_VERSION,
    id: datasetId,
    envId: 'mtsamples_procedures',
    label: `Synthetic (${count} examples)`,
    origin: { kind: 'import', format: 'jsonl', fileNames: ['synthetic.jsonl'] },
    rulesVersion: 1,
    inputCut: 'helm',
    status: 'ready',
    filesTotal: count,
    filesDone: count,
    filesFromMirror: 0,
    exampleCount: count,
    skippedCount: 0,
    sectionCounts: { PLAN: count },
    bytes: examples.reduce((sum, example) => sum + example.question.length, 0),
    createdAt: now,
    updatedAt: now,
  };
  await createDataset(db, record, { notes: [], examples, skips: [] });
  return datasetId;
}

/** Keys as the run engine takes them (by origin): `key` for the host of `baseUrl`. */
export function keysAt(baseUrl: string, key: string): Record<string, string> {
  return { [new URL(baseUrl).origin]: key };
}

export function mockEndpointAt(baseUrl: string, model: string): EndpointConfig {
  return {
    presetId: 'custom',
    baseUrl,
    model,
    sampling: { extra: {} },
    stripSdkHeaders: true,
  };
}

export type RunSettingsInput = Partial<RunSettings> & {
  baseUrl: string;
  datasetId: string;
  /** Judge model names, each a judge on `baseUrl` (default: judge-a, judge-b). */
  judgeModels?: readonly string[];
};

/**
 * Valid run settings with the model and every judge on the mock. Distinct model names give each its
 * own scheduler, so the model and the judges never queue behind one another.
 */
export function runSettings({
  baseUrl,
  datasetId,
  judgeModels = JUDGE_MODELS,
  ...overrides
}: RunSettingsInput): RunSettings {
  return {
    datasetId,
    selection: { mode: 'all' },
    rolloutsPerExample: 1,
    concurrency: 4,
    maxAttempts: 3,
    promptFormat: 'chat',
    useThink: false,
    judgeSees: 'full',
    normalisation: 'fraction',
    judgeTemplate: DEFAULT_JUDGE_TEMPLATE,
    useCache: true,
    model: mockEndpointAt(baseUrl, MODEL),
    judges: judgeModels.map((model) => mockEndpointAt(baseUrl, model)),
    ...overrides,
  };
}

// ---- Reading the requests a run sends ----

interface ChatBody {
  model?: unknown;
  messages?: { role?: unknown; content?: unknown }[];
}

function userText(body: unknown): string {
  const messages = (body as ChatBody | undefined)?.messages ?? [];
  return messages
    .filter((message) => message.role === 'user')
    .map((message) => (typeof message.content === 'string' ? message.content : ''))
    .join('\n');
}

/** A judge request carries the judge template's `<patient_notes>` block; a model request does not. */
export function isJudgeRequest(body: unknown): boolean {
  return userText(body).includes('<patient_notes>');
}

export function requestModel(body: unknown): string {
  const model = (body as ChatBody | undefined)?.model;
  return typeof model === 'string' ? model : '';
}

/** The example a model or judge request is about (from its `[example N]` marker), or -1. */
export function requestExampleId(body: unknown): number {
  const match = /\[example (\d+)\]/.exec(userText(body));
  return match === null ? -1 : Number(match[1]);
}

/** The candidate response a judge request shows the judge, or null for a model request. */
export function judgedResponse(body: unknown): string | null {
  const match = /<response>\n([\s\S]*?)\n<\/response>/.exec(userText(body));
  return match?.[1] ?? null;
}

// ---- Accounting ----

export function statusCounts(rollouts: readonly RolloutRecord[]): Record<RolloutStatus, number> {
  const counts: Record<RolloutStatus, number> = {
    pending: 0,
    generating: 0,
    judging: 0,
    done: 0,
    error: 0,
    unscored: 0,
  };
  for (const rollout of rollouts) counts[rollout.status]++;
  return counts;
}

/** A string hash (FNV-1a), to seed per-request randomness from a request's identity. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Every status each rollout was written with, in order, keyed `runId|key` (Dexie hooks see puts and
 * modifies): shows a rollout finished exactly once.
 */
export function watchStatuses(db: MedevalDb): Map<string, string[]> {
  const history = new Map<string, string[]>();
  const note = (rollout: RolloutRecord, status: string) => {
    const id = `${rollout.runId}|${rollout.key}`;
    history.set(id, [...(history.get(id) ?? []), status]);
  };
  db.rollouts.hook('creating', (_key, rollout) => {
    note(rollout, rollout.status);
  });
  db.rollouts.hook('updating', (modifications, _key, rollout) => {
    const status = (modifications as Partial<RolloutRecord>).status;
    if (status !== undefined && status !== rollout.status) note(rollout, status);
  });
  return history;
}

/** How many times each rollout of `runId` was written as done. */
export function doneTransitions(history: Map<string, string[]>, runId: string): number[] {
  return [...history.entries()]
    .filter(([id]) => id.startsWith(`${runId}|`))
    .map(([, statuses]) => statuses.filter((status) => status === 'done').length);
}

// ---- Chaos: seeded faults, decided per request identity (model, example, attempt) ----
//
// A request's fault depends only on which model it goes to, which example it is about and how many
// times that pair was requested before — never on arrival order — so with one rollout per example a
// chaotic run has the same outcome every time, and `expectedChaosCall` can predict it.

type ChaosFault =
  | 'ok'
  | 'rate_limit'
  | 'server'
  | 'drop'
  | 'malformed'
  | 'hang'
  /** A judge's unreadable reply (HTTP 200); for the model, a completion without choices. */
  | 'junk';

// Hangs are rare on purpose: each one costs a whole client timeout, which must stay far above the
// latency of a healthy request on a loaded machine (see chaos.test.ts).
const FAULTS: readonly [ChaosFault, number][] = [
  ['rate_limit', 0.3],
  ['server', 0.25],
  ['drop', 0.15],
  ['malformed', 0.1],
  ['hang', 0.05],
  ['junk', 0.15],
];

export interface ChaosOptions {
  seed: number;
  /** Share of requests that fail (default 0.3). */
  failureRate?: number;
}

function chaosDraw(options: ChaosOptions, model: string, exampleId: number, attempt: number) {
  const random = mulberry32(hashString(`${options.seed}|${model}|${exampleId}|${attempt}`));
  const draw = random();
  const rate = options.failureRate ?? 0.3;
  const retryAfterS = Math.round(random() * 10) / 10;
  if (draw >= rate) return { fault: 'ok' as ChaosFault, retryAfterS };
  let at = draw / rate;
  for (const [fault, share] of FAULTS) {
    if (at < share) return { fault, retryAfterS };
    at -= share;
  }
  return { fault: 'junk' as ChaosFault, retryAfterS };
}

const CHAOS_JUDGE_REPLY = judgeJson({ accuracy: 4, completeness: 4, clarity: 4 });

/** The mock's behaviour for a chaotic run: model replies name their example; judges score 4/4/4. */
export function chaosBehaviour(options: ChaosOptions): (request: RecordedRequest) => MockBehaviour {
  const seen = new Map<string, number>();
  return (request) => {
    const model = requestModel(request.body);
    const exampleId = requestExampleId(request.body);
    const isJudge = isJudgeRequest(request.body);
    const attempt = (seen.get(`${model}|${exampleId}`) ?? 0) + 1;
    seen.set(`${model}|${exampleId}`, attempt);
    const { fault, retryAfterS } = chaosDraw(options, model, exampleId, attempt);
    switch (fault) {
      case 'ok':
        return { reply: isJudge ? CHAOS_JUDGE_REPLY : `Plan for ${exampleMarker(exampleId)}.` };
      case 'rate_limit':
        return { status: 429, headers: { 'retry-after': String(retryAfterS) } };
      case 'server':
        return { status: 500 };
      case 'drop':
        return { drop: true };
      case 'malformed':
        return { malformed: true };
      case 'hang':
        return { hang: true };
      case 'junk':
        return isJudge
          ? { reply: 'The response is fine, I would say 4 out of 5.' }
          : { emptyChoices: true };
    }
  };
}

const FAULT_KINDS: Record<Exclude<ChaosFault, 'ok'>, string> = {
  rate_limit: 'rate_limit',
  server: 'server',
  drop: 'network',
  malformed: 'parse',
  hang: 'timeout',
  junk: 'parse',
};

export interface ChaosCall {
  /** `junk`: a judge answered with no readable score. */
  result: 'ok' | 'junk' | 'failed';
  attempts: number;
  /** The AppError kind of the last failure, when the call failed. */
  kind?: string;
}

/**
 * What the engine must record for one call under `chaosBehaviour`: the scheduler retries up to
 * `maxAttempts`, but a malformed body at most twice (scheduler.ts `maxParseAttempts`).
 */
export function expectedChaosCall(
  options: ChaosOptions,
  model: string,
  exampleId: number,
  isJudge: boolean,
  maxAttempts: number,
): ChaosCall {
  for (let attempt = 1; ; attempt++) {
    const { fault } = chaosDraw(options, model, exampleId, attempt);
    if (fault === 'ok') return { result: 'ok', attempts: attempt };
    if (fault === 'junk' && isJudge) return { result: 'junk', attempts: attempt };
    const kind = FAULT_KINDS[fault];
    const parseCap = kind === 'parse' && attempt >= Math.min(2, maxAttempts);
    if (parseCap || attempt >= maxAttempts) return { result: 'failed', attempts: attempt, kind };
  }
}
