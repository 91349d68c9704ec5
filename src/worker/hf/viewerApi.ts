// The Hugging Face dataset viewer API (spec more-environments §1): splits, sizes, pages of ≤ 100 rows,
// search, filter and the list of auto-converted Parquet files. Every reply is validated with zod
// before use; every failure is an AppError from hfErrors with host, status and a next step.
import { compareByCodeUnit } from '../../core/sortByCodeUnit';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../core/retryPolicy';
import type { z } from '../../core/zod';
import { fetchReadWithRetry, type HttpDeps } from '../fetchWithRetry';
import type { ViewerFeature } from './classLabelNames';
import type { HfBases } from './hfBases';
import { hfHttpError, hfParseError } from './hfErrors';
import {
  InfoSchema,
  IsValidSchema,
  ParquetListSchema,
  RowsPageSchema,
  SizeSchema,
  SplitsSchema,
} from './viewerSchemas';
import { hostOf } from '../../core/hostOf';

export { classLabelNames } from './classLabelNames';

export interface HfDeps extends HttpDeps {
  bases: HfBases;
  /** Retries for every request; DEFAULT_RETRY_POLICY when absent. */
  policy?: RetryPolicy;
}

export interface RowsPage {
  features: ViewerFeature[];
  rows: { rowIdx: number; row: Record<string, unknown>; truncatedCells: string[] }[];
  numRowsTotal: number;
}

export interface RowsQuery {
  dataset: string;
  config: string;
  split: string;
  offset: number;
  /** Clamped to 0…100: the API refuses longer pages. */
  length: number;
}

