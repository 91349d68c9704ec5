// Downloads the pinned MTSamples folder into IndexedDB: list once (GitHub API, else the jsDelivr
// listing), then fetch each file with bounded parallelism, retries and a mirror fallback, storing
// files as they arrive. Re-running it resumes: stored files are never fetched again.
import { AppError, toAppError } from '../core/errors';
import { parseGithubListing, parseMirrorListing } from '../core/envs/mtsamples/listing';
import { RULES_VERSION, type InputCut } from '../core/envs/mtsamples/processNote';
import {
  listingUrl,
  mirrorFileUrl,
  mirrorListingUrl,
  rawFileUrl,
} from '../core/envs/mtsamples/sourceUrls';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../core/retryPolicy';
import {
  DATASET_SCHEMA_VERSION,
  githubDatasetId,
  githubDatasetLabel,
  type DatasetRecord,
  type ListingEntry,
  type NoteRecord,
} from '../core/schema/dataset';
import type { SourceSettings } from '../core/schema/sourceSettings';
import type { MedevalDb } from '../data/db';
import {
  appendNotes,
  getDataset,
  patchDataset,
  putDataset,
  storedNoteNames,
} from '../data/datasetStore';
import { createBatchWriter } from './batchWriter';
import { fetchTextWithFallback, type HttpDeps } from './fetchWithRetry';
import { processStoredNotes } from './processDataset';
import { hostOf } from '../core/hostOf';
import { pyJsonDigitLimitError } from '../core/envs/multipleChoice/python/pythonJson';

export interface IngestDeps extends HttpDeps {
  db: MedevalDb;
  policy?: RetryPolicy;
}

/** After this many files in a row that the primary host failed, send the rest straight to the mirror. */
const PRIMARY_FAILURES_BEFORE_BYPASS = 3;

function newRecord(settings: SourceSettings, inputCut: InputCut, now: number): DatasetRecord {
  return {
    schemaVersion: DATASET_SCHEMA_VERSION,
    id: githubDatasetId(settings.repo, settings.folder, settings.commit),
    envId: 'mtsamples_procedures',
    label: githubDatasetLabel(settings.commit),
    origin: {
      kind: 'github',
      repo: settings.repo,
      folder: settings.folder,
      commit: settings.commit,
    },
    rulesVersion: RULES_VERSION,
    inputCut,
    status: 'listing',
    filesTotal: 0,
    filesDone: 0,
    filesFromMirror: 0,
    exampleCount: 0,
    skippedCount: 0,
    sectionCounts: {},
    bytes: 0,
    createdAt: now,
    updatedAt: now,
  };
}

async function fetchListing(
  deps: IngestDeps,
  settings: SourceSettings,
  signal: AbortSignal,
): Promise<{ entries: ListingEntry[]; from: string }> {
  const policy = { ...(deps.policy ?? DEFAULT_RETRY_POLICY), maxAttempts: 3 };
  const { text, via } = await fetchTextWithFallback(
    deps,
    { primary: listingUrl(settings), mirror: mirrorListingUrl(settings) },
    policy,
    signal,
  );
  const url = via === 'primary' ? listingUrl(settings) : mirrorListingUrl(settings);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('parse', `The folder listing from ${hostOf(url)} is not JSON.`, {
      host: hostOf(url),
      nextStep: 'Check the API base URL in Settings (it should point to a GitHub-compatible API).',
    });
  }
  // MedARC's mtsamples_procedures reads GitHub's listing with json.loads, which refuses an int literal
  // past CPython's digit limit (the mirror's listing is ours alone).
  const pythonRaises = via === 'primary' ? pyJsonDigitLimitError(text) : null;
  if (pythonRaises !== null) {
    throw new AppError(
      'parse',
      `The folder listing from ${hostOf(url)} is not JSON as Python reads it: ${pythonRaises}.`,
      { host: hostOf(url) },
    );
  }
  const parsed =
    via === 'primary' ? parseGithubListing(json) : parseMirrorListing(json, settings.folder);
  if (!parsed.ok) {
    throw new AppError(
      'dataset_format',
      `The folder listing from ${hostOf(url)}: ${parsed.problem}.`,
      {
        host: hostOf(url),
        nextStep: 'Check the repository, folder and commit in Settings.',
      },
    );
  }
  return { entries: parsed.entries, from: hostOf(url) };
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

