import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resolveUrl } from '../../../src/worker/hf/hfBases';
import { streamJsonl, type JsonlLine, type JsonlProgress } from '../../../src/worker/hf/jsonlLines';
import { startFakeHuggingFace, type FakeHuggingFace } from '../../support/fakeHuggingFace';
import { chatJsonl, chatRow } from '../../support/parquetFixtures';
import { afterPendingCallbacks } from '../../support/waitUntil';
import { appErrorOf, hfTestDeps } from './hfTestDeps';

const ID = 'openai/healthbench';
const COMMIT = '9f6b3c1a2e4d5f60718293a4b5c6d7e8f9012345';
const MESSY =
  '\uFEFF{"a":1}\r\n' + // BOM and CRLF
  '\r\n' + // blank (CRLF) line: skipped but counted
  '{"a":2}\n' +
  '{"a": oops}\n' + // line 4 is not JSON
  '   \n' +
  '{"é":"ünïcødé ✓"}\n' +
  '[1,2' + // line 7 is cut JSON
  '\n{"last":true}'; // no final newline

/** Line 2 holds an int of 4,301 digits, which CPython's json.loads refuses (simple-evals reads each line with it). */
const BIG_INT = `{"n":${'7'.repeat(4300)}}\n{"n":${'7'.repeat(4301)}}\n{"s":"${'7'.repeat(4301)}"}\n`;

let fake: FakeHuggingFace;

beforeAll(async () => {
  fake = await startFakeHuggingFace({
    datasets: [
      {
        id: ID,
        revision: COMMIT,
        configs: { default: { test: { jsonl: chatJsonl(3000) } } },
        files: { 'messy.jsonl': MESSY, 'empty.jsonl': '', 'bigint.jsonl': BIG_INT },
      },
    ],
  });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});
afterEach(() => {
  fake.clearFailures();
  fake.setStreaming(null);
});

function urlOf(path: string, revision = 'main'): string {
  return resolveUrl({ viewerBase: fake.viewerBase, hubBase: fake.hubBase }, ID, revision, path);
}

function collector() {
  const lines: JsonlLine[] = [];
  const progress: JsonlProgress[] = [];
  const sizes: number[] = [];
  return {
    lines,
    progress,
    sizes,
    onLines: (batch: JsonlLine[], at: JsonlProgress) => {
      lines.push(...batch);
      progress.push(at);
      sizes.push(batch.length);
      return Promise.resolve();
    },
  };
}

const signal = () => new AbortController().signal;