/** The API's page limit (spec §1: ≤ 100 rows per call). */
export const MAX_ROWS_PER_PAGE = 100;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/** GETs `<viewerBase>/<endpoint>?<params>` and validates the JSON reply. */
async function getViewerJson<T>(
  deps: HfDeps,
  request: { endpoint: string; params: Record<string, string>; what: string },
  schema: z.ZodType<T>,
  signal: AbortSignal,
): Promise<T> {
  const query = new URLSearchParams(request.params).toString();
  const url = `${deps.bases.viewerBase}/${request.endpoint}?${query}`;
  const text = await fetchReadWithRetry(deps, url, deps.policy ?? DEFAULT_RETRY_POLICY, signal, {
    read: (response) => response.text(),
    toError: hfHttpError(request.what),
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw hfParseError(hostOf(url), request.what, 'the reply is not JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw hfParseError(hostOf(url), request.what, describeIssues(parsed.error));
  return parsed.data;
}

export function isValid(
  deps: HfDeps,
  dataset: string,
  signal: AbortSignal,
): Promise<{
  preview: boolean;
  viewer: boolean;
  search: boolean;
  filter: boolean;
  statistics: boolean;
}> {
  const what = `the viewer status of "${dataset}"`;
  return getViewerJson(
    deps,
    { endpoint: 'is-valid', params: { dataset }, what },
    IsValidSchema,
    signal,
  );
}

export async function listSplits(
  deps: HfDeps,
  dataset: string,
  signal: AbortSignal,
): Promise<{ config: string; split: string }[]> {
  const what = `the splits of "${dataset}"`;
  const reply = await getViewerJson(
    deps,
    { endpoint: 'splits', params: { dataset }, what },
    SplitsSchema,
    signal,
  );
  return reply.splits.map(({ config, split }) => ({ config, split }));
}

export async function getInfo(
  deps: HfDeps,
  dataset: string,
  config: string,
  signal: AbortSignal,
): Promise<{
  description: string | null;
  license: string | null;
  features: Record<string, unknown>;
}> {
  const what = `the description of "${dataset}" (${config})`;
  const reply = await getViewerJson(
    deps,
    { endpoint: 'info', params: { dataset, config }, what },
    InfoSchema,
    signal,
  );
  const info = reply.dataset_info;
  // Cards often leave these as empty strings: "not stated" either way.
  return {
    description: info.description?.trim() || null,
    license: info.license?.trim() || null,
    features: info.features ?? {},
  };
}

export async function getSize(
  deps: HfDeps,
  dataset: string,
  signal: AbortSignal,
): Promise<{
  splits: { config: string; split: string; numRows: number; numBytesParquet: number | null }[];
}> {
  const what = `the size of "${dataset}"`;
  const reply = await getViewerJson(
    deps,
    { endpoint: 'size', params: { dataset }, what },
    SizeSchema,
    signal,
  );
  return {
    splits: reply.size.splits.map((split) => ({
      config: split.config,
      split: split.split,
      numRows: split.num_rows,
      numBytesParquet: split.num_bytes_parquet_files ?? null,
    })),
  };
}

function count(value: number): number {
  return Number.isFinite(value) ? Math.max(0, Math.floor(value)) : 0;
}

type PageParams = Record<'dataset' | 'config' | 'split' | 'offset' | 'length', string>;

function pageParams(q: RowsQuery): PageParams {
  const offset = count(q.offset);
  const length = Math.min(MAX_ROWS_PER_PAGE, count(q.length));
  return {
    dataset: q.dataset,
    config: q.config,
    split: q.split,
    offset: String(offset),
    length: String(length),
  };
}

async function getRowsPage(
  deps: HfDeps,
  request: { endpoint: string; params: Record<string, string>; what: string },
  signal: AbortSignal,
): Promise<RowsPage> {
  const reply = await getViewerJson(deps, request, RowsPageSchema, signal);
  return {
    features: reply.features.map(({ name, type }) => ({ name, type })),
    rows: reply.rows.map((row) => ({
      rowIdx: row.row_idx,
      row: row.row,
      truncatedCells: row.truncated_cells,
    })),
    numRowsTotal: reply.num_rows_total,
  };
}

function splitLabel(q: RowsQuery): string {
  return `"${q.dataset}" (${q.config}/${q.split})`;
}

export function getRows(deps: HfDeps, q: RowsQuery, signal: AbortSignal): Promise<RowsPage> {
  const params = pageParams(q);
  const what = `${params.length} rows from row ${params.offset} of ${splitLabel(q)}`;
  return getRowsPage(deps, { endpoint: 'rows', params, what }, signal);
}

/** Full-text search; the query text stays out of error messages (it is the user's). */
export function searchRows(
  deps: HfDeps,
  q: RowsQuery & { query: string },
  signal: AbortSignal,
): Promise<RowsPage> {
  const params = { ...pageParams(q), query: q.query };
  return getRowsPage(
    deps,
    { endpoint: 'search', params, what: `a search in ${splitLabel(q)}` },
    signal,
  );
}

/** SQL-like `where` (e.g. `"subject_name"='Anatomy'`) and optional `orderby`, as the API takes them. */
export function filterRows(
  deps: HfDeps,
  q: RowsQuery & { where: string; orderby?: string },
  signal: AbortSignal,
): Promise<RowsPage> {
  const params = {
    ...pageParams(q),
    where: q.where,
    ...(q.orderby === undefined ? {} : { orderby: q.orderby }),
  };
  return getRowsPage(
    deps,
    { endpoint: 'filter', params, what: `a filter on ${splitLabel(q)}` },
    signal,
  );
}

export interface ParquetFileEntry {
  config: string;
  split: string;
  url: string;
  filename: string;
  size: number;
}

/** One split's files from a /parquet listing, in reading order (file names by code unit). */
export function splitParquetFiles(
  files: readonly ParquetFileEntry[],
  config: string,
  split: string,
): ParquetFileEntry[] {
  return files
    .filter((file) => file.config === config && file.split === split)
    .sort((a, b) => compareByCodeUnit(a.filename, b.filename));
}

export async function listParquetFiles(
  deps: HfDeps,
  dataset: string,
  signal: AbortSignal,
): Promise<ParquetFileEntry[]> {
  const what = `the Parquet file list of "${dataset}"`;
  const files = await getViewerJson(
    deps,
    { endpoint: 'parquet', params: { dataset }, what },
    ParquetListSchema,
    signal,
  );
  return files.map(({ config, split, url, filename, size }) => ({
    config,
    split,
    url,
    filename,
    size,
  }));
}