async function downloadFiles(
  deps: IngestDeps,
  settings: SourceSettings,
  datasetId: string,
  todo: readonly ListingEntry[],
  signal: AbortSignal,
): Promise<void> {
  const policy = deps.policy ?? DEFAULT_RETRY_POLICY;
  const writer = createBatchWriter<NoteRecord>((batch) =>
    appendNotes(deps.db, datasetId, batch, deps.now()),
  );
  let next = 0;
  let primaryFailuresInRow = 0;
  let firstError: unknown;
  const inner = new AbortController();
  const onAbort = () => inner.abort();
  signal.addEventListener('abort', onAbort, { once: true });

  const lane = async () => {
    while (next < todo.length && !inner.signal.aborted) {
      const entry = todo[next++];
      if (entry === undefined) break;
      const bypassPrimary = primaryFailuresInRow >= PRIMARY_FAILURES_BEFORE_BYPASS;
      try {
        const { text, via } = await fetchTextWithFallback(
          deps,
          {
            primary: bypassPrimary ? null : rawFileUrl(settings, entry.name),
            mirror: mirrorFileUrl(settings, entry.name),
          },
          policy,
          inner.signal,
        );
        primaryFailuresInRow = via === 'primary' ? 0 : primaryFailuresInRow + 1;
        const bytes = utf8Length(text);
        writer.add({
          schemaVersion: DATASET_SCHEMA_VERSION,
          datasetId,
          name: entry.name,
          text,
          bytes,
          via,
        });
      } catch (error) {
        firstError ??= error;
        inner.abort();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: settings.concurrency }, lane));
  } finally {
    signal.removeEventListener('abort', onAbort);
    // Whatever arrived is kept, whether the download finished, failed or was cancelled.
    await writer.close();
  }
  if (signal.aborted) throw new AppError('aborted', 'Cancelled.');
  if (firstError !== undefined) throw toAppError(firstError);
}

/**
 * Downloads (or resumes) the dataset named by `settings` and processes it. Returns the dataset id.
 * Failures are stored on the dataset record and rethrown as AppError.
 */
export async function ingestGithub(
  deps: IngestDeps,
  settings: SourceSettings,
  inputCut: InputCut,
  signal: AbortSignal,
): Promise<string> {
  const id = githubDatasetId(settings.repo, settings.folder, settings.commit);
  let record = await getDataset(deps.db, id);
  if (record === undefined) {
    record = newRecord(settings, inputCut, deps.now());
    await putDataset(deps.db, record);
  }
  try {
    let listing = record.listing;
    if (listing === undefined) {
      await patchDataset(deps.db, id, { status: 'listing', updatedAt: deps.now() });
      const fetched = await fetchListing(deps, settings, signal);
      listing = fetched.entries;
      await patchDataset(deps.db, id, {
        listing,
        filesTotal: listing.length,
        origin: { ...record.origin, listedFrom: fetched.from } as DatasetRecord['origin'],
        updatedAt: deps.now(),
      });
    }
    const stored = await storedNoteNames(deps.db, id);
    const todo = listing.filter((entry) => !stored.has(entry.name));
    await patchDataset(deps.db, id, {
      status: 'fetching',
      filesTotal: listing.length,
      filesDone: listing.length - todo.length,
      error: undefined,
      updatedAt: deps.now(),
    });
    await downloadFiles(deps, settings, id, todo, signal);
    await patchDataset(deps.db, id, { status: 'processing', updatedAt: deps.now() });
    await processStoredNotes(deps.db, id, inputCut, deps.now());
    return id;
  } catch (error) {
    const appError = toAppError(error);
    await patchDataset(deps.db, id, {
      status: appError.kind === 'aborted' ? 'cancelled' : 'error',
      error: appError.kind === 'aborted' ? undefined : appError.toStored(),
      updatedAt: deps.now(),
    }).catch(() => undefined);
    throw withDownloadNextStep(appError);
  }
}

function withDownloadNextStep(error: AppError): AppError {
  if (error.nextStep !== undefined || error.kind === 'aborted' || error.kind === 'storage_quota') {
    return error;
  }
  return new AppError(error.kind, `Download failed: ${error.message}.`, {
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.host === undefined ? {} : { host: error.host }),
    ...(error.attempts === undefined ? {} : { attempts: error.attempts }),
    nextStep:
      'Files already downloaded are kept: press Resume to continue. If a host stays unreachable, set another base URL or mirror in Settings, or import the notes from a folder or zip.',
  });
}
