// A Hugging Face token through the worker's own API (issue 15): a gated MedQA on the Hugging Face
// imitation that serves only requests bearing its token. The token goes to the Hugging Face hosts
// saved in Settings and nowhere else, and a 401/403 says the dataset is gated and whether a token
// was sent — never the token itself.
import { afterEach, describe, expect, it } from 'vitest';
import { toAppError, type AppError } from '../../../src/core/errors';
import { DEFAULT_SOURCE_SETTINGS } from '../../../src/core/schema/sourceSettings';
import { openDb, type MedevalDb } from '../../../src/data/db';
import { saveSourceSettings } from '../../../src/data/settingsStore';
import { createWorkerApi } from '../../../src/worker/api/createWorkerApi';
import { startFakeHuggingFace, type FakeHuggingFace } from '../../support/fakeHuggingFace';
import { medqaParquet, medqaRows } from '../../support/parquetFixtures';

const TOKEN = 'hf_gatedFixtureToken0123456789';
const fakes: FakeHuggingFace[] = [];
const dbs: MedevalDb[] = [];
afterEach(async () => {
  for (const fake of fakes.splice(0)) await fake.close();
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

async function gatedHub(): Promise<FakeHuggingFace> {
  const rows = medqaRows(12);
  const fake = await startFakeHuggingFace({
    datasets: [
      {
        id: 'GBaker/MedQA-USMLE-4-options',
        revision: 'c'.repeat(40),
        gated: { token: TOKEN },
        configs: { default: { test: { rows, parquet: medqaParquet(rows) } } },
      },
    ],
  });
  fakes.push(fake);
  return fake;
}

async function setup(saved: FakeHuggingFace, used: FakeHuggingFace = saved) {
  const db = openDb(`hf-token-${crypto.randomUUID()}`);
  dbs.push(db);
  // What the user saved in Settings, and what this load uses (a link may name other hosts).
  const settingsOf = (fake: FakeHuggingFace) => ({
    ...DEFAULT_SOURCE_SETTINGS,
    hfViewerBase: fake.viewerBase,
    hfHubBase: fake.hubBase,
  });
  await saveSourceSettings(db, settingsOf(saved));
  const api = createWorkerApi({ db, fetch, appVersion: 'test' });
  const load = (tokens?: Record<string, string>) =>
    api.loadBenchmark(
      `job-${crypto.randomUUID()}`,
      settingsOf(used),
      { envId: 'medqa', variantId: 'test' },
      tokens,
    );
  return { db, load };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => new Error('expected the load to fail'),
    (caught: unknown) => caught,
  );
  // The worker's API hands errors over as comlink carries them; the page reads them back so.
  const appError = toAppError(error);
  if (appError.kind === 'unknown') throw error;
  return appError;
}

describe('a Hugging Face token for a gated dataset', () => {
  it('without one: the dataset is gated, asks for a token and says none was sent', async () => {
    const fake = await gatedHub();
    const { load } = await setup(fake);
    const error = await failure(load());
    const host = new URL(fake.baseUrl).host;
    expect(error.kind).toBe('auth');
    expect(error.message).toContain('gated or private and needs a Hugging Face token');
    expect(error.message).toContain(`No token was sent to ${host}`);
    expect(error.nextStep).toContain('Settings → Hugging Face token');
    expect(fake.requests.some((r) => r.authorization !== undefined)).toBe(false);
  });

  it('with one for the saved host: sent as a Bearer token to that host, and the dataset loads', async () => {
    const fake = await gatedHub();
    const { db, load } = await setup(fake);
    const datasetId = await load({ [fake.baseUrl]: TOKEN });
    const dataset = await db.datasets.get(datasetId);
    expect(dataset?.status).toBe('ready');
    expect(dataset?.exampleCount).toBe(12);
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(fake.requests.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
    // Never stored: nothing in the database holds the token.
    const everything = JSON.stringify(await Promise.all(db.tables.map((table) => table.toArray())));
    expect(everything).not.toContain(TOKEN);
  });

  it('a refused token: says one was sent and was refused, without the token', async () => {
    const fake = await gatedHub();
    const { load } = await setup(fake);
    const error = await failure(load({ [fake.baseUrl]: 'hf_wrongToken' }));
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(403);
    expect(error.message).toContain('although a Hugging Face token was sent');
    expect(`${error.message} ${error.nextStep ?? ''}`).not.toContain('hf_wrongToken');
  });

  it('never goes to a host other than the saved ones, even one a link names', async () => {
    const saved = await gatedHub();
    const other = await gatedHub();
    // The user saved `saved`; this load (say, from a link) uses `other`. A key the user has for
    // other's origin (any key: a model's) is not a Hugging Face token for it.
    const { load } = await setup(saved, other);
    const error = await failure(load({ [saved.baseUrl]: TOKEN, [other.baseUrl]: TOKEN }));
    expect(error.message).toContain('No token was sent');
    expect(other.requests.length).toBeGreaterThan(0);
    expect(other.requests.some((r) => r.authorization !== undefined)).toBe(false);
    expect(saved.requests).toHaveLength(0);
  });
});
