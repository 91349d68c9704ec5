// Streams a JSONL file from a Hub `resolve/` URL (e.g. HealthBench's 60 MB main file, spec §3):
// bytes → TextDecoderStream → lines, handed over in batches while the rest is still arriving, so the
// whole file is never in memory. A line that is not JSON is reported with its 1-based line number.
import { DEFAULT_RETRY_POLICY } from '../../core/retryPolicy';
import { AppError } from '../../core/errors';
import { fetchReadWithRetry } from '../fetchWithRetry';
import { fileNameOf } from './hfBases';
import { hfHttpError, hfStreamCutError } from './hfErrors';
import type { HfDeps } from './viewerApi';
import { hostOf } from '../../core/hostOf';
import { pyJsonDigitLimitError } from '../../core/envs/multipleChoice/python/pythonJson';

export interface JsonlLine {
  /** 1-based line number in the file (blank lines count, so it matches an editor). */
  line: number;
  value?: unknown;
  error?: string;
}

export interface JsonlProgress {
  bytesDone: number;
  /** From Content-Length; null when unknown or when the body is compressed in transit. */
  bytesTotal: number | null;
}

export interface JsonlStreamOptions {
  url: string;
  /** Lines per onLines call (default 500). */
  batchLines?: number;
  signal: AbortSignal;
  onLines: (lines: JsonlLine[], progress: JsonlProgress) => Promise<void>;
}

const DEFAULT_BATCH_LINES = 500;

interface LineState {
  pending: string;
  line: number;
  lines: number;
  badLines: number;
  batch: JsonlLine[];
}

function parseLine(state: LineState, raw: string): void {
  state.line++;
  let text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  // TextDecoderStream drops a leading BOM already; this covers a BOM it let through.
  if (state.line === 1 && text.startsWith('\uFEFF')) text = text.slice(1);
  if (text.trim() === '') return;
  state.lines++;
  try {
    const value = JSON.parse(text) as unknown;
    // The one JSONL source, HealthBench, is read by its reference (simple-evals) with json.loads per
    // line, which refuses an int literal past CPython's digit limit: such a line is not JSON there.
    const pythonRaises = pyJsonDigitLimitError(text);
    if (pythonRaises !== null) throw new Error(`Python's json.loads raises ${pythonRaises}`);
    state.batch.push({ line: state.line, value });
  } catch (error) {
    state.badLines++;
    const detail = error instanceof Error ? error.message : 'not valid JSON';
    state.batch.push({ line: state.line, error: detail.slice(0, 200) });
  }
}

/** Adds decoded text; complete lines are parsed, the unfinished tail waits for the next chunk. */
function takeText(state: LineState, text: string, isLast: boolean): void {
  const pieces = (state.pending + text).split('\n');
  state.pending = isLast ? '' : (pieces.pop() ?? '');
  for (const piece of pieces) parseLine(state, piece);
}

function bytesTotalOf(response: Response): number | null {
  const encoding = response.headers.get('content-encoding');
  if (encoding !== null && encoding !== 'identity') return null;
  const length = Number(response.headers.get('content-length') ?? NaN);
  return Number.isSafeInteger(length) && length >= 0 ? length : null;
}

function byteCounter(counter: {
  bytes: number;
}): TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>> {
  return new TransformStream({
    transform(chunk, controller) {
      counter.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

/** Streams `opts.url` line by line. Only failures before the first byte are retried. */
export async function streamJsonl(
  deps: HfDeps,
  opts: JsonlStreamOptions,
): Promise<{ lines: number; badLines: number; revision: string | null }> {
  const { url, signal } = opts;
  const what = `the file "${fileNameOf(url)}"`;
  const response = await fetchReadWithRetry(
    deps,
    url,
    deps.policy ?? DEFAULT_RETRY_POLICY,
    signal,
    {
      read: (unread) => Promise.resolve(unread),
      toError: hfHttpError(what),
    },
  );
  const revision = response.headers.get('x-repo-commit');
  const state: LineState = { pending: '', line: 0, lines: 0, badLines: 0, batch: [] };
  if (response.body !== null) {
    await pumpLines(response.body, state, { ...opts, what, bytesTotal: bytesTotalOf(response) });
  }
  return { lines: state.lines, badLines: state.badLines, revision };
}

type PumpOptions = JsonlStreamOptions & { what: string; bytesTotal: number | null };

async function pumpLines(
  body: ReadableStream<Uint8Array<ArrayBuffer>>,
  state: LineState,
  opts: PumpOptions,
): Promise<void> {
  const counter = { bytes: 0 };
  const reader = body
    .pipeThrough(byteCounter(counter))
    .pipeThrough(new TextDecoderStream())
    .getReader();
  try {
    await readLines(reader, state, counter, opts);
  } catch (error) {
    // Stop the download too when the consumer fails or cancels; nobody will read the rest.
    await reader.cancel().catch(() => undefined);
    throw error;
  }
}

async function readLines(
  reader: ReadableStreamDefaultReader<string>,
  state: LineState,
  counter: { bytes: number },
  opts: PumpOptions,
): Promise<void> {
  const batchLines = Math.max(1, Math.floor(opts.batchLines ?? DEFAULT_BATCH_LINES));
  const emit = async (all: boolean) => {
    while (state.batch.length >= batchLines || (all && state.batch.length > 0)) {
      if (opts.signal.aborted) throw new AppError('aborted', 'Cancelled.');
      const lines = state.batch.splice(0, batchLines);
      // A compressed body can outgrow a Content-Length the browser did not tell us was compressed.
      const total =
        opts.bytesTotal !== null && counter.bytes > opts.bytesTotal ? null : opts.bytesTotal;
      await opts.onLines(lines, { bytesDone: counter.bytes, bytesTotal: total });
    }
  };
  for (;;) {
    const chunk = await reader.read().catch((error: unknown) => {
      if (opts.signal.aborted) throw new AppError('aborted', 'Cancelled.');
      const detail = error instanceof Error ? error.message : String(error);
      throw hfStreamCutError(hostOf(opts.url), opts.what, state.line, detail);
    });
    if (chunk.done) break;
    takeText(state, chunk.value, false);
    await emit(false);
  }
  takeText(state, '', true);
  await emit(true);
  if (opts.signal.aborted) throw new AppError('aborted', 'Cancelled.');
}
