// A remote file as hyparquet's AsyncBuffer: each slice is one HTTP Range request through deps.fetch,
// retried a bounded number of times, failures mapped by hfErrors. No whole-file cache: hyparquet's
// cachedAsyncBuffer keeps every slice forever, which for a 700 MB corpus is the memory we must not use.
import type { AsyncBuffer } from 'hyparquet';
import { AppError } from '../../core/errors';
import { DEFAULT_RETRY_POLICY } from '../../core/retryPolicy';
import { fetchReadWithRetry } from '../fetchWithRetry';
import { hfHttpError, hfSizeMismatchError } from './hfErrors';
import type { HfDeps } from './viewerApi';
import { hostOf } from '../../core/hostOf';

/** The footer read (hyparquet asks for the last 512 KB) is kept so small files need one request. */
const TAIL_CACHE_LIMIT = 1 << 20;

interface RangeFileOptions {
  url: string;
  byteLength?: number;
  signal: AbortSignal;
  /** What the file is, for error messages (e.g. `the Parquet file "0000.parquet"`). */
  what: string;
}

function lengthFromHead(response: Response, host: string, what: string): Promise<number> {
  // The Hub also sends x-linked-size for files stored in LFS/Xet.
  const header = response.headers.get('content-length') ?? response.headers.get('x-linked-size');
  const length = header === null ? NaN : Number(header);
  if (!Number.isSafeInteger(length) || length < 0) {
    return Promise.reject(
      new AppError('dataset_format', `${host} did not say how large ${what} is.`, {
        host,
        nextStep: 'Load the file through the Parquet file list, which states its size.',
      }),
    );
  }
  return Promise.resolve(length);
}

/** The total size a 206 reply states (`Content-Range: bytes 0-99/1234`), when readable. */
function totalFromContentRange(response: Response): number | undefined {
  const match = /\/(\d+)\s*$/.exec(response.headers.get('content-range') ?? '');
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

interface RangeCheck {
  start: number;
  end: number;
  fileLength: number;
  host: string;
  what: string;
}

/** Checks a range reply; a short body is thrown as a plain Error so the request is retried. */
async function bodyOfRange(response: Response, range: RangeCheck) {
  const { start, end, fileLength } = range;
  if (response.status === 206) {
    const total = totalFromContentRange(response);
    // A wrong byteLength (the file changed) would otherwise look like an endless run of short reads.
    if (total !== undefined && total !== fileLength) {
      await response.body?.cancel().catch(() => undefined);
      throw hfSizeMismatchError(range.host, range.what, fileLength, total);
    }
    const buffer = await response.arrayBuffer();
    if (buffer.byteLength !== end - start) {
      throw new Error(`got ${buffer.byteLength} of ${end - start} requested bytes`);
    }
    return { buffer, whole: false };
  }
  // 200: the server ignored Range and sent everything.
  const buffer = await response.arrayBuffer();
  if (buffer.byteLength !== fileLength) {
    throw hfSizeMismatchError(range.host, range.what, fileLength, buffer.byteLength);
  }
  return { buffer, whole: true };
}

/** One HEAD request; callers that know the size (from /parquet) pass byteLength and skip it. */
function fetchByteLength(deps: HfDeps, options: RangeFileOptions): Promise<number> {
  const { url, signal, what } = options;
  return fetchReadWithRetry(deps, url, deps.policy ?? DEFAULT_RETRY_POLICY, signal, {
    method: 'HEAD',
    read: (response) => lengthFromHead(response, hostOf(url), what),
    toError: hfHttpError(what),
  });
}

export async function httpRangeFile(deps: HfDeps, options: RangeFileOptions): Promise<AsyncBuffer> {
  const { url, signal, what } = options;
  const policy = deps.policy ?? DEFAULT_RETRY_POLICY;
  const toError = hfHttpError(what);
  const host = hostOf(url);
  const byteLength = options.byteLength ?? (await fetchByteLength(deps, options));
  let tail: { start: number; buffer: ArrayBuffer } | undefined;
  let whole: ArrayBuffer | undefined;

  async function slice(start: number, end = byteLength): Promise<ArrayBuffer> {
    if (start < 0) start = Math.max(0, byteLength + start);
    if (end <= start) return new ArrayBuffer(0);
    if (whole !== undefined) return whole.slice(start, end);
    if (tail !== undefined && start >= tail.start) {
      return tail.buffer.slice(start - tail.start, end - tail.start);
    }
    const got = await fetchReadWithRetry(deps, url, policy, signal, {
      headers: { range: `bytes=${start}-${end - 1}` },
      read: (response) => bodyOfRange(response, { start, end, fileLength: byteLength, host, what }),
      toError,
    });
    if (got.whole) {
      // Memory is the server's choice here: it would send the whole file for every slice otherwise.
      whole = got.buffer;
      return whole.slice(start, end);
    }
    if (end === byteLength && end - start <= TAIL_CACHE_LIMIT) tail = { start, buffer: got.buffer };
    return got.buffer;
  }
  return { byteLength, slice };
}
