import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  classLabelNames,
  filterRows,
  getInfo,
  getRows,
  getSize,
  isValid,
  listParquetFiles,
  listSplits,
  searchRows,
} from '../../../src/worker/hf/viewerApi';
import { startFakeHuggingFace, type FakeHuggingFace } from '../../support/fakeHuggingFace';
import { MMLU_FEATURES, mmluParquet, mmluRow } from '../../support/parquetFixtures';
import { waitUntil } from '../../support/waitUntil';
import { appErrorOf, hfTestDeps } from './hfTestDeps';

const MMLU = 'cais/mmlu';
const rows = Array.from({ length: 250 }, (_, i) => mmluRow(i));
const signal = new AbortController().signal;

let fake: FakeHuggingFace;

beforeAll(async () => {
  fake = await startFakeHuggingFace({
    datasets: [
      {
        id: MMLU,
        revision: 'c30699e8356da336a370243923dbaf21066bb9fe',
        description: 'Massive multitask test',
        license: 'mit',
        configs: {
          anatomy: {
            test: { rows, features: MMLU_FEATURES, parquet: mmluParquet(rows.slice(0, 10)) },
            validation: { rows: rows.slice(0, 14), features: MMLU_FEATURES },
          },
        },
      },
      {
        id: 'owner/gated',
        revision: 'a'.repeat(40),
        gated: true,
        configs: { default: { train: {} } },
      },
      {
        id: 'owner/plain',
        revision: 'b'.repeat(40),
        configs: { default: { train: { rows: [{ text: 'x' }] } } },
      },
    ],
  });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.clearFailures();
  fake.requests.length = 0;
});

describe('viewer API: successful calls', () => {
  it('reports capabilities, splits, info and sizes', async () => {
    const deps = hfTestDeps(fake);
    expect(await isValid(deps, MMLU, signal)).toEqual({
      preview: true,
      viewer: true,
      search: true,
      filter: true,
      statistics: true,
    });
    expect(await listSplits(deps, MMLU, signal)).toEqual([
      { config: 'anatomy', split: 'test' },
      { config: 'anatomy', split: 'validation' },
    ]);
    const info = await getInfo(deps, MMLU, 'anatomy', signal);
    expect(info).toEqual({
      description: 'Massive multitask test',
      license: 'mit',
      features: MMLU_FEATURES,
    });
    const size = await getSize(deps, MMLU, signal);
    expect(size.splits[0]).toMatchObject({ config: 'anatomy', split: 'test', numRows: 250 });
    expect(size.splits[0]?.numBytesParquet).toBeGreaterThan(0);
  });

  it('turns empty description and licence into null', async () => {
    const info = await getInfo(hfTestDeps(fake), 'owner/plain', 'default', signal);
    expect(info.description).toBeNull();
    expect(info.license).toBeNull();
    expect(info.features).toEqual({ text: { dtype: 'string', _type: 'Value' } });
  });

  it('pages rows and clamps length to 100 (the fake refuses more, like the API)', async () => {
    const page = await getRows(
      hfTestDeps(fake),
      { dataset: MMLU, config: 'anatomy', split: 'test', offset: 120, length: 500 },
      signal,
    );
    expect(page.rows).toHaveLength(100);
    expect(page.rows[0]).toEqual({ rowIdx: 120, row: mmluRow(120), truncatedCells: [] });
    expect(page.numRowsTotal).toBe(250);
    expect(page.features.map((feature) => feature.name)).toEqual([
      'question',
      'subject',
      'choices',
      'answer',
    ]);
    expect(fake.requests.at(-1)?.path).toContain('length=100');
    expect(classLabelNames(page.features)).toEqual({ answer: ['A', 'B', 'C', 'D'] });
  });

  it('searches by substring and filters with a where clause', async () => {
    const deps = hfTestDeps(fake);
    const query = { dataset: MMLU, config: 'anatomy', split: 'test', offset: 0, length: 10 };
    const found = await searchRows(deps, { ...query, query: 'STRUCTURE 42 ' }, signal);
    expect(found.rows.map((row) => row.rowIdx)).toEqual([42]);
    const filtered = await filterRows(
      deps,
      { ...query, where: `"subject"='anatomy' AND "answer"=1`, orderby: '"question" DESC' },
      signal,
    );
    expect(filtered.numRowsTotal).toBe(21); // i ≡ 0 (mod 3) and i ≡ 1 (mod 4), i < 250
    expect(
      filtered.rows.every((row) => row.row.subject === 'anatomy' && row.row.answer === 1),
    ).toBe(true);
  });

  it('lists the auto-converted Parquet files with their sizes', async () => {
    const files = await listParquetFiles(hfTestDeps(fake), MMLU, signal);
    expect(files).toEqual([
      {
        config: 'anatomy',
        split: 'test',
        url: `${fake.hubBase}/datasets/cais/mmlu/resolve/refs%2Fconvert%2Fparquet/anatomy/test/0000.parquet`,
        filename: '0000.parquet',
        size: mmluParquet(rows.slice(0, 10)).length,
      },
    ]);
  });
});

