// One error type for the whole app. Each external system maps its failures to an AppError in exactly
// one place (llm/errorMapping, worker/fetchWithRetry, data/storageErrors); the UI shows `message` and
// `nextStep`. Comlink keeps only name/message/stack across the worker boundary, so the kind travels
// in `name` (`AppError:<kind>`) and `fromTransferable` rebuilds it on the main thread.

export type AppErrorKind =
  | 'auth'
  | 'rate_limit'
  | 'network'
  | 'timeout'
  | 'cors'
  | 'bad_request'
  | 'not_found'
  | 'server'
  | 'parse'
  | 'dataset_format'
  | 'storage_quota'
  | 'aborted'
  | 'unknown';

const KINDS: readonly AppErrorKind[] = [
  'auth',
  'rate_limit',
  'network',
  'timeout',
  'cors',
  'bad_request',
  'not_found',
  'server',
  'parse',
  'dataset_format',
  'storage_quota',
  'aborted',
  'unknown',
];

export interface AppErrorDetails {
  /** HTTP status, when the failure was an HTTP response. */
  status?: number;
  /** Host that failed (never a full URL with query parameters, which could carry secrets). */
  host?: string;
  /** What the user can do about it. */
  nextStep?: string;
  /** How many attempts were made before giving up. */
  attempts?: number;
  cause?: unknown;
}

/** The shape of StoredErrorSchema (schema/dataset.ts), kept here so errors need no schema import. */
export interface StoredAppError {
  kind: string;
  message: string;
  nextStep?: string;
  status?: number;
  host?: string;
}

const NAME_PREFIX = 'AppError:';
const DETAILS_MARK = '\n@@details@@';

export class AppError extends Error {
  readonly kind: AppErrorKind;
  readonly status: number | undefined;
  readonly host: string | undefined;
  readonly nextStep: string | undefined;
  readonly attempts: number | undefined;

  constructor(kind: AppErrorKind, message: string, details: AppErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = `${NAME_PREFIX}${kind}`;
    this.kind = kind;
    this.status = details.status;
    this.host = details.host;
    this.nextStep = details.nextStep;
    this.attempts = details.attempts;
  }

  /** The error as a record stores it (a dataset's or run's banner): plain data, no stack or cause. */
  toStored(): StoredAppError {
    return {
      kind: this.kind,
      message: this.message,
      ...(this.nextStep === undefined ? {} : { nextStep: this.nextStep }),
      ...(this.status === undefined ? {} : { status: this.status }),
      ...(this.host === undefined ? {} : { host: this.host }),
    };
  }

  /** An Error that survives structured cloning / comlink with its kind and details intact. */
  toTransferable(): Error {
    // The kind travels both in `name` (what comlink copies) and in the message payload (structured
    // cloning keeps only standard error names).
    const details = JSON.stringify({
      kind: this.kind,
      status: this.status,
      host: this.host,
      nextStep: this.nextStep,
      attempts: this.attempts,
    });
    const error = new Error(`${this.message}${DETAILS_MARK}${details}`);
    error.name = this.name;
    return error;
  }
}

function isKind(value: string): value is AppErrorKind {
  return (KINDS as readonly string[]).includes(value);
}

/** Rebuilds an AppError from whatever crossed the worker boundary (or was thrown locally). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof Error) {
    const transferred = fromTransferable(error);
    if (transferred !== undefined) return transferred;
    // A full disk aborts the transaction: IndexedDB (and Dexie) report an AbortError whose cause
    // is the QuotaExceededError, which must not read as "Cancelled." (issue 10).
    const quota = quotaCause(error);
    if (quota !== undefined) return quotaError(quota);
    if (error.name === 'AbortError') return new AppError('aborted', 'Cancelled.');
    return new AppError('unknown', error.message, { cause: error });
  }
  return new AppError('unknown', String(error));
}

function fromTransferable(error: Error): AppError | undefined {
  const markAt = error.message.indexOf(DETAILS_MARK);
  if (markAt < 0) {
    if (!error.name.startsWith(NAME_PREFIX)) return undefined;
    const kind = error.name.slice(NAME_PREFIX.length);
    return new AppError(isKind(kind) ? kind : 'unknown', error.message);
  }
  let details: AppErrorDetails & { kind?: string } = {};
  try {
    details = JSON.parse(error.message.slice(markAt + DETAILS_MARK.length)) as typeof details;
  } catch {
    details = {};
  }
  const kind = details.kind ?? error.name.slice(NAME_PREFIX.length);
  const { kind: _ignored, ...rest } = details;
  return new AppError(isKind(kind) ? kind : 'unknown', error.message.slice(0, markAt), rest);
}

/** The QuotaExceededError an error is or wraps (Dexie's `inner`, the standard `cause`), if any. */
function quotaCause(error: Error): Error | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    if (current.name === 'QuotaExceededError') return current;
    const wrapped = current as { inner?: unknown; cause?: unknown };
    current = wrapped.inner ?? wrapped.cause;
  }
  return undefined;
}

const QUOTA_NEXT_STEP =
  'Settings → “Your data on this device” lists what is stored, with sizes: export the runs you want to keep a copy of, delete the datasets, runs or training data you no longer need (or allow this site more storage in the browser settings, or free space on the device), then try again.';

function quotaError(cause: Error): AppError {
  return new AppError('storage_quota', 'Storage is full: the browser refused to store more data.', {
    nextStep: QUOTA_NEXT_STEP,
    cause,
  });
}

export interface StorageUsage {
  usage?: number | undefined;
  quota?: number | undefined;
}

function megabytes(bytes: number): string {
  return bytes >= 1024 ** 3
    ? `${(bytes / 1024 ** 3).toFixed(2)} GB`
    : `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}

/**
 * A storage-full error that says how full (navigator.storage.estimate()'s figures, when the browser
 * gives them): "This site uses 1.2 GB of the 1.2 GB the browser allows it." When the estimate leaves
 * plenty of room (a tenth of the quota or more), it is not the limit that was hit — the device's disk
 * is full, or a private window's storage, which Chromium reports as 10 GB more than is used whatever
 * the real limit — and the message must not tell the user there is space free.
 */
export function withStorageUsage(error: AppError, estimate: StorageUsage | undefined): AppError {
  if (error.kind !== 'storage_quota' || estimate?.usage === undefined) return error;
  const { usage, quota } = estimate;
  const free = quota === undefined ? undefined : Math.max(0, quota - usage);
  const message =
    quota === undefined || free === undefined
      ? `Storage is full: this site uses ${megabytes(usage)}, and the browser refused to store more.`
      : free >= quota / 10
        ? `Storage is full: the browser refused to store more, although by its estimate this site uses only ${megabytes(usage)} of ${megabytes(quota)} — the device's disk (or a private window's storage) is full.`
        : `Storage is full: this site uses ${megabytes(usage)} of the ${megabytes(quota)} the browser allows it (${megabytes(free)} free), and the browser refused to store more.`;
  return new AppError('storage_quota', message, {
    nextStep: error.nextStep ?? QUOTA_NEXT_STEP,
    cause: error,
  });
}

export function isAborted(error: unknown): boolean {
  return toAppError(error).kind === 'aborted';
}
