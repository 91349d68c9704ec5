// Fetches one file of a GitHub repository at a commit for the GitHub-file source kind (issue 15):
// the raw host with retries (retry-after honoured), then the jsDelivr mirror, as the MTSamples
// download does. The bytes are checked against the pinned git blob id: a host that serves another
// version (or a proxy that rewrites it) is not the reference's file, so the mirror is asked next, and
// when neither serves the pinned bytes the load fails and says which ids it got. Text is UTF-8, read
// strictly and with any byte-order mark kept, as Python's `open(…, encoding="utf-8")` reads it.
import { AppError } from '../../core/errors';
import {
  githubMirrorUrl,
  githubRawUrl,
  type GithubBases,
  type GithubFileRef,
} from '../../core/github/githubFileUrls';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../core/retryPolicy';
import { fetchReadWithRetry, type HttpDeps } from '../fetchWithRetry';
import { gitBlobId } from './gitBlobId';
import { hostOf } from '../../core/hostOf';

export interface GithubFileDeps extends HttpDeps {
  policy?: RetryPolicy;
}

export interface GithubFileRequest extends GithubFileRef {
  /** The blob id the file must have; null accepts any content (a commit the user chose). */
  blobSha: string | null;
}

export interface GithubFile {
  text: string;
  bytes: number;
  /** The blob id of what was downloaded. */
  blobSha: string;
  via: 'primary' | 'mirror';
}

type Attempt =
  | { kind: 'ok'; file: GithubFile }
  | { kind: 'mismatch'; host: string; blobSha: string; bytes: number }
  | { kind: 'failed'; error: AppError };

async function attempt(
  deps: GithubFileDeps,
  url: string,
  request: GithubFileRequest,
  via: GithubFile['via'],
  signal: AbortSignal,
): Promise<Attempt> {
  let bytes: Uint8Array;
  try {
    bytes = await fetchReadWithRetry(deps, url, deps.policy ?? DEFAULT_RETRY_POLICY, signal, {
      read: async (response) => new Uint8Array(await response.arrayBuffer()),
    });
  } catch (error) {
    if (!(error instanceof AppError) || error.kind === 'aborted') throw error;
    return { kind: 'failed', error };
  }
  const blobSha = await gitBlobId(bytes);
  if (request.blobSha !== null && blobSha !== request.blobSha.toLowerCase()) {
    return { kind: 'mismatch', host: hostOf(url), blobSha, bytes: bytes.length };
  }
  return {
    kind: 'ok',
    file: { text: decodeUtf8(bytes, request), bytes: bytes.length, blobSha, via },
  };
}

function decodeUtf8(bytes: Uint8Array, request: GithubFileRequest): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new AppError('dataset_format', `${describe(request)} is not UTF-8 text.`, {
      nextStep: 'Check the repository and commit: this is not the file the benchmark reads.',
    });
  }
}

function describe(request: GithubFileRef): string {
  return `${request.repo}/${request.path} @ ${request.commit.slice(0, 10)}`;
}

function sentence(result: Exclude<Attempt, { kind: 'ok' }>, request: GithubFileRequest): string {
  if (result.kind === 'failed') return result.error.message;
  return `${result.host} served ${result.bytes} bytes with git blob id ${result.blobSha}, not the pinned ${request.blobSha ?? ''}`;
}

/** Downloads the file (raw host, then mirror) and checks its blob id. */
export async function fetchGithubFile(
  deps: GithubFileDeps,
  bases: GithubBases,
  request: GithubFileRequest,
  signal: AbortSignal,
): Promise<GithubFile> {
  const primary = await attempt(deps, githubRawUrl(bases, request), request, 'primary', signal);
  if (primary.kind === 'ok') return primary.file;
  const mirror = await attempt(deps, githubMirrorUrl(bases, request), request, 'mirror', signal);
  if (mirror.kind === 'ok') return mirror.file;
  const message = `${describe(request)}: ${sentence(primary, request)}; then the mirror: ${sentence(mirror, request)}.`;
  if (primary.kind === 'mismatch' || mirror.kind === 'mismatch') {
    throw new AppError('dataset_format', message, {
      nextStep:
        'The hosts serve a different file than the one this benchmark pins. Check the raw and mirror base URLs in Settings; to load another version on purpose, enter its commit as the revision.',
    });
  }
  const { error } = primary;
  throw new AppError(error.kind, message, {
    ...(error.host === undefined ? {} : { host: error.host }),
    ...(error.status === undefined ? {} : { status: error.status }),
    attempts: (error.attempts ?? 0) + (mirror.error.attempts ?? 0),
    nextStep:
      'Try again later, or set another raw or mirror base URL in Settings (e.g. a proxy you trust).',
  });
}
