// The fake must behave like the real services where the app depends on it, or the hf tests prove
// nothing: page limits, CORS, Range semantics, gating. Plus the fixture generator's promises.
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeHuggingFace, type FakeHuggingFace } from '../../support/fakeHuggingFace';
import { chatParquet, chatRow, medqaParquet, medqaRows } from '../../support/parquetFixtures';

const parquet = chatParquet(50, { rowGroupSize: 20 });
let fake: FakeHuggingFace;

beforeAll(async () => {
  fake = await startFakeHuggingFace({
    datasets: [
      {
        id: 'o/d',
        revision: 'f'.repeat(40),
        configs: {
          default: {
            train: { rows: Array.from({ length: 150 }, (_, i) => chatRow(i)), parquet },
          },
        },
      },
      { id: 'o/gated', revision: '0'.repeat(40), gated: true, configs: { default: { train: {} } } },
    ],
  });
});
afterAll(() => fake.close());

const parquetPath = '/datasets/o/d/resolve/refs%2Fconvert%2Fparquet/default/train/0000.parquet';

describe('fake Hugging Face server', () => {
  it('refuses /rows pages over 100 rows, like the API', async () => {
    const base = `${fake.viewerBase}/rows?dataset=o%2Fd&config=default&split=train&offset=0`;
    expect((await fetch(`${base}&length=100`)).status).toBe(200);
    const refused = await fetch(`${base}&length=101`);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: expect.stringMatching(/length/) as unknown });
  });

  it('serves /first-rows with at most 100 rows and a truncated flag', async () => {
    const reply = (await (
      await fetch(`${fake.viewerBase}/first-rows?dataset=o%2Fd&config=default&split=train`)
    ).json()) as { rows: unknown[]; truncated: boolean };
    expect(reply.rows).toHaveLength(100);
    expect(reply.truncated).toBe(true);
  });

  it('answers CORS preflights and exposes the headers the app reads', async () => {
    const preflight = await fetch(`${fake.hubBase}${parquetPath}`, {
      method: 'OPTIONS',
      headers: { 'access-control-request-headers': 'range' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('range');
    const reply = await fetch(`${fake.hubBase}${parquetPath}`, { headers: { range: 'bytes=0-3' } });
    expect(reply.headers.get('access-control-allow-origin')).toBe('*');
    expect(reply.headers.get('access-control-expose-headers')).toMatch(
      /Content-Range.*X-Repo-Commit/,
    );
  });

  it.each([
    ['bytes=0-3', 206, 'bytes 0-3/', 4],
    ['bytes=-8', 206, `bytes ${parquet.length - 8}-${parquet.length - 1}/`, 8],
    [
      `bytes=${parquet.length - 2}-999999`,
      206,
      `bytes ${parquet.length - 2}-${parquet.length - 1}/`,
      2,
    ],
    [`bytes=${parquet.length}-`, 416, 'bytes */', 0],
    [undefined, 200, null, parquet.length],
  ])('answers Range %s with %i', async (range, status, contentRange, length) => {
    const reply = await fetch(
      `${fake.hubBase}${parquetPath}`,
      range === undefined ? {} : { headers: { range } },
    );
    expect(reply.status).toBe(status);
    expect(reply.headers.get('accept-ranges')).toBe('bytes');
    if (contentRange === null) expect(reply.headers.get('content-range')).toBeNull();
    else expect(reply.headers.get('content-range')).toBe(`${contentRange}${parquet.length}`);
    expect((await reply.arrayBuffer()).byteLength).toBe(length);
  });

  it('gates gated datasets on both hosts', async () => {
    expect((await fetch(`${fake.viewerBase}/splits?dataset=o%2Fgated`)).status).toBe(401);
    const file = await fetch(`${fake.hubBase}/datasets/o/gated/resolve/main/x.jsonl`);
    expect(file.status).toBe(401);
    expect(file.headers.get('x-error-code')).toBe('GatedRepo');
  });
});

describe('parquet fixtures', () => {
  it('writes the asked row groups and codec, and reads back', async () => {
    const rows = medqaRows(25);
    const bytes = medqaParquet(rows, { rowGroupSize: 10, codec: 'GZIP' });
    const metadata = parquetMetadata(bytes);
    expect(metadata.row_groups.map((group) => Number(group.num_rows))).toEqual([10, 10, 5]);
    expect(metadata.row_groups[0]?.columns[0]?.meta_data?.codec).toBe('GZIP');
    expect(await parquetReadObjects({ file: bytes.slice().buffer, compressors })).toEqual(rows);
  });

  // How long it takes is the bench's business (no wall-clock limits in tests, issue 11).
  it('generates a 100,000-row chat corpus (for the bench)', () => {
    const bytes = chatParquet(100_000);
    expect(Number(parquetMetadata(bytes).num_rows)).toBe(100_000);
  });
});
