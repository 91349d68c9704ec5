// Reads one part of a benchmark variant into the example sink: a Parquet split (only the env's
// columns, row group by row group), a JSONL file (streamed line by line), or a GitHub file at a
// pinned commit (blob-checked, split into rows by the env). Each batch is written before the next is
// read, so memory stays bounded and progress is what is stored.
import { AppError } from '../../core/errors';
import type {
  EnvModule,
  EnvVariant,
  GithubFilePart,
  HfJsonlPart,
  HfParquetPart,
  RowContext,
} from '../../core/envs/types';
import type { DownloadedGithubFile } from '../../core/schema/dataset';
import type { SourceSettings } from '../../core/schema/sourceSettings';
import { fetchPinnedGithubFile } from '../github/pinnedGithubFile';
import { resolveUrl } from '../hf/hfBases';
import { readParquetRows, parquetFileUrl } from '../hf/parquetRows';
import { streamJsonl } from '../hf/jsonlLines';
import {
  classLabelNames,
  getInfo,
  splitParquetFiles,
  type HfDeps,
  type ParquetFileEntry,
} from '../hf/viewerApi';
import type { ExampleSink } from './exampleSink';

export interface PartJob {
  hf: HfDeps;
  settings: SourceSettings;
  env: EnvModule;
  variant: EnvVariant;
  revision: string;
  sink: ExampleSink;
  signal: AbortSignal;
  part: number;
  extras: Record<string, unknown>;
  /** The dataset's /parquet listing, asked once per dataset however many parts read from it. */
  parquetListing: (dataset: string) => Promise<ParquetFileEntry[]>;
  /** GitHub files read so far, as downloaded (the dataset record lists them). */
  githubFiles: DownloadedGithubFile[];
}

/** Rows written per transaction when a whole file is split at once. */
const FILE_BATCH_ROWS = 500;

function rowOutcome(job: PartJob, row: unknown, ctx: RowContext) {
  if (job.env.rowToExample === undefined)
    throw new AppError('bad_request', `${job.env.label} reads no rows.`);
  if (row === null || typeof row !== 'object' || Array.isArray(row)) {
    return { skip: 'the row is not a JSON object' };
  }
  return job.env.rowToExample(row as Record<string, unknown>, ctx);
}

/** The array a collecting part fills in the load's extras. */
function collected(extras: Record<string, unknown>, name: string): unknown[] {
  const existing = extras[name];
  if (Array.isArray(existing)) return existing;
  const rows: unknown[] = [];
  extras[name] = rows;
  return rows;
}

function keeps(keep: NonNullable<HfParquetPart['keep']>, row: unknown): boolean {
  return row !== null && typeof row === 'object' && !Array.isArray(row)
    ? keep(row as Record<string, unknown>)
    : true;
}

/** Reads a Parquet split; returns null (the converted files carry no commit we can read). */
export async function readParquetPart(job: PartJob, source: HfParquetPart): Promise<string | null> {
  const files = splitParquetFiles(
    await job.parquetListing(source.dataset),
    source.config,
    source.split,
  );
  if (files.length === 0) {
    throw new AppError(
      'not_found',
      `${source.dataset} lists no Parquet file for ${source.config}/${source.split}.`,
      {
        nextStep:
          'Check the dataset on Hugging Face; its converted Parquet files may still be building.',
      },
    );
  }
  const info = await getInfo(job.hf, source.dataset, source.config, job.signal);
  const classLabels = classLabelNames(info.features);
  let rowIndex = 0;
  for (const file of files) {
    const url = parquetFileUrl(
      job.hf.bases,
      source.dataset,
      job.revision,
      source.config,
      source.split,
      file.filename,
    );
    const name = `${source.config}/${source.split}/${file.filename}`;
    await readParquetRows(job.hf, {
      url,
      byteLength: file.size,
      columns: source.columns,
      signal: job.signal,
      onRows: async (rows) => {
        for (const row of rows) {
          if (source.keep !== undefined && !keeps(source.keep, row)) continue;
          if (source.collect !== undefined) {
            collected(job.extras, source.collect).push(row);
            continue;
          }
          const ctx = {
            variant: job.variant,
            part: job.part,
            rowIndex,
            classLabels,
            extras: job.extras,
          };
          job.sink.add(
            rowOutcome(job, row, ctx),
            `${name} row ${rowIndex}`,
            `${source.dataset}/${name}`,
          );
          rowIndex++;
        }
        await job.sink.flush();
      },
    });
  }
  return null;
}

/** Streams a JSONL file; returns the commit the Hub reported for it, when it did. */
export async function readJsonlPart(job: PartJob, source: HfJsonlPart): Promise<string | null> {
  const url = resolveUrl(job.hf.bases, source.dataset, job.revision, source.path);
  let rowIndex = 0;
  const result = await streamJsonl(job.hf, {
    url,
    signal: job.signal,
    onLines: async (lines) => {
      for (const line of lines) {
        const where = `${source.path} line ${line.line}`;
        if (line.error !== undefined) {
          job.sink.add({ skip: `not valid JSON: ${line.error}` }, where, source.path);
        } else {
          const ctx = {
            variant: job.variant,
            part: job.part,
            rowIndex,
            classLabels: {},
            extras: job.extras,
          };
          job.sink.add(rowOutcome(job, line.value, ctx), where, `${source.dataset}/${source.path}`);
        }
        rowIndex++;
      }
      await job.sink.flush();
    },
  });
  return result.revision;
}

/** Reads a GitHub file at the load's revision (blob-checked at the pinned one) and splits it into rows. */
export async function readGithubFilePart(job: PartJob, source: GithubFilePart): Promise<void> {
  const file = await fetchPinnedGithubFile(
    job.hf,
    job.settings,
    job.variant,
    job.revision,
    source,
    job.signal,
  );
  job.githubFiles.push(file.record);
  const rows = source.rows(file.text);
  for (const [rowIndex, row] of rows.entries()) {
    const ctx = {
      variant: job.variant,
      part: job.part,
      rowIndex,
      classLabels: {},
      extras: job.extras,
    };
    job.sink.add(rowOutcome(job, row, ctx), `${source.path} row ${rowIndex}`, source.path);
    if ((rowIndex + 1) % FILE_BATCH_ROWS === 0) {
      if (job.signal.aborted) throw new AppError('aborted', 'Cancelled.');
      await job.sink.flush();
    }
  }
  await job.sink.flush();
}
