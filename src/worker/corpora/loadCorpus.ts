// Loads a whole split into IndexedDB from the Hub's auto-converted Parquet files (spec §1: `/rows`
// paging does not scale to 100k-row corpora). Progress goes to the corpus record, batch by batch, so
// the UI follows it with a live query; a cancelled or failed load resumes where it stopped (files
// read whole are skipped, and the rows of the file in progress already stored are not written again).
import { catalogEntry } from '../../core/corpora/catalog';
import { plainRow } from '../../core/corpora/plainRow';
import { AppError, isAborted, toAppError } from '../../core/errors';
import type { CorpusRecord, CorpusTarget } from '../../core/schema/corpus';
import {
  appendCorpusRows,
  corpusId,
  getCorpus,
  newCorpusRecord,
  patchCorpus,
  putCorpus,
} from '../../data/corpusStore';
import { readParquetRows } from '../hf/parquetRows';
import { getSize, listParquetFiles, splitParquetFiles, type HfDeps } from '../hf/viewerApi';
import { hfDepsOf, type CorporaContext } from './corporaContext';

/** Splits whose Parquet files are larger are browsed and sampled, not loaded (memory and quota). */
const MAX_LOAD_BYTES = 400 * 1024 * 1024;
const PARQUET_REVISION = 'refs/convert/parquet';
const BATCH_ROWS = 1_000;

interface ParquetFile {
  url: string;
  filename: string;
  size: number;
}

export interface LoadSummary {
  corpusId: string;
  rowsDone: number;
  rowsTotal: number;
}

/** The revision in a `…/resolve/<revision>/…` URL (the Parquet branch, as the viewer lists it). */
function revisionFromUrl(url: string): string {
  const match = /\/resolve\/([^/]+)\//.exec(url);
  return match?.[1] === undefined ? PARQUET_REVISION : decodeURIComponent(match[1]);
}

function refusePageOnly(dataset: string): void {
  if (catalogEntry(dataset)?.bulk !== 'page-only') return;
  throw new AppError(
    'bad_request',
    `${dataset} is too large to load into the browser (about 700 MB); it is browsed and sampled page by page only.`,
    {
      nextStep:
        'Browse or search it here, or take a seeded sample of up to 500 rows and export that.',
    },
  );
}

async function splitFiles(deps: HfDeps, target: CorpusTarget, signal: AbortSignal) {
  const files = splitParquetFiles(
    await listParquetFiles(deps, target.dataset, signal),
    target.config,
    target.split,
  );
  if (files.length === 0) {
    throw new AppError(
      'not_found',
      `The Hub has no Parquet conversion of ${target.dataset} (${target.config}/${target.split}).`,
      { nextStep: 'Browse and sample it page by page instead, or check the config and split.' },
    );
  }
  const bytes = files.reduce((sum, f) => sum + f.size, 0);
  if (bytes > MAX_LOAD_BYTES) {
    throw new AppError(
      'bad_request',
      `This split's Parquet files total ${Math.round(bytes / 1024 / 1024)} MB, more than the ${MAX_LOAD_BYTES / 1024 / 1024} MB the browser loads.`,
      { nextStep: 'Browse and sample it page by page instead.' },
    );
  }
  return files;
}

async function expectedRows(deps: HfDeps, target: CorpusTarget, signal: AbortSignal) {
  try {
    const size = await getSize(deps, target.dataset, signal);
    const entry = size.splits.find((s) => s.config === target.config && s.split === target.split);
    return entry?.numRows ?? 0;
  } catch (error) {
    // The size is only for the progress bar; the Parquet files say how many rows there are.
    if (isAborted(error)) throw error;
    return 0;
  }
}

interface FileRead {
  deps: HfDeps;
  ctx: CorporaContext;
  record: CorpusRecord;
  file: ParquetFile;
  signal: AbortSignal;
}

