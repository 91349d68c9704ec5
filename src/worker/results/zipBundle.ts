// Owns the .zip side of results folders: packing an export (results.jsonl, metadata.json, CSV…) into one
// download, and finding results.jsonl and metadata.json anywhere inside a user's .zip. Like the notes
// importer, it reads the listing before inflating anything and inflates each wanted entry into a
// buffer of its declared size, so a zip bomb costs at most the limits.
import { strToU8, zipSync, type Zippable } from 'fflate';
import { AppError } from '../../core/errors';
import { unzipOrThrow } from '../unzipOrThrow';

export interface ResultsZipLimits {
  /** Largest .zip accepted, as stored. */
  maxArchiveBytes: number;
  /** Largest uncompressed results.jsonl. */
  maxResultsBytes: number;
  /** Largest uncompressed metadata.json. */
  maxMetadataBytes: number;
  /** Most entries of any kind (a guard against a forged listing). */
  maxEntries: number;
}

const MIB = 1024 * 1024;

// A 429-example run with 32 rollouts and long judge replies is ~150 MB of JSONL; past that the browser
// tab itself is the limit.
export const DEFAULT_RESULTS_ZIP_LIMITS: ResultsZipLimits = {
  maxArchiveBytes: 100 * MIB,
  maxResultsBytes: 256 * MIB,
  maxMetadataBytes: 4 * MIB,
  maxEntries: 10_000,
};

const NEXT_STEP =
  'Choose the .zip of one results folder (results.jsonl with its metadata.json); nothing was stored.';

export function bundleRunZip(files: readonly { path: string; text: string }[]): Uint8Array {
  const tree: Zippable = {};
  for (const { path, text } of files) {
    const segments = path.split('/');
    if (path.startsWith('/') || segments.some((s) => s === '' || s === '.' || s === '..')) {
      throw new AppError('bad_request', `"${path}" is not a relative file path for a zip entry.`);
    }
    if (Object.hasOwn(tree, path)) throw new AppError('bad_request', `"${path}" is listed twice.`);
    tree[path] = strToU8(text);
  }
  return zipSync(tree, { level: 6 });
}

interface Found {
  path: string;
  size: number;
}

export function readResultsZip(
  bytes: Uint8Array,
  limits: ResultsZipLimits = DEFAULT_RESULTS_ZIP_LIMITS,
): { resultsJsonl: string; metadataJson: string | null } {
  if (bytes.length > limits.maxArchiveBytes) {
    throw new AppError(
      'dataset_format',
      `The .zip is larger than ${formatSize(limits.maxArchiveBytes)}.`,
      {
        nextStep: NEXT_STEP,
      },
    );
  }
  const { results, metadata } = locate(bytes, limits);
  const wanted = new Set([results.path, ...(metadata === null ? [] : [metadata.path])]);
  const files = unzipOrThrow(bytes, (path) => wanted.has(path), notAZip);
  return {
    resultsJsonl: decode(files, results),
    metadataJson: metadata === null ? null : decode(files, metadata),
  };
}

/** First pass, listing only: the one results.jsonl, and the metadata.json beside it (if any). */
function locate(bytes: Uint8Array, limits: ResultsZipLimits) {
  const results: Found[] = [];
  const metadata: Found[] = [];
  let count = 0;
  unzipOrThrow(
    bytes,
    (path, size) => {
      if (!Number.isSafeInteger(size) || size < 0) {
        throw new AppError('dataset_format', `The header of "${path}" in the .zip is damaged.`, {
          nextStep: NEXT_STEP,
        });
      }
      count += 1;
      if (count > limits.maxEntries) {
        throw new AppError(
          'dataset_format',
          `The .zip has more than ${limits.maxEntries} entries.`,
          {
            nextStep: NEXT_STEP,
          },
        );
      }
      const segments = path.split(/[/\\]/);
      if (segments.includes('__MACOSX')) return false;
      const name = segments[segments.length - 1];
      if (name === 'results.jsonl') results.push({ path, size });
      if (name === 'metadata.json') metadata.push({ path, size });
      return false;
    },
    notAZip,
  );
  const found = checkResults(results, limits);
  const beside = metadata.find((m) => folderOf(m.path) === folderOf(found.path)) ?? null;
  if (beside !== null && beside.size > limits.maxMetadataBytes) {
    throw tooLarge(beside, limits.maxMetadataBytes);
  }
  return { results: found, metadata: beside };
}

function checkResults(results: readonly Found[], limits: ResultsZipLimits): Found {
  const [first, second] = results;
  if (first === undefined) {
    throw new AppError('dataset_format', 'The .zip holds no results.jsonl.', {
      nextStep: NEXT_STEP,
    });
  }
  if (second !== undefined) {
    throw new AppError(
      'dataset_format',
      `The .zip holds several results folders (${results.map((r) => r.path).join(', ')}).`,
      { nextStep: 'Zip one results folder at a time; nothing was stored.' },
    );
  }
  if (first.size > limits.maxResultsBytes) throw tooLarge(first, limits.maxResultsBytes);
  return first;
}

function folderOf(path: string): string {
  return path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

function decode(files: Record<string, Uint8Array>, entry: Found): string {
  const data = files[entry.path];
  // fflate inflates into a buffer of the declared size: shorter data means a damaged entry.
  if (data?.length !== entry.size) {
    throw new AppError('dataset_format', `"${entry.path}" in the .zip is damaged.`, {
      nextStep: NEXT_STEP,
    });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch (error) {
    throw new AppError('dataset_format', `"${entry.path}" is not UTF-8 text.`, {
      nextStep: NEXT_STEP,
      cause: error,
    });
  }
}

function tooLarge(entry: Found, limit: number): AppError {
  return new AppError(
    'dataset_format',
    `"${entry.path}" is ${formatSize(entry.size)} uncompressed; at most ${formatSize(limit)} can be imported.`,
    { nextStep: NEXT_STEP },
  );
}

function formatSize(bytes: number): string {
  return bytes < MIB ? `${bytes} bytes` : `${Math.ceil((bytes / MIB) * 10) / 10} MB`;
}

function notAZip(reason: string, cause: unknown): AppError {
  return new AppError('dataset_format', `The file could not be read as a .zip (${reason}).`, {
    nextStep: NEXT_STEP,
    cause,
  });
}
