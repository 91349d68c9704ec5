// Seeded samples of a split. Loaded: the sampled indices are read from IndexedDB, any size. Not
// loaded: the indices are grouped into `/rows` windows of ≤ 100 rows and fetched a few at a time,
// within the caps of core/corpora/remoteSamplePlan (the Hub's 500 calls per 5 minutes). A remote
// sample is kept in memory so that exporting it right after does not fetch it again.
import {
  featuresFromColumns,
  toCorpusFeature,
  type CorpusFeature,
} from '../../core/corpora/features';
import { planRemoteSample } from '../../core/corpora/remoteSamplePlan';
import { seededSample } from '../../core/corpora/seededSample';
import { AppError } from '../../core/errors';
import type { CorpusRecord, CorpusTarget } from '../../core/schema/corpus';
import { findReadyCorpus, readCorpusRows } from '../../data/corpusStore';
import { getRows } from '../hf/viewerApi';
import { hfDepsOf, type CorporaContext, type CorpusRow } from './corporaContext';
import { mapPool } from './mapPool';

/** Concurrent `/rows` requests while sampling: quick, and gentle on the Hub. */
const REMOTE_CONCURRENCY = 4;
const READ_CHUNK = 2_000;
/** Rows of a sample sent back to the UI to look at; exports read the whole sample in the worker. */
const SAMPLE_PREVIEW_ROWS = 500;

export interface SampleRequest {
  target: CorpusTarget;
  size: number;
  seed: string;
}

export interface CorpusSample {
  source: 'local' | 'remote';
  corpusId: string | null;
  /** Rows in the split the sample was drawn from. */
  total: number;
  /** Rows sampled (the size asked for, or the whole split when smaller). */
  size: number;
  features: CorpusFeature[];
  /** The first rows of the sample, in index order (at most SAMPLE_PREVIEW_ROWS). */
  preview: CorpusRow[];
}

interface FullSample {
  sample: CorpusSample;
  rows: CorpusRow[];
}

/** The last few remote samples, by request: an export right after a preview reuses the rows. */
export class RemoteSampleCache {
  private readonly entries = new Map<string, FullSample>();
  constructor(private readonly capacity = 3) {}

  static key(request: SampleRequest): string {
    const { dataset, config, split } = request.target;
    return JSON.stringify([dataset, config, split, request.size, request.seed]);
  }

  get(request: SampleRequest): FullSample | undefined {
    return this.entries.get(RemoteSampleCache.key(request));
  }

  set(request: SampleRequest, value: FullSample): void {
    this.entries.delete(RemoteSampleCache.key(request));
    this.entries.set(RemoteSampleCache.key(request), value);
    const oldest = this.entries.keys().next();
    if (this.entries.size > this.capacity && oldest.done !== true)
      this.entries.delete(oldest.value);
  }
}

async function sampleRemote(
  ctx: CorporaContext,
  request: SampleRequest,
  signal: AbortSignal,
): Promise<FullSample> {
  const deps = await hfDepsOf(ctx);
  const first = await getRows(deps, { ...request.target, offset: 0, length: 1 }, signal);
  const plan = planRemoteSample(first.numRowsTotal, request.size, request.seed);
  if (!plan.ok) {
    throw new AppError('bad_request', plan.reason, {
      nextStep:
        'Sample fewer rows, or load the whole split (where the corpus allows it) to sample any number.',
    });
  }
  const wanted = new Set(plan.indices);
  const pages = await mapPool(plan.windows, REMOTE_CONCURRENCY, (window) =>
    getRows(deps, { ...request.target, ...window }, signal),
  );
  const rows = pages.flatMap((page) => page.rows.filter((row) => wanted.has(row.rowIdx)));
  const features = (pages[0] ?? first).features.map((f) => toCorpusFeature(f.name, f.type));
  const sample: CorpusSample = {
    source: 'remote',
    corpusId: null,
    total: first.numRowsTotal,
    size: rows.length,
    features,
    preview: rows.slice(0, SAMPLE_PREVIEW_ROWS),
  };
  return { sample, rows };
}

/** Calls `visit` with the sampled rows of a loaded corpus, a chunk at a time, in index order. */
export async function forEachLocalSampleChunk(
  ctx: CorporaContext,
  corpus: CorpusRecord,
  request: SampleRequest,
  visit: (rows: CorpusRow[]) => void,
): Promise<number> {
  const indices = seededSample(corpus.rowsDone, request.size, request.seed);
  for (let start = 0; start < indices.length; start += READ_CHUNK) {
    const stored = await readCorpusRows(
      ctx.db,
      corpus.id,
      indices.slice(start, start + READ_CHUNK),
    );
    visit(stored.map(({ rowIdx, row }) => ({ rowIdx, row, truncatedCells: [] })));
  }
  return indices.length;
}

async function sampleLocal(
  ctx: CorporaContext,
  corpus: CorpusRecord,
  request: SampleRequest,
): Promise<CorpusSample> {
  const indices = seededSample(corpus.rowsDone, request.size, request.seed);
  const stored = await readCorpusRows(ctx.db, corpus.id, indices.slice(0, SAMPLE_PREVIEW_ROWS));
  return {
    source: 'local',
    corpusId: corpus.id,
    total: corpus.rowsDone,
    size: indices.length,
    features: featuresFromColumns(corpus.columns),
    preview: stored.map(({ rowIdx, row }) => ({ rowIdx, row, truncatedCells: [] })),
  };
}

/** The remote sample for a request: from the cache, else fetched (and cached). */
export async function remoteSampleRows(
  ctx: CorporaContext,
  cache: RemoteSampleCache,
  request: SampleRequest,
  signal: AbortSignal,
): Promise<FullSample> {
  const cached = cache.get(request);
  if (cached !== undefined) return cached;
  const fetched = await sampleRemote(ctx, request, signal);
  cache.set(request, fetched);
  return fetched;
}

export async function sampleCorpus(
  ctx: CorporaContext,
  cache: RemoteSampleCache,
  request: SampleRequest,
  signal: AbortSignal,
): Promise<CorpusSample> {
  if (!Number.isInteger(request.size) || request.size < 1) {
    throw new AppError(
      'bad_request',
      `A sample needs a whole number of rows ≥ 1, not ${request.size}.`,
    );
  }
  const loaded = await findReadyCorpus(ctx.db, request.target);
  if (loaded !== undefined) return sampleLocal(ctx, loaded, request);
  return (await remoteSampleRows(ctx, cache, request, signal)).sample;
}
