// "Open results from a URL": someone's published results.jsonl (with its metadata.json beside it,
// when there is one) or our zip, fetched from a host that allows cross-origin reads (GitHub raw,
// Hugging Face), imported like a dropped file. Only http(s) URLs; sizes checked from the headers.
import { AppError } from '../../core/errors';
import { hostOf } from '../fetchWithRetry';
import type { ImportFile } from '../importers/readImport';
import {
  importResults,
  type ImportResultsDeps,
  type ImportResultsOptions,
  type ResultsImportSummary,
} from './importResults';

const MAX_BYTES = 200 * 1024 * 1024;

export interface UrlImportDeps extends ImportResultsDeps {
  fetch: typeof fetch;
}

function checkUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('bad_request', 'The results link is not a valid URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('bad_request', `The results link must be http(s), not ${url.protocol}`);
  }
  return url;
}

async function download(
  deps: UrlImportDeps,
  url: URL,
  isOptional: boolean,
): Promise<ImportFile | null> {
  let response: Response;
  try {
    response = await deps.fetch(url, { credentials: 'omit' });
  } catch {
    throw new AppError(
      'cors',
      `Could not download ${url.pathname.split('/').pop() ?? 'the file'} from ${url.host}.`,
      {
        host: url.host,
        nextStep:
          'The host is unreachable or does not allow cross-origin reads (CORS). GitHub raw and Hugging Face "resolve" links allow them; or download the file and import it.',
      },
    );
  }
  if (!response.ok) {
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
  const length = Number(response.headers.get('content-length') ?? '0');
  if (length > MAX_BYTES) {
    await response.body?.cancel();
    throw new AppError(
      'dataset_format',
      `The results at ${url.host} are ${(length / 1024 / 1024).toFixed(0)} MB; at most 200 MB can be opened.`,
    );
  }
  const bytes = await response.arrayBuffer();
  const name =
    decodeURIComponent(url.pathname.split('/').pop() ?? 'results.jsonl') || 'results.jsonl';
  return { name, size: bytes.byteLength, arrayBuffer: () => Promise.resolve(bytes) };
}

export async function importResultsFromUrl(
  deps: UrlImportDeps,
  rawUrl: string,
  options: ImportResultsOptions = {},
): Promise<ResultsImportSummary> {
  const url = checkUrl(rawUrl);
  const main = await download(deps, url, false);
  if (main === null) throw new AppError('not_found', `Nothing at ${hostOf(url.toString())}.`);
  const files: ImportFile[] = [main];
  if (!main.name.toLowerCase().endsWith('.zip')) {
    // verifiers saves metadata.json beside results.jsonl; it is optional.
    const metadata = await download(deps, new URL('metadata.json', url), true).catch(() => null);
    if (metadata !== null) files.push({ ...metadata, name: 'metadata.json' });
  }
  return importResults(deps, files, options);
}
