// Loads one variant of a benchmark (core/envs/<id>: its `source`) into the examples table: Hugging
// Face Parquet parts through the viewer's /parquet listing and range reads of the pinned revision,
// JSONL parts streamed from resolve/ URLs, or GitHub files at a pinned commit checked against their
// git blob ids; each row becomes an example (or a skip with its reason) through the env's
// `rowToExample`. Progress is written to the dataset record (the UI observes it);
// a cancel or failure leaves the record saying so and keeps nothing half-written as "ready".
import { AppError, toAppError } from '../../core/errors';
import { findEnv } from '../../core/envs/registry';
import type { EnvModule, EnvVariant } from '../../core/envs/types';
import {
  benchmarkDatasetId,
  DATASET_SCHEMA_VERSION,
  type DatasetOrigin,
  type DatasetRecord,
  type DownloadedGithubFile,
} from '../../core/schema/dataset';
import type { SourceSettings } from '../../core/schema/sourceSettings';
import type { MedevalDb } from '../../data/db';
import { clearExamples, getDataset, patchDataset, putDataset } from '../../data/datasetStore';
import type { HttpDeps } from '../fetchWithRetry';
import { hfBasesFrom } from '../hf/hfBases';
import { listParquetFiles, type HfDeps, type ParquetFileEntry } from '../hf/viewerApi';
import { fetchExtras } from './benchmarkExtras';
import { createExampleSink, type ExampleSink } from './exampleSink';
import { readGithubFilePart, readJsonlPart, readParquetPart } from './benchmarkParts';

export interface LoadBenchmarkDeps extends HttpDeps {
  db: MedevalDb;
}

export interface LoadBenchmarkRequest {
  envId: string;
  variantId: string;
  /** Overrides the env's pinned revision (a commit hash the user chose). */
  revision?: string;
}

function variantOf(
  env: EnvModule | undefined,
  variantId: string,
): { env: EnvModule; variant: EnvVariant } {
  if (env === undefined || env.source.kind === 'github-notes') {
    throw new AppError('bad_request', 'This benchmark has no loadable variants.');
  }
  const variant = env.source.variants.find((v) => v.id === variantId);
  if (variant === undefined)
    throw new AppError('not_found', `${env.label} has no variant "${variantId}".`);
  return { env, variant };
}

function newRecord(
  env: EnvModule,
  variant: EnvVariant,
  id: string,
  revision: string,
  now: number,
): DatasetRecord {
  return {
    schemaVersion: DATASET_SCHEMA_VERSION,
    id,
    envId: env.id,
    label: `${env.label} — ${variant.label}`,
    origin: originOf(env, variant, revision),
    rulesVersion: 1,
    inputCut: 'helm',
    status: 'fetching',
    filesTotal: variant.expectedRows ?? 0,
    filesDone: 0,
    filesFromMirror: 0,
    exampleCount: 0,
    skippedCount: 0,
    sectionCounts: {},
    bytes: 0,
    createdAt: now,
    updatedAt: now,
  };
}

function originOf(env: EnvModule, variant: EnvVariant, revision: string): DatasetOrigin {
  const names = variant.parts.map((part) =>
    part.kind === 'github-file' ? part.repo : part.dataset,
  );
  const unique = [...new Set(names)];
  if (env.source.kind === 'github-files') {
    return { kind: 'github-files', variant: variant.id, repos: unique, revision };
  }
  return { kind: 'huggingface', variant: variant.id, datasets: unique, revision };
}

/** Loads (or returns, when already loaded) the variant. Returns the dataset id. */
export async function loadBenchmark(
  deps: LoadBenchmarkDeps,
  settings: SourceSettings,
  request: LoadBenchmarkRequest,
  signal: AbortSignal,
): Promise<string> {
  const { env, variant } = variantOf(findEnv(request.envId), request.variantId);
  const revision = request.revision ?? variant.revision;
  const id = benchmarkDatasetId(env.id, variant.id, revision);
  const existing = await getDataset(deps.db, id);
  if (existing?.status === 'ready') return id;
  // A load that stopped part-way starts over: rows are cheap to read again, and half a split must
  // never pass for a whole one.
  await clearExamples(deps.db, id);
  await putDataset(deps.db, newRecord(env, variant, id, revision, deps.now()));
  const hf: HfDeps = { ...deps, bases: hfBasesFrom(settings) };
  const sink = createExampleSink(deps.db, id, deps.now);
  try {
    await readVariant({ hf, settings, env, variant, revision, sink, signal, id, db: deps.db });
    return id;
  } catch (error) {
    const appError = toAppError(error);
    await sink.abandon();
    await patchDataset(deps.db, id, {
      status: appError.kind === 'aborted' ? 'cancelled' : 'error',
      error: appError.kind === 'aborted' ? undefined : appError.toStored(),
      updatedAt: deps.now(),
    }).catch(() => undefined);
    throw appError;
  }
}

interface VariantJob {
  hf: HfDeps;
  settings: SourceSettings;
  env: EnvModule;
  variant: EnvVariant;
  revision: string;
  sink: ExampleSink;
  signal: AbortSignal;
  id: string;
  db: MedevalDb;
}

async function readVariant(job: VariantJob): Promise<void> {
  const { extras, missing, githubFiles } = await fetchExtras(
    job.hf,
    job.settings,
    job.variant,
    job.revision,
    job.signal,
  );
  // MMLU's seven subjects are seven parts of one dataset: one /parquet call serves them all.
  const listings = new Map<string, Promise<ParquetFileEntry[]>>();
  const parquetListing = (dataset: string) => {
    let listing = listings.get(dataset);
    if (listing === undefined) {
      listing = listParquetFiles(job.hf, dataset, job.signal);
      listings.set(dataset, listing);
    }
    return listing;
  };
  let resolvedRevision: string | null = null;
  for (const [part, source] of job.variant.parts.entries()) {
    const partJob = { ...job, part, extras, parquetListing, githubFiles };
    if (source.kind === 'github-file') {
      await readGithubFilePart(partJob, source);
      continue;
    }
    const revision =
      source.kind === 'hf-parquet'
        ? await readParquetPart(partJob, source)
        : await readJsonlPart(partJob, source);
    resolvedRevision ??= revision;
  }
  const totals = await job.sink.finish();
  const current = await getDataset(job.db, job.id);
  if (current === undefined) return;
  await patchDataset(job.db, job.id, {
    ...totals,
    status: 'ready',
    filesTotal: totals.exampleCount + totals.skippedCount,
    filesDone: totals.exampleCount + totals.skippedCount,
    origin: finishedOrigin(current.origin, { resolvedRevision, missing, githubFiles }),
    error: undefined,
    updatedAt: job.hf.now(),
  });
}

function finishedOrigin(
  origin: DatasetOrigin,
  read: { resolvedRevision: string | null; missing: string[]; githubFiles: DownloadedGithubFile[] },
): DatasetOrigin {
  if (origin.kind === 'github-files') return { ...origin, files: read.githubFiles };
  if (origin.kind !== 'huggingface') return origin;
  return {
    ...origin,
    ...(read.resolvedRevision === null ? {} : { resolvedRevision: read.resolvedRevision }),
    ...(read.missing.length === 0 ? {} : { missingExtras: read.missing }),
  };
}
