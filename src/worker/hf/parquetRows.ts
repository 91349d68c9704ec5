// Bulk loads from the Hub's auto-converted Parquet files (spec §1: /rows paging does not scale to
// 100k-row corpora). Reads one row group at a time and only the requested columns, so memory stays
// near one row group of those columns; waits for the consumer between batches (backpressure).
import {
  parquetMetadataAsync,
  parquetReadObjects,
  parquetSchema,
  type AsyncBuffer,
  type Compressors,
  type FileMetaData,
} from 'hyparquet';
import { decompress as decompressZstd } from 'fzstd';
import { decompressBrotli } from 'hyparquet-compressors/src/brotli.js';
import { gunzip } from 'hyparquet-compressors/src/gzip.js';
import { decompressLz4, decompressLz4Raw } from 'hyparquet-compressors/src/lz4.js';
import { AppError } from '../../core/errors';
import { cloneableRow } from './cloneableValue';
import { fileNameOf, resolveUrl, type HfBases } from './hfBases';
import { httpRangeFile } from './httpRangeFile';
import type { HfDeps } from './viewerApi';
import { hostOf } from '../../core/hostOf';

/**
 * Every codec but Snappy from hyparquet-compressors' pure-JS decoders. Snappy, the Hub's usual codec,
 * is left to hyparquet's own JS decoder: the package's Snappy is WebAssembly, built as its index
 * module loads, which a CSP without 'wasm-unsafe-eval' forbids (the worker would not even start).
 * So its decoders are imported from their files, not its index: package.json pins its exact version
 * (a file moved in an update cannot slip in), and test/worker/hf/parquetCodecs.test.ts reads a file
 * of every codec through this table. Zstandard is fzstd's own public entry (declared, as the
 * package's index uses it).
 */
export const PARQUET_COMPRESSORS: Compressors = {
  GZIP: (input, outputLength) => gunzip(input, new Uint8Array(outputLength)),
  BROTLI: decompressBrotli,
  ZSTD: (input) => decompressZstd(input),
  LZ4: decompressLz4,
  LZ4_RAW: decompressLz4Raw,
};

export interface ParquetReadOptions {
  url: string;
  /** The file's size (from /parquet's `size`): saves a HEAD request. */
  byteLength?: number;
  /** Top-level columns to read; all when absent. */
  columns?: readonly string[];
  /** Rows per onRows call (default 1,000). */
  batchRows?: number;
  signal: AbortSignal;
  onRows: (
    rows: Record<string, unknown>[],
    progress: { rowsDone: number; rowsTotal: number },
  ) => Promise<void>;
}

const DEFAULT_BATCH_ROWS = 1000;

/** The file's place on the `refs/convert/parquet` branch: `<config>/<split>/<filename>`. */
export function parquetFileUrl(
  bases: HfBases,
  dataset: string,
  revision: string,
  config: string,
  split: string,
  filename: string,
): string {
  return resolveUrl(bases, dataset, revision, `${config}/${split}/${filename}`);
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new AppError('aborted', 'Cancelled.');
}

/** Errors from hyparquet itself mean the bytes are not the Parquet we expected. */
function asFormatError(error: unknown, host: string, what: string, signal: AbortSignal): AppError {
  if (error instanceof AppError) return error;
  if (signal.aborted) return new AppError('aborted', 'Cancelled.');
  const detail = error instanceof Error ? error.message : String(error);
  return new AppError('dataset_format', `Could not read ${what} from ${host}: ${detail}.`, {
    host,
    nextStep:
      'The file may be damaged or not Parquet at all: check the URL, or load the dataset through the viewer API instead.',
  });
}

function pickColumns(
  metadata: FileMetaData,
  wanted: readonly string[] | undefined,
  what: string,
): string[] {
  const available = parquetSchema(metadata).children.map((child) => child.element.name);
  if (wanted === undefined) return available;
  const missing = wanted.filter((column) => !available.includes(column));
  if (missing.length > 0) {
    throw new AppError(
      'dataset_format',
      `${what} has no column ${missing.map((c) => `"${c}"`).join(', ')}.`,
      {
        nextStep: `Choose among its columns: ${available.join(', ')}.`,
      },
    );
  }
  return [...wanted];
}

interface GroupRead {
  file: AsyncBuffer;
  metadata: FileMetaData;
  columns: string[];
  rowStart: number;
  rowEnd: number;
}

async function readGroup(read: GroupRead): Promise<Record<string, unknown>[]> {
  const rows = await parquetReadObjects({ ...read, compressors: PARQUET_COMPRESSORS });
  return rows.map((row) => cloneableRow(row));
}

/** Streams the rows of one Parquet file to `onRows`, row group by row group. */
export async function readParquetRows(
  deps: HfDeps,
  opts: ParquetReadOptions,
): Promise<{ rowsTotal: number; columns: string[] }> {
  const { signal } = opts;
  const host = hostOf(opts.url);
  const what = `the Parquet file "${fileNameOf(opts.url)}"`;
  const file = await httpRangeFile(deps, {
    url: opts.url,
    byteLength: opts.byteLength,
    signal,
    what,
  });
  const metadata = await parquetMetadataAsync(file).catch((error: unknown) => {
    throw asFormatError(error, host, what, signal);
  });
  const columns = pickColumns(metadata, opts.columns, what);
  const rowsTotal = Number(metadata.num_rows);
  const batchRows = Math.max(1, Math.floor(opts.batchRows ?? DEFAULT_BATCH_ROWS));
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    throwIfAborted(signal);
    const rowEnd = rowStart + Number(group.num_rows);
    const rows = await readGroup({ file, metadata, columns, rowStart, rowEnd }).catch(
      (error: unknown) => {
        throw asFormatError(error, host, what, signal);
      },
    );
    for (let at = 0; at < rows.length; at += batchRows) {
      throwIfAborted(signal);
      const batch = rows.slice(at, at + batchRows);
      await opts.onRows(batch, { rowsDone: rowStart + at + batch.length, rowsTotal });
    }
    rowStart = rowEnd;
  }
  // A cancel during the last onRows still counts: the caller may already have discarded the run.
  throwIfAborted(signal);
  return { rowsTotal, columns };
}