/** Reads one file, storing rows from `record.rowsDone` on; resolves with the file's row count. */
async function readFile({ deps, ctx, record, file, signal }: FileRead): Promise<number> {
  const fileStart = record.resume?.rowsAtFileStart ?? record.rowsDone;
  const alreadyStored = Math.max(0, record.rowsDone - fileStart);
  const columns = new Set(record.columns);
  let localIdx = 0;
  const result = await readParquetRows(deps, {
    url: file.url,
    byteLength: file.size,
    batchRows: BATCH_ROWS,
    signal,
    onRows: async (rows) => {
      const from = fileStart + Math.max(localIdx, alreadyStored);
      const fresh: Record<string, unknown>[] = [];
      for (const row of rows) {
        if (localIdx >= alreadyStored) {
          fresh.push(plainRow(row));
          for (const column of Object.keys(row)) columns.add(column);
        }
        localIdx += 1;
      }
      if (fresh.length === 0) return;
      await appendCorpusRows(ctx.db, record.id, from, fresh, { columns: [...columns] }, ctx.now());
    },
  });
  return result.rowsTotal;
}

async function readAllFiles(
  deps: HfDeps,
  ctx: CorporaContext,
  id: string,
  files: readonly ParquetFile[],
  signal: AbortSignal,
): Promise<CorpusRecord> {
  for (;;) {
    const record = await getCorpus(ctx.db, id);
    if (record === undefined)
      throw new AppError('aborted', 'The corpus was deleted while loading.');
    const filesDone = record.resume?.filesDone ?? 0;
    const file = files[filesDone];
    if (file === undefined) return record;
    const fileRows = await readFile({ deps, ctx, record, file, signal });
    const rowsAtFileStart = (record.resume?.rowsAtFileStart ?? 0) + fileRows;
    await patchCorpus(ctx.db, id, {
      resume: { filesDone: filesDone + 1, rowsAtFileStart },
      rowsDone: rowsAtFileStart,
      bytes: record.bytes + file.size,
      updatedAt: ctx.now(),
    });
  }
}

async function startOrResume(
  deps: HfDeps,
  ctx: CorporaContext,
  target: CorpusTarget,
  revision: string,
  signal: AbortSignal,
): Promise<CorpusRecord> {
  const existing = await getCorpus(ctx.db, corpusId(target, revision));
  if (existing !== undefined) {
    if (existing.status !== 'ready') {
      await patchCorpus(ctx.db, existing.id, { status: 'loading', error: undefined });
    }
    return existing;
  }
  const rowsTotal = await expectedRows(deps, target, signal);
  const record = newCorpusRecord(target, revision, rowsTotal, ctx.now());
  await putCorpus(ctx.db, record);
  return record;
}

async function recordFailure(ctx: CorporaContext, id: string, error: unknown): Promise<void> {
  const { kind, message, nextStep, status, host } = toAppError(error);
  await patchCorpus(ctx.db, id, {
    ...(kind === 'aborted'
      ? { status: 'cancelled' }
      : { status: 'error', error: { kind, message, nextStep, status, host } }),
    updatedAt: ctx.now(),
  });
}

export async function loadCorpus(
  ctx: CorporaContext,
  target: CorpusTarget,
  signal: AbortSignal,
): Promise<LoadSummary> {
  refusePageOnly(target.dataset);
  const deps = await hfDepsOf(ctx);
  const files = await splitFiles(deps, target, signal);
  const revision = revisionFromUrl(files[0]?.url ?? '');
  const started = await startOrResume(deps, ctx, target, revision, signal);
  if (started.status === 'ready') {
    return { corpusId: started.id, rowsDone: started.rowsDone, rowsTotal: started.rowsTotal };
  }
  try {
    const done = await readAllFiles(deps, ctx, started.id, files, signal);
    const rowsTotal = done.rowsDone;
    await patchCorpus(ctx.db, done.id, { status: 'ready', rowsTotal, updatedAt: ctx.now() });
    return { corpusId: done.id, rowsDone: done.rowsDone, rowsTotal };
  } catch (error) {
    await recordFailure(ctx, started.id, error);
    throw error;
  }
}
