// The training-corpus part of the comlink surface (spec more-environments §4): browse, search, load,
// sample, export and delete. Plain data in and out (an export's Blob is structured-clonable); every
// long call runs as a job the UI can cancel by id; errors leave as transferable AppErrors.
import { AppError } from '../../core/errors';
import {
  CorpusTargetSchema,
  RowQuerySchema,
  type CorpusTarget,
  type RowQuery,
} from '../../core/schema/corpus';
import type { z } from '../../core/zod';
import { deleteCorpus } from '../../data/corpusStore';
import type { MedevalDb } from '../../data/db';
import type { HttpDeps } from '../fetchWithRetry';
import type { HfBases } from '../hf/hfBases';
import { MAX_ROWS_PER_PAGE } from '../hf/viewerApi';
import {
  browseCorpus,
  corpusOverview,
  ViewerStatusCache,
  type CorpusOverview,
} from './browseCorpus';
import type { CorporaContext, CorpusPage } from './corporaContext';
import { exportCorpus, type CorpusExport, type ExportRequest } from './exportCorpus';
import { loadCorpus, type LoadSummary } from './loadCorpus';
import {
  RemoteSampleCache,
  sampleCorpus,
  type CorpusSample,
  type SampleRequest,
} from './sampleCorpus';
import { searchCorpus } from './searchCorpus';

export interface CorporaApi {
  /** Viewer capabilities, splits with sizes, licence and features of one config. */
  corpusOverview(jobId: string, dataset: string, config: string): Promise<CorpusOverview>;
  /** One page (≤ 100 rows) of a split: local when loaded, else from the viewer's `/rows`. */
  corpusBrowse(
    jobId: string,
    split: CorpusTarget,
    offset: number,
    length: number,
  ): Promise<CorpusPage>;
  /** Search text and column filters; local scan when loaded, else the viewer's search or filter. */
  corpusSearch(
    jobId: string,
    split: CorpusTarget,
    query: RowQuery,
    offset: number,
    length: number,
  ): Promise<CorpusPage>;
  /** Loads (or resumes loading) a whole split from Parquet; progress is on the corpus record. */
  corpusLoad(jobId: string, split: CorpusTarget): Promise<LoadSummary>;
  /** A seeded sample: any size from a loaded split, ≤ 500 rows page by page otherwise. */
  corpusSample(jobId: string, request: SampleRequest): Promise<CorpusSample>;
  /** A sample or a whole loaded split as chat JSONL (through a mapping) or raw JSONL, as a Blob. */
  corpusExport(jobId: string, request: ExportRequest): Promise<CorpusExport>;
  /** Deletes a loaded corpus and its rows (cancel its load first). */
  corpusDelete(corpusId: string): Promise<void>;
}

export interface CorporaApiContext {
  db: MedevalDb;
  http: HttpDeps;
  hfBases: () => Promise<HfBases>;
  withJob: <T>(jobId: string, work: (signal: AbortSignal) => Promise<T>) => Promise<T>;
  transferErrors: <T>(work: () => Promise<T>) => Promise<T>;
  now: () => number;
}

function parsed<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new AppError('bad_request', `Invalid ${what}: ${problems}.`);
  }
  return result.data;
}

function pageLength(length: number): number {
  return Math.max(1, Math.min(MAX_ROWS_PER_PAGE, Math.floor(length)));
}

export function createCorporaApi(ctx: CorporaApiContext): CorporaApi {
  const corpora: CorporaContext = {
    db: ctx.db,
    http: ctx.http,
    hfBases: ctx.hfBases,
    now: ctx.now,
  };
  const statuses = new ViewerStatusCache();
  const samples = new RemoteSampleCache();
  const job = <T>(jobId: string, work: (signal: AbortSignal) => Promise<T>) =>
    ctx.transferErrors(() => ctx.withJob(jobId, work));
  const target = (value: CorpusTarget) => parsed(CorpusTargetSchema, value, 'dataset split');

  return {
    /** Viewer capabilities, splits with sizes, licence and features of one config. */
    corpusOverview(jobId: string, dataset: string, config: string): Promise<CorpusOverview> {
      return job(jobId, (signal) => {
        const { dataset: checked } = target({ dataset, config, split: 'any' });
        return corpusOverview(corpora, statuses, { dataset: checked, config }, signal);
      });
    },
    /** One page (≤ 100 rows) of a split: local when loaded, else from the viewer's `/rows`. */
    corpusBrowse(jobId: string, split: CorpusTarget, offset: number, length: number) {
      return job(jobId, (signal): Promise<CorpusPage> =>
        browseCorpus(corpora, target(split), Math.max(0, offset), pageLength(length), signal),
      );
    },
    /** Search text and column filters; local scan when loaded, else the viewer's search or filter. */
    corpusSearch(
      jobId: string,
      split: CorpusTarget,
      query: RowQuery,
      offset: number,
      length: number,
    ) {
      return job(jobId, (signal): Promise<CorpusPage> =>
        searchCorpus(
          corpora,
          statuses,
          {
            target: target(split),
            query: parsed(RowQuerySchema, query, 'search'),
            page: { offset: Math.max(0, offset), length: pageLength(length) },
          },
          signal,
        ),
      );
    },
    /** Loads (or resumes loading) a whole split from Parquet; progress is on the corpus record. */
    corpusLoad(jobId: string, split: CorpusTarget): Promise<LoadSummary> {
      return job(jobId, (signal) => loadCorpus(corpora, target(split), signal));
    },
    /** A seeded sample: any size from a loaded split, ≤ 500 rows page by page otherwise. */
    corpusSample(jobId: string, request: SampleRequest): Promise<CorpusSample> {
      return job(jobId, (signal) =>
        sampleCorpus(corpora, samples, { ...request, target: target(request.target) }, signal),
      );
    },
    /** A sample or a whole loaded split as chat JSONL (through a mapping) or raw JSONL, as a Blob. */
    corpusExport(jobId: string, request: ExportRequest): Promise<CorpusExport> {
      return job(jobId, (signal) =>
        exportCorpus(corpora, samples, { ...request, target: target(request.target) }, signal),
      );
    },
    /** Deletes a loaded corpus and its rows (cancel its load first). */
    corpusDelete(corpusId: string): Promise<void> {
      return ctx.transferErrors(() => deleteCorpus(ctx.db, corpusId));
    },
  };
}
