import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parquetFileUrl, readParquetRows } from '../../../src/worker/hf/parquetRows';
import { listParquetFiles } from '../../../src/worker/hf/viewerApi';
import {
  parquetBranchCommit,
  startFakeHuggingFace,
  type FakeHfDataset,
  type FakeHuggingFace,
} from '../../support/fakeHuggingFace';
import {
  chatParquet,
  chatRow,
  medqaParquet,
  medqaRows,
  mmluParquet,
  mmluRow,
  writeParquet,
} from '../../support/parquetFixtures';
import { afterPendingCallbacks } from '../../support/waitUntil';
import { appErrorOf, hfTestDeps } from './hfTestDeps';

const CHAT_ROWS = 2_500;
const chatBytes = chatParquet(CHAT_ROWS, { rowGroupSize: 1000, codec: 'GZIP' });
// Large enough (3.4 MB) that the footer read does not cover the first row groups.
const bigBytes = chatParquet(20_000, { rowGroupSize: 2000, codec: 'UNCOMPRESSED' });
const medqa = medqaRows(30);
const mmlu = Array.from({ length: 12 }, (_, i) => mmluRow(i));
const bigInts = writeParquet(
  [{ name: 'id', data: [1n, 2n ** 53n + 1n, -(2n ** 60n)], type: 'INT64' }],
  { codec: 'UNCOMPRESSED' },
);

const chat: FakeHfDataset = {
  id: 'lavita/ChatDoctor-HealthCareMagic-100k',
  revision: 'd'.repeat(40),
  configs: { default: { train: { parquet: chatBytes }, big: { parquet: bigBytes } } },
};

let fake: FakeHuggingFace;
let chatUrl: string;

beforeAll(async () => {
  fake = await startFakeHuggingFace({
    datasets: [
      chat,
      {
        id: 'GBaker/MedQA-USMLE-4-options',
        revision: 'e'.repeat(40),
        configs: {
          default: {
            test: { parquet: medqaParquet(medqa, { rowGroupSize: 7, codec: 'BROTLI' }) },
            ints: { parquet: bigInts },
            mmlu: { parquet: mmluParquet(mmlu, { codec: 'UNCOMPRESSED' }) },
          },
        },
        files: { 'not-parquet.parquet': 'just some text, no PAR1 footer' },
      },
    ],
  });
  chatUrl = parquetFileUrl(
    { viewerBase: fake.viewerBase, hubBase: fake.hubBase },
    chat.id,
    'refs/convert/parquet',
    'default',
    'train',
    '0000.parquet',
  );
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.clearFailures();
  fake.requests.length = 0;
});

type Batch = { rows: Record<string, unknown>[]; rowsDone: number; rowsTotal: number };

function collector() {
  const batches: Batch[] = [];
  return {
    batches,
    onRows: (
      rows: Record<string, unknown>[],
      progress: { rowsDone: number; rowsTotal: number },
    ) => {
      batches.push({ rows, ...progress });
      return Promise.resolve();
    },
  };
}

const signal = () => new AbortController().signal;

