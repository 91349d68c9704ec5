// "Open results from a URL": someone's published results.jsonl (with its metadata.json beside it,
// when there is one) or our zip, fetched from a host that allows cross-origin reads (GitHub raw,
// Hugging Face), imported like a dropped file. Only http(s) URLs. The body is read as a stream and
// the download stops at the size limit, whether or not the host sent a Content-Length (issue 10 #4);
// a link whose percent-encoding is broken is refused with a clear message before anything is fetched
// (issue 10 #8).
import { AppError } from '../../core/errors';
import type { ImportFile } from '../importers/readImport';
import { formatLimit, formatMegabytes } from '../importers/readZip';
import {
  importResults,
  MAX_METADATA_BYTES,
  MAX_RESULTS_BYTES,
  MAX_RESULTS_ZIP_BYTES,
  type ImportResultsDeps,
  type ImportResultsOptions,
  type ResultsImportSummary,
} from './importResults';
import { hostOf } from '../../core/hostOf';

export interface DownloadLimits {
  results: number;
  metadata: number;
  zip: number;
}

const DEFAULT_DOWNLOAD_LIMITS: DownloadLimits = {
  results: MAX_RESULTS_BYTES,
  metadata: MAX_METADATA_BYTES,
  zip: MAX_RESULTS_ZIP_BYTES,
};

export interface UrlImportDeps extends ImportResultsDeps {
  fetch: typeof fetch;
  /** The most bytes read of each file; default the import's own limits. */
  limits?: DownloadLimits;
}

const LINK_NEXT_STEP =
  'Copy the link again from where it was published (the whole of it), or download the files and import them.';

/**
 * Where the text's percent-encoding breaks: a "%" not followed by two hexadecimal digits, or escapes
 * that do not spell UTF-8. Null when it is sound.
 */
export function percentEncodingProblem(text: string): string | null {
  const stray = /%(?![0-9A-Fa-f]{2})/.exec(text);
  if (stray !== null) {
    const at = text.slice(stray.index, stray.index + 6);
    return `“${at}” is a “%” that is not followed by two hexadecimal digits`;
  }
  for (const match of text.matchAll(/(?:%[0-9A-Fa-f]{2})+/g)) {
    try {
      decodeURIComponent(match[0]);
    } catch {
      return `“${match[0].slice(0, 24)}” does not decode as UTF-8 text`;
    }
  }
  return null;
}

function checkUrl(raw: string): URL {
  const problem = percentEncodingProblem(raw);
  if (problem !== null) {
    throw new AppError('bad_request', `The results link has broken percent-encoding: ${problem}.`, {
      nextStep: LINK_NEXT_STEP,
    });
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('bad_request', 'The results link is not a valid URL.', {
      nextStep: LINK_NEXT_STEP,
    });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('bad_request', `The results link must be http(s), not ${url.protocol}`);
  }
  return url;
}

/** The last path segment, decoded (the link was checked, so it decodes); `fallback` when empty. */
function fileNameOf(url: URL, fallback: string): string {
  const last = url.pathname.split('/').pop() ?? '';
  return decodeURIComponent(last) || fallback;
}

function tooLarge(url: URL, limit: number, size: number | null): AppError {
  const what = size === null ? `more than ${formatLimit(limit)}` : formatMegabytes(size);
  return new AppError(
    'dataset_format',
    `${fileNameOf(url, 'The file')} at ${url.host} is ${what}; at most ${formatLimit(limit)} can be opened.`,
    {
      host: url.host,
      nextStep:
        'The download was stopped there and nothing was stored. Open a smaller results folder, or split the run.',
    },
  );
}

/**
 * The body, read chunk by chunk and given up the moment it passes `limit`: a declared
 * Content-Length over the limit stops it before the first byte, an undeclared or lying one as soon
 * as the bytes say so.
 */
async function readLimited(response: Response, url: URL, limit: number): Promise<Blob> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel();
    throw tooLarge(url, limit, declared);
  }
  if (response.body === null) return new Blob([]);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw tooLarge(url, limit, null);
    }
    chunks.push(value);
  }
  // A Blob of the chunks, not one concatenated copy: a 200 MB file is not held twice.
  return new Blob(chunks as BlobPart[]);
}

async function download(
  deps: UrlImportDeps,
  url: URL,
  limit: number,
  isOptional: boolean,
): Promise<ImportFile | null> {
  let response: Response;
  try {
    response = await deps.fetch(url, { credentials: 'omit' });
  } catch {
    throw new AppError(
      'cors',
      `Could not download ${fileNameOf(url, 'the file')} from ${url.host}.`,
      {
        host: url.host,
        nextStep:
          'The host is unreachable or does not allow cross-origin reads (CORS). GitHub raw and Hugging Face "resolve" links allow them; or download the file and import it.',
      },
    );
  }
  if (!response.ok) {
    await response.body?.cancel();
    if (isOptional) return null;
    throw new AppError(
      response.status === 404 ? 'not_found' : 'network',
      `${url.host} answered HTTP ${response.status} for the results.`,
      {
        host: url.host,
        status: response.status,
        nextStep: 'Check the link, or download the file and import it.',
      },
    );
  }
  const blob = await readLimited(response, url, limit);
  return {
    name: fileNameOf(url, 'results.jsonl'),
    size: blob.size,
    arrayBuffer: () => blob.arrayBuffer(),
  };
}

export async function importResultsFromUrl(
  deps: UrlImportDeps,
  rawUrl: string,
  options: ImportResultsOptions = {},
): Promise<ResultsImportSummary> {
  const url = checkUrl(rawUrl);
  const limits = deps.limits ?? DEFAULT_DOWNLOAD_LIMITS;
  const isZip = fileNameOf(url, '').toLowerCase().endsWith('.zip');
  const main = await download(deps, url, isZip ? limits.zip : limits.results, false);
  if (main === null) throw new AppError('not_found', `Nothing at ${hostOf(url.toString())}.`);
  const files: ImportFile[] = [main];
  if (!isZip) {
    // verifiers saves metadata.json beside results.jsonl; it is optional, but one too large says so.
    const metadataUrl = new URL('metadata.json', url);
    const metadata = await download(deps, metadataUrl, limits.metadata, true).catch(
      (error: unknown) => {
        if (error instanceof AppError && error.kind === 'dataset_format') throw error;
        return null;
      },
    );
    if (metadata !== null) files.push({ ...metadata, name: 'metadata.json' });
  }
  return importResults(deps, files, options);
}
