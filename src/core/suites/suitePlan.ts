// Owns the plan of a suite run: which entries run (and why the others do not), the datasets they need
// (one load per benchmark variant, from the Hub or from GitHub, shared by an entry and its shuffle
// repeats), and each entry's run settings — the user's one endpoint with the entry's own sampling, its
// env settings, and its number of examples (cut to the subset size when trying a suite first). Pure.
import { DEFAULT_JUDGE_TEMPLATE } from '../envs/mtsamples/judgeTemplate';
import { ENVS } from '../envs/registry';
import type { EnvModule, EnvVariant } from '../envs/types';
import { benchmarkDatasetId } from '../schema/dataset';
import type { EndpointConfig } from '../schema/endpoint';
import type { ExampleSelection, RunSettings } from '../schema/run';
import type { ResolvedEntry } from './placeRun';
import { resolveEntry } from './resolveEntry';
import type { Suite, SuiteEntry } from './suite';
import type { SuiteRunOptions } from './suiteRun';

export interface DatasetNeed {
  envId: string;
  envLabel: string;
  variantId: string;
  variantLabel: string;
  /** The pinned revision's dataset id (core/schema/dataset benchmarkDatasetId). */
  datasetId: string;
  expectedRows: number | null;
  /** The services its load reads from (PubMedQA: the Hub, and GitHub for its test-subset list). */
  services: readonly DatasetService[];
  /** Entries that read it. */
  entryKeys: string[];
}

/** Hugging Face (its viewer and Hub hosts), or GitHub (the raw host, then its mirror). */
type DatasetService = 'huggingface' | 'github';

function servicesOf(variant: EnvVariant): DatasetService[] {
  const files = [...variant.parts, ...(variant.extras ?? [])];
  const services = new Set<DatasetService>();
  for (const file of files) {
    const isGithub = 'kind' in file ? file.kind.startsWith('github') : file.base === 'githubRaw';
    services.add(isGithub ? 'github' : 'huggingface');
  }
  return [...services].sort();
}

export function resolveSuite(suite: Suite, envs: readonly EnvModule[] = ENVS): ResolvedEntry[] {
  return suite.entries.map((entry) => ({ entry, resolution: resolveEntry(entry, envs) }));
}

/** One dataset per benchmark variant the runnable entries need, in suite order. */
export function datasetNeeds(entries: readonly ResolvedEntry[]): DatasetNeed[] {
  const needs = new Map<string, DatasetNeed>();
  for (const { entry, resolution } of entries) {
    if (resolution.state !== 'ready') continue;
    const { env, variantId } = resolution;
    // Hugging Face datasets and files of a GitHub repository at a pinned commit (SCT-Public,
    // LongHealth) load the same way; only MTSamples' notes folder is not a benchmark variant.
    if (env.source.kind === 'github-notes') continue;
    const variant = env.source.variants.find((v) => v.id === variantId);
    if (variant === undefined) continue;
    const datasetId = benchmarkDatasetId(env.id, variant.id, variant.revision);
    const need = needs.get(datasetId) ?? {
      envId: env.id,
      envLabel: env.label,
      variantId: variant.id,
      variantLabel: variant.label,
      datasetId,
      expectedRows: variant.expectedRows,
      services: servicesOf(variant),
      entryKeys: [],
    };
    need.entryKeys.push(entry.key);
    needs.set(datasetId, need);
  }
  return [...needs.values()];
}

/** How many examples an entry runs: what it asks, cut to the subset size. */
export function entrySelection(entry: SuiteEntry, options: SuiteRunOptions): ExampleSelection {
  const asked = entry.numExamples;
  const cap = options.examplesPerEntry;
  if (asked === null && cap === null) return { mode: 'all' };
  const n = Math.min(asked ?? Number.POSITIVE_INFINITY, cap ?? Number.POSITIVE_INFINITY);
  return { mode: 'first', n };
}

/** The run settings of one ready entry. */
export function entryRunSettings(
  entry: SuiteEntry,
  resolution: Extract<ResolvedEntry['resolution'], { state: 'ready' }>,
  datasetId: string,
  model: EndpointConfig,
  options: SuiteRunOptions,
): RunSettings {
  return {
    envId: resolution.env.id,
    envSettings: resolution.envSettings,
    datasetId,
    selection: entrySelection(entry, options),
    rolloutsPerExample: entry.rolloutsPerExample,
    concurrency: options.concurrency,
    maxAttempts: options.maxAttempts,
    // MTSamples-only fields: unused by the code-scored benchmarks a suite runs.
    promptFormat: 'chat',
    useThink: false,
    judgeSees: 'full',
    normalisation: 'fraction',
    judgeTemplate: DEFAULT_JUDGE_TEMPLATE,
    useCache: options.useCache,
    model: { ...model, sampling: { ...model.sampling, ...entry.sampling } },
    judges: [],
  };
}
