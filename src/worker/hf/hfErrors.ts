// The one place Hugging Face failures (viewer API and Hub files) become AppErrors, each with a next
// step. Messages name the host only: a full URL could carry a search query the user typed.
import { AppError } from '../../core/errors';
import type { HttpFailure } from '../fetchWithRetry';

/** Hub limits for anonymous callers, per IP (spec more-environments §1). */
const RATE_LIMIT_STEP =
  'Hugging Face allows about 500 API calls and 3,000 file downloads per 5 minutes per IP without a login. Wait a few minutes, then try again; for whole datasets use the Parquet download, which needs far fewer calls.';

const AUTH_STEP =
  'Benchmarks can be loaded with a Hugging Face token (Settings → Hugging Face token), sent only to the Hugging Face hosts saved there; other loads read public datasets only.';

/** The service's own explanation of a failure: the viewer API sends `{"error": "…"}`. */
function serverExplanation(bodyStart: string | undefined): string | undefined {
  if (bodyStart === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(bodyStart);
    if (typeof parsed === 'object' && parsed !== null && 'error' in parsed) {
      const { error } = parsed;
      if (typeof error === 'string' && error.trim() !== '') return error.trim().slice(0, 300);
    }
  } catch {
    // Not JSON (or cut at the 2 KB limit): plain short text is still worth showing, HTML is not.
  }
  const text = bodyStart.trim();
  return text !== '' && text.length <= 300 && !text.includes('<') ? text : undefined;
}

interface Advice {
  kind: AppError['kind'];
  problem: string;
  nextStep: string;
}

const AUTH_ADVICE: Advice = {
  kind: 'auth',
  problem: 'the dataset is gated or private and needs a Hugging Face token',
  nextStep: AUTH_STEP,
};

const ADVICE_BY_STATUS: Readonly<Record<number, Advice>> = {
  401: AUTH_ADVICE,
  403: AUTH_ADVICE,
  404: {
    kind: 'not_found',
    problem: 'not found',
    nextStep:
      'Check the dataset id (owner/name), config, split and file name: case matters. A private dataset also answers "not found".',
  },
  416: {
    kind: 'bad_request',
    problem: 'the file is shorter than expected',
    nextStep:
      'The file may have changed since its size was listed: reload the file list and try again.',
  },
  429: {
    kind: 'rate_limit',
    problem: 'rate limited (too many requests)',
    nextStep: RATE_LIMIT_STEP,
  },
};

const SERVER_ADVICE: Advice = {
  kind: 'server',
  problem: 'server error',
  nextStep: 'Hugging Face may be busy or still preparing this dataset: try again in a few minutes.',
};

const REJECTED_ADVICE: Advice = {
  kind: 'bad_request',
  problem: 'the request was rejected',
  nextStep:
    "Check the dataset, config, split, search text or filter, using the server's explanation.",
};

function statusAdvice(status: number): Advice {
  return ADVICE_BY_STATUS[status] ?? (status >= 500 ? SERVER_ADVICE : REJECTED_ADVICE);
}

/** Maps the final failure of loading `what` (e.g. `the splits of "owner/name"`). */
export function hfHttpError(what: string): (failure: HttpFailure) => AppError {
  return (failure) => {
    const { host, status, attempts } = failure;
    if (status === undefined) {
      return new AppError(
        'network',
        `Loading ${what} from ${host} failed: ${failure.message} (${failure.reason}).`,
        {
          host,
          attempts,
          nextStep:
            'Check the internet connection. If other sites work, a proxy, firewall or browser extension may be blocking this host (browsers report such blocks, and CORS refusals, as network failures).',
        },
      );
    }
    const advice = statusAdvice(status);
    const said = serverExplanation(failure.bodyStart);
    const message = `Loading ${what} from ${host} failed: ${advice.problem} (${failure.message}; ${failure.reason}).${said === undefined ? '' : ` The server said: "${said}"`}`;
    return new AppError(advice.kind, message, {
      host,
      status,
      attempts,
      nextStep: advice.nextStep,
    });
  };
}

/** A reply that arrived but is not what the service documents (malformed JSON, missing fields). */
export function hfParseError(host: string, what: string, detail: string): AppError {
  return new AppError(
    'parse',
    `Loading ${what} from ${host} failed: unexpected reply (${detail}).`,
    {
      host,
      nextStep:
        'The service may be having trouble or may have changed its format: try again later, and report it if it persists.',
    },
  );
}

/** A download that started and then broke off: retrying mid-stream would repeat delivered lines. */
export function hfStreamCutError(
  host: string,
  what: string,
  line: number,
  detail: string,
): AppError {
  return new AppError(
    'network',
    `${host} stopped sending ${what} after line ${line} (${detail}).`,
    {
      host,
      nextStep:
        'Check the internet connection and load the file again: the download starts over from the beginning.',
    },
  );
}

/** The server's idea of the file size (Content-Range) differs from the size we were given. */
export function hfSizeMismatchError(
  host: string,
  what: string,
  expected: number,
  actual: number,
): AppError {
  return new AppError(
    'dataset_format',
    `${what} on ${host} is ${actual} bytes, not the ${expected} bytes listed for it.`,
    {
      host,
      nextStep:
        'The file may have changed since its size was listed: reload the file list and try again.',
    },
  );
}