describe('readParquetRows', () => {
  it('reads a multi-row-group GZIP file in batches, only the asked columns, without HEAD', async () => {
    const sink = collector();
    const result = await readParquetRows(hfTestDeps(fake), {
      url: chatUrl,
      byteLength: chatBytes.length,
      columns: ['input', 'output'],
      batchRows: 400,
      signal: signal(),
      onRows: sink.onRows,
    });
    expect(result).toEqual({ rowsTotal: CHAT_ROWS, columns: ['input', 'output'] });
    const all = sink.batches.flatMap((batch) => batch.rows);
    expect(all).toHaveLength(CHAT_ROWS);
    const { input, output } = chatRow(1234);
    expect(all[1234]).toEqual({ input, output });
    // 1,000-row groups split into ≤ 400-row batches: 400, 400, 200 per group, then 400, 100.
    expect(sink.batches.map((batch) => batch.rows.length)).toEqual([
      400, 400, 200, 400, 400, 200, 400, 100,
    ]);
    expect(sink.batches.map((batch) => batch.rowsDone)).toEqual([
      400, 800, 1000, 1400, 1800, 2000, 2400, 2500,
    ]);
    expect(sink.batches.every((batch) => batch.rowsTotal === CHAT_ROWS)).toBe(true);
    expect(fake.requests.filter((request) => request.method === 'HEAD')).toHaveLength(0);
    expect(fake.requests.every((request) => request.status === 206)).toBe(true);
  });

  it('asks for the size with one HEAD when byteLength is not given', async () => {
    const sink = collector();
    await readParquetRows(hfTestDeps(fake), {
      url: chatUrl,
      signal: signal(),
      onRows: sink.onRows,
    });
    expect(fake.requests.filter((request) => request.method === 'HEAD')).toHaveLength(1);
    expect(sink.batches.flatMap((batch) => batch.rows)[7]).toEqual(chatRow(7));
  });

  it('reads struct columns (MedQA options) from a BROTLI file found through /parquet', async () => {
    const deps = hfTestDeps(fake);
    const files = await listParquetFiles(deps, 'GBaker/MedQA-USMLE-4-options', signal());
    const file = files.find((entry) => entry.split === 'test')!;
    const sink = collector();
    await readParquetRows(deps, {
      url: file.url,
      byteLength: file.size,
      signal: signal(),
      onRows: sink.onRows,
    });
    expect(sink.batches).toHaveLength(5); // 30 rows in row groups of 7
    expect(sink.batches.flatMap((batch) => batch.rows)).toEqual(medqa);
  });

  it('turns int64 into numbers when exact and strings otherwise, so rows clone and serialise', async () => {
    const deps = hfTestDeps(fake);
    const files = await listParquetFiles(deps, 'GBaker/MedQA-USMLE-4-options', signal());
    const read = async (split: string) => {
      const file = files.find((entry) => entry.split === split)!;
      const sink = collector();
      await readParquetRows(deps, {
        url: file.url,
        byteLength: file.size,
        signal: signal(),
        onRows: sink.onRows,
      });
      return sink.batches.flatMap((batch) => batch.rows);
    };
    const ints = await read('ints');
    expect(ints).toEqual([{ id: 1 }, { id: '9007199254740993' }, { id: '-1152921504606846976' }]);
    const labelled = await read('mmlu');
    expect(labelled[5]).toEqual(mmluRow(5)); // list column intact, int64 ClassLabel as a number
    expect(structuredClone(labelled)).toEqual(labelled);
    expect(JSON.parse(JSON.stringify(labelled))).toEqual(labelled);
  });

  it('stops between batches when cancelled, without reading the rest of the file', async () => {
    const url = chatUrl.replace('/train/', '/big/');
    const read = (
      signal: AbortSignal,
      onRows: (rows: unknown[], p: { rowsDone: number }) => Promise<void>,
    ) =>
      readParquetRows(hfTestDeps(fake), {
        url,
        byteLength: bigBytes.length,
        batchRows: 250,
        signal,
        onRows,
      });
    await read(new AbortController().signal, () => Promise.resolve());
    const requestsForAll = fake.requests.length;
    fake.requests.length = 0;

    const controller = new AbortController();
    const seen: number[] = [];
    const error = await appErrorOf(
      read(controller.signal, (_rows, progress) => {
        seen.push(progress.rowsDone);
        if (progress.rowsDone === 500) controller.abort();
        return Promise.resolve();
      }),
    );
    expect(error.kind).toBe('aborted');
    expect(seen).toEqual([250, 500]);
    // The footer and the first row group only.
    expect(fake.requests).toHaveLength(2);
    expect(requestsForAll).toBeGreaterThan(5);
  });

  it('waits for onRows before reading on (backpressure)', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    await readParquetRows(hfTestDeps(fake), {
      url: chatUrl,
      byteLength: chatBytes.length,
      batchRows: 500,
      signal: signal(),
      onRows: async () => {
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

  it('retries a range read that failed once', async () => {
    fake.fail({ host: 'hub', target: 'default/train/0000.parquet', status: 500, times: 1 });
    const sink = collector();
    const deps = hfTestDeps(fake);
    await readParquetRows(deps, {
      url: chatUrl,
      byteLength: chatBytes.length,
      signal: signal(),
      onRows: sink.onRows,
    });
    expect(sink.batches.flatMap((batch) => batch.rows)).toHaveLength(CHAT_ROWS);
    expect(deps.sleeps).toHaveLength(1);
  });

  it('retries a range read whose body was cut off', async () => {
    fake.fail({ host: 'hub', target: 'default/train/0000.parquet', mode: 'cut', times: 1 });
    const sink = collector();
    await readParquetRows(hfTestDeps(fake), {
      url: chatUrl,
      byteLength: chatBytes.length,
      signal: signal(),
      onRows: sink.onRows,
    });
    expect(sink.batches.flatMap((batch) => batch.rows)).toHaveLength(CHAT_ROWS);
  });

  it('copes with a server that ignores Range and sends the whole file', async () => {
    const deps = hfTestDeps(fake, {
      fetch: (input, init) => fetch(input, { ...init, headers: {} }),
    });
    const sink = collector();
    await readParquetRows(deps, {
      url: chatUrl,
      byteLength: chatBytes.length,
      columns: ['input'],
      signal: signal(),
      onRows: sink.onRows,
    });
    expect(sink.batches.flatMap((batch) => batch.rows)[2499]).toEqual({
      input: chatRow(2499).input,
    });
    expect(fake.requests).toHaveLength(1); // the whole file once, then slices from memory
  });

  it.each([
    [403, 'auth', /needs a Hugging Face token/],
    [404, 'not_found', /not found/],
  ] as const)('maps HTTP %i on a range read to %s', async (status, kind, message) => {
    fake.fail({ host: 'hub', target: 'default/train/0000.parquet', status });
    const error = await appErrorOf(
      readParquetRows(hfTestDeps(fake), {
        url: chatUrl,
        byteLength: chatBytes.length,
        signal: signal(),
        onRows: () => Promise.resolve(),
      }),
    );
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/0000\.parquet/);
    expect(error.nextStep).toBeDefined();
  });

  it('maps 416 (a byteLength far past the end) to a clear error', async () => {
    const error = await appErrorOf(
      readParquetRows(hfTestDeps(fake), {
        url: chatUrl,
        byteLength: chatBytes.length + 600_000, // the footer read then starts past the end
        signal: signal(),
        onRows: () => Promise.resolve(),
      }),
    );
    expect(error.status).toBe(416);
    expect(error.message).toMatch(/shorter than expected/);
    expect(error.nextStep).toMatch(/reload the file list/);
  });

  it('notices a stale byteLength from Content-Range instead of retrying short reads', async () => {
    const deps = hfTestDeps(fake);
    const error = await appErrorOf(
      readParquetRows(deps, {
        url: chatUrl,
        byteLength: chatBytes.length + 5000,
        signal: signal(),
        onRows: () => Promise.resolve(),
      }),
    );
    expect(error.kind).toBe('dataset_format');
    expect(error.message).toContain(`is ${chatBytes.length} bytes`);
    expect(deps.sleeps).toHaveLength(0);
  });

  it('names missing columns and what the file has', async () => {
    const error = await appErrorOf(
      readParquetRows(hfTestDeps(fake), {
        url: chatUrl,
        columns: ['input', 'answer'],
        signal: signal(),
        onRows: () => Promise.resolve(),
      }),
    );
    expect(error.kind).toBe('dataset_format');
    expect(error.message).toMatch(/"answer"/);
    expect(error.nextStep).toMatch(/instruction, input, output/);
  });

  it('reports a file that is not Parquet as a format error', async () => {
    const url = `${fake.hubBase}/datasets/GBaker/MedQA-USMLE-4-options/resolve/main/not-parquet.parquet`;
    const error = await appErrorOf(
      readParquetRows(hfTestDeps(fake), { url, signal: signal(), onRows: () => Promise.resolve() }),
    );
    expect(error.kind).toBe('dataset_format');
    expect(error.message).toMatch(/not-parquet\.parquet/);
  });

  it('serves the converted files at a pinned parquet-branch commit too', async () => {
    const dataset = { viewerBase: fake.viewerBase, hubBase: fake.hubBase };
    const url = parquetFileUrl(
      dataset,
      chat.id,
      parquetBranchCommit(chat),
      'default',
      'train',
      '0000.parquet',
    );
    const sink = collector();
    const result = await readParquetRows(hfTestDeps(fake), {
      url,
      columns: ['instruction'],
      signal: signal(),
      onRows: sink.onRows,
    });
    expect(result.rowsTotal).toBe(CHAT_ROWS);
  });
});