describe('viewer API: failures', () => {
  it('waits as long as a 429 asks, then succeeds', async () => {
    fake.fail({
      host: 'viewer',
      target: 'splits',
      status: 429,
      headers: { 'retry-after': '3' },
      times: 1,
    });
    const deps = hfTestDeps(fake);
    expect(await listSplits(deps, MMLU, signal)).toHaveLength(2);
    expect(deps.sleeps).toEqual([3000 + 125]); // retry-after plus up to 250 ms jitter (random 0.5)
    expect(fake.requests.map((request) => request.status)).toEqual([429, 200]);
  });

  it('explains the Hub rate limit when 429s persist', async () => {
    fake.fail({ host: 'viewer', target: 'splits', status: 429 });
    const error = await appErrorOf(listSplits(hfTestDeps(fake), MMLU, signal));
    expect(error.kind).toBe('rate_limit');
    expect(error.status).toBe(429);
    expect(error.attempts).toBe(3);
    expect(error.nextStep).toMatch(/500 API calls .* per 5 minutes/);
    expect(error.host).toBe(new URL(fake.baseUrl).host);
  });

  it('retries a 500 once and then answers', async () => {
    fake.fail({ host: 'viewer', target: 'size', status: 500, times: 1 });
    const size = await getSize(hfTestDeps(fake), MMLU, signal);
    expect(size.splits).toHaveLength(2);
  });

  it('reports persistent server errors as server errors', async () => {
    fake.fail({ host: 'viewer', target: 'size', status: 503 });
    const error = await appErrorOf(getSize(hfTestDeps(fake), MMLU, signal));
    expect(error.kind).toBe('server');
    expect(error.nextStep).toMatch(/try again/);
  });

  it('reports an unknown dataset as not found, with the server explanation and no URL', async () => {
    const error = await appErrorOf(listSplits(hfTestDeps(fake), 'owner/missing', signal));
    expect(error.kind).toBe('not_found');
    expect(error.status).toBe(404);
    expect(error.message).toMatch(/owner\/missing/);
    expect(error.message).toMatch(/does not exist/);
    expect(error.message).not.toContain('?dataset=');
    expect(error.nextStep).toMatch(/dataset id/);
    expect(fake.requests).toHaveLength(1); // 404 is not retried
  });

  it('says a gated dataset needs a Hugging Face token, and where to give one', async () => {
    const error = await appErrorOf(isValid(hfTestDeps(fake), 'owner/gated', signal));
    expect(error.kind).toBe('auth');
    expect(error.message).toMatch(/gated or private and needs a Hugging Face token/);
    expect(error.nextStep).toMatch(/Settings → Hugging Face token/);
  });

  it('passes the server explanation of a rejected filter, and keeps the query out', async () => {
    const error = await appErrorOf(
      filterRows(
        hfTestDeps(fake),
        {
          dataset: MMLU,
          config: 'anatomy',
          split: 'test',
          offset: 0,
          length: 5,
          where: 'secret LIKE 1',
        },
        signal,
      ),
    );
    expect(error.kind).toBe('bad_request');
    expect(error.message).toMatch(/Parameter 'where' is invalid/);
    expect(error.message).not.toContain('secret');
  });

  it('reports a body that is not JSON as a parse error', async () => {
    fake.fail({ host: 'viewer', target: 'splits', mode: 'malformed' });
    const error = await appErrorOf(listSplits(hfTestDeps(fake), MMLU, signal));
    expect(error.kind).toBe('parse');
    expect(error.message).toMatch(/not JSON/);
    expect(error.nextStep).toBeDefined();
  });

  it('reports JSON of the wrong shape as a parse error naming the field', async () => {
    fake.fail({
      host: 'viewer',
      target: 'splits',
      mode: 'malformed',
      body: '{"splits": [{"config": 3}]}',
    });
    const error = await appErrorOf(listSplits(hfTestDeps(fake), MMLU, signal));
    expect(error.kind).toBe('parse');
    expect(error.message).toMatch(/splits\.0\.config/);
  });

  it('reports a dropped connection as a network failure after bounded retries', async () => {
    fake.fail({ host: 'viewer', target: 'is-valid', mode: 'drop' });
    const deps = hfTestDeps(fake);
    const error = await appErrorOf(isValid(deps, MMLU, signal));
    expect(error.kind).toBe('network');
    expect(error.attempts).toBe(3);
    expect(deps.sleeps).toHaveLength(2);
    expect(error.nextStep).toMatch(/CORS/);
  });

  it('stops as cancelled when the signal fires', async () => {
    fake.fail({ host: 'viewer', target: 'is-valid', mode: 'hang' });
    const controller = new AbortController();
    const pending = isValid(hfTestDeps(fake), MMLU, controller.signal);
    await waitUntil(() => fake.requests.length === 1, 'the request to hang at the viewer');
    controller.abort();
    expect((await appErrorOf(pending)).kind).toBe('aborted');
  });
});
