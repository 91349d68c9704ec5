// The download worker function against a real loopback imitation of GitHub/jsDelivr, with
// fake-indexeddb: resume without refetching, the primary bypass, and storage failures surfaced.
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors';
import { githubDatasetId } from '../../src/core/schema/dataset';
import { SourceSettingsSchema, type SourceSettings } from '../../src/core/schema/sourceSettings';
import { openDb, type MedevalDb } from '../../src/data/db';
import { getDataset } from '../../src/data/datasetStore';
import { ingestGithub, type IngestDeps } from '../../src/worker/ingestGithub';
import { startFakeGitHub, type FakeGitHub } from '../support/fakeGitHub';
import { FIXTURE_EXPECTED, fixtureNotes } from '../support/notesFixture';
import { waitUntil } from '../support/waitUntil';

let db: MedevalDb | undefined;
let gh: FakeGitHub | undefined;
afterEach(async () => {
  await db?.delete();
  await gh?.close();
  db = undefined;
  gh = undefined;
});

const waits: number[] = [];
function deps(database: MedevalDb, fetched: string[] = []): IngestDeps {
  return {
    db: database,
    fetch: (input, init) => {
      fetched.push(input instanceof Request ? input.url : String(input));
      return fetch(input, init);
    },
    random: () => 0.5,
    now: Date.now,
    // Retry waits are recorded, not slept: the policy is tested in core, here we test the flow.
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  };
}

function settingsFor(fake: FakeGitHub): SourceSettings {
  return SourceSettingsSchema.parse({
    ...fake.bases,
    repo: fake.repo,
    folder: fake.folder,
    commit: fake.commit,
  });
}

async function setup() {
  gh = await startFakeGitHub({ notes: fixtureNotes() });
  db = openDb(`ingest-${crypto.randomUUID()}`);
  return { gh, db, settings: settingsFor(gh) };
}

describe('ingestGithub', () => {
  it('downloads, processes and records provenance', async () => {
    const { gh, db, settings } = await setup();
    const id = await ingestGithub(deps(db), settings, 'helm', new AbortController().signal);
    expect(id).toBe(githubDatasetId(gh.repo, gh.folder, gh.commit));
    const record = await getDataset(db, id);
    expect(record).toMatchObject({
      status: 'ready',
      filesTotal: FIXTURE_EXPECTED.files,
      filesDone: FIXTURE_EXPECTED.files,
      exampleCount: FIXTURE_EXPECTED.examples,
      skippedCount: FIXTURE_EXPECTED.skipped,
      sectionCounts: FIXTURE_EXPECTED.sections,
      rulesVersion: 1,
      origin: { kind: 'github', commit: gh.commit },
    });
    const examples = await db.examples.where('datasetId').equals(id).sortBy('example_id');
    expect(examples.map((e) => e.filename)).toEqual(
      FIXTURE_EXPECTED.examplesInOrder.map((e) => e.filename),
    );
    expect(await db.notes.where('datasetId').equals(id).count()).toBe(FIXTURE_EXPECTED.files);
  });

  it('resumes after a failure without listing or fetching stored files again', async () => {
    const { gh, db, settings } = await setup();
    gh.fail({ host: 'raw', name: 'Port Placement.txt', status: 500 });
    gh.fail({ host: 'cdn', name: 'Port Placement.txt', status: 503 });
    const error = await ingestGithub(
      deps(db),
      { ...settings, concurrency: 1 },
      'helm',
      new AbortController().signal,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/HTTP 500.*mirror.*HTTP 503/);
    expect((error as AppError).nextStep).toMatch(/Resume/);
    const failed = await getDataset(db, githubDatasetId(gh.repo, gh.folder, gh.commit));
    expect(failed?.status).toBe('error');
    expect(failed?.error?.message).toContain('HTTP 500');
    const stored = failed?.filesDone ?? 0;
    expect(stored).toBeGreaterThan(0);

    gh.clearFailures();
    const mark = gh.requests.length;
    await ingestGithub(deps(db), settings, 'helm', new AbortController().signal);
    const after = gh.requests.slice(mark);
    expect(after.filter((r) => r.host === 'api')).toHaveLength(0);
    expect(after.filter((r) => r.host === 'raw')).toHaveLength(FIXTURE_EXPECTED.files - stored);
  });

  it('sends the rest straight to the mirror once the primary keeps failing', async () => {
    const { gh, db, settings } = await setup();
    gh.fail({ host: 'raw', status: 503 });
    await ingestGithub(
      deps(db),
      { ...settings, concurrency: 1 },
      'helm',
      new AbortController().signal,
    );
    const raw = new Set(gh.requests.filter((r) => r.host === 'raw').map((r) => r.name));
    expect(raw.size).toBe(3);
    const record = await getDataset(db, githubDatasetId(gh.repo, gh.folder, gh.commit));
    expect(record?.filesFromMirror).toBe(FIXTURE_EXPECTED.files);
  });

  it('reports a full disk as a storage error with a next step, keeping the record', async () => {
    const { db, settings } = await setup();
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    db.notes.hook('creating', () => {
      throw quota;
    });
    const error = await ingestGithub(
      deps(db),
      settings,
      'helm',
      new AbortController().signal,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('storage_quota');
    expect((error as AppError).nextStep).toMatch(/delet/i);
    const record = await db.datasets.toArray();
    expect(record[0]?.status).toBe('error');
    expect(record[0]?.error?.kind).toBe('storage_quota');
  });

  it('stops promptly when cancelled, marking the dataset cancelled', async () => {
    const { db, settings, gh } = await setup();
    gh.setLatency(200);
    const controller = new AbortController();
    const fetched: string[] = [];
    const pending = ingestGithub(deps(db, fetched), settings, 'helm', controller.signal);
    // Cancel mid-download: the listing is in and file requests are on their way.
    await waitUntil(
      () => fetched.some((url) => url.startsWith(settings.rawBase)),
      'the first file request',
    );
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
    const record = await db.datasets.toArray();
    expect(record[0]?.status).toBe('cancelled');
  });
});