describe('streamJsonl', () => {
  it('numbers bad lines, skips blanks, handles BOM, CRLF and a last line without newline', async () => {
    const sink = collector();
    const result = await streamJsonl(hfTestDeps(fake), {
      url: urlOf('messy.jsonl'),
      signal: signal(),
      onLines: sink.onLines,
    });
    expect(result).toEqual({ lines: 6, badLines: 2, revision: COMMIT });
    expect(sink.lines.map(({ line, value }) => [line, value])).toEqual([
      [1, { a: 1 }],
      [3, { a: 2 }],
      [4, undefined],
      [6, { é: 'ünïcødé ✓' }],
      [7, undefined],
      [8, { last: true }],
    ]);
    expect(sink.lines[2]?.error).toMatch(/JSON/);
    const bytes = Buffer.byteLength(MESSY);
    expect(sink.progress.at(-1)).toEqual({ bytesDone: bytes, bytesTotal: bytes });
  });

  it('reports a line with an int literal past CPython’s 4,300 digits as not JSON, as Python reads it', async () => {
    const sink = collector();
    const result = await streamJsonl(hfTestDeps(fake), {
      url: urlOf('bigint.jsonl'),
      signal: signal(),
      onLines: sink.onLines,
    });
    expect(result).toEqual({ lines: 3, badLines: 1, revision: COMMIT });
    expect(sink.lines.map((line) => line.error ?? 'ok')).toEqual([
      'ok',
      "Python's json.loads raises ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit",
      'ok',
    ]);
  });

  it('streams a large file in batches with growing progress, at a pinned revision', async () => {
    fake.setStreaming({ chunkBytes: 16_384, delayMs: 1 });
    const sink = collector();
    const result = await streamJsonl(hfTestDeps(fake), {
      url: urlOf('default/test.jsonl', COMMIT),
      batchLines: 400,
      signal: signal(),
      onLines: sink.onLines,
    });
    expect(result).toEqual({ lines: 3000, badLines: 0, revision: COMMIT });
    expect(sink.lines.map((line) => line.line)).toEqual(
      Array.from({ length: 3000 }, (_, i) => i + 1),
    );
    expect(sink.lines[2999]?.value).toEqual(chatRow(2999));
    expect(sink.sizes.slice(0, -1).every((size) => size === 400)).toBe(true);
    const done = sink.progress.map((at) => at.bytesDone);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done[0]).toBeLessThan(done.at(-1)!); // batches arrived while the file was still coming
    expect(sink.progress.at(-1)?.bytesTotal).toBe(Buffer.byteLength(chatJsonl(3000)));
  });

  it('reports an unknown total for a chunked reply', async () => {
    fake.setStreaming({ chunkBytes: 50_000, delayMs: 0, chunked: true });
    const sink = collector();
    await streamJsonl(hfTestDeps(fake), {
      url: urlOf('default/test.jsonl'),
      signal: signal(),
      onLines: sink.onLines,
    });
    expect(sink.lines).toHaveLength(3000);
    expect(sink.progress.every((at) => at.bytesTotal === null)).toBe(true);
  });

  it('handles an empty file', async () => {
    const sink = collector();
    const result = await streamJsonl(hfTestDeps(fake), {
      url: urlOf('empty.jsonl'),
      signal: signal(),
      onLines: sink.onLines,
    });
    expect(result).toEqual({ lines: 0, badLines: 0, revision: COMMIT });
    expect(sink.lines).toEqual([]);
  });

  it('waits for onLines before reading on (backpressure)', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    await streamJsonl(hfTestDeps(fake), {
      url: urlOf('default/test.jsonl'),
      batchLines: 700,
      signal: signal(),
      onLines: async () => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        // Still busy when the reader's next batch is ready (batches of one row group or chunk
        // follow synchronously): a reader that did not wait would call again at once.
        await afterPendingCallbacks();
        inFlight--;
      },
    });
    expect(maxInFlight).toBe(1);
  });

  it('retries a failure before the first byte', async () => {
    fake.fail({ host: 'hub', target: 'default/test.jsonl', status: 502, times: 1 });
    const deps = hfTestDeps(fake);
    const sink = collector();
    const result = await streamJsonl(deps, {
      url: urlOf('default/test.jsonl'),
      signal: signal(),
      onLines: sink.onLines,
    });
    expect(result.lines).toBe(3000);
    expect(deps.sleeps).toHaveLength(1);
  });

  it('reports a stream cut mid-body with the host and the line reached, without retrying', async () => {
    fake.fail({ host: 'hub', target: 'default/test.jsonl', mode: 'cut', cutAfterBytes: 100_000 });
    const deps = hfTestDeps(fake);
    const sink = collector();
    const error = await appErrorOf(
      streamJsonl(deps, {
        url: urlOf('default/test.jsonl'),
        batchLines: 100,
        signal: signal(),
        onLines: sink.onLines,
      }),
    );
    expect(error.kind).toBe('network');
    expect(error.host).toBe(new URL(fake.baseUrl).host);
    expect(error.message).toContain(new URL(fake.baseUrl).host);
    expect(error.message).toMatch(/stopped sending the file "test\.jsonl" after line \d+/);
    const reached = Number(/after line (\d+)/.exec(error.message)?.[1]);
    expect(reached).toBeGreaterThanOrEqual(sink.lines.at(-1)?.line ?? 0);
    expect(reached).toBeLessThan(3000);
    expect(error.nextStep).toMatch(/load the file again/);
    expect(fake.requests).toHaveLength(1);
  });

  it.each([
    ['a missing file', 'nope.jsonl', 'main', 'not_found'],
    ['an unknown revision', 'messy.jsonl', 'v9', 'not_found'],
  ])('maps %s to a clear error', async (_name, path, revision, kind) => {
    const error = await appErrorOf(
      streamJsonl(hfTestDeps(fake), {
        url: urlOf(path, revision),
        signal: signal(),
        onLines: () => Promise.resolve(),
      }),
    );
    expect(error.kind).toBe(kind);
    expect(error.message).toContain(path);
  });

  it('stops as cancelled mid-stream', async () => {
    fake.setStreaming({ chunkBytes: 8192, delayMs: 2 });
    const controller = new AbortController();
    const sink = collector();
    const error = await appErrorOf(
      streamJsonl(hfTestDeps(fake), {
        url: urlOf('default/test.jsonl'),
        batchLines: 50,
        signal: controller.signal,
        onLines: (batch, at) => {
          if (sink.lines.length >= 100) controller.abort();
          return sink.onLines(batch, at);
        },
      }),
    );
    expect(error.kind).toBe('aborted');
    expect(sink.lines.length).toBeLessThan(3000);
  });
});
