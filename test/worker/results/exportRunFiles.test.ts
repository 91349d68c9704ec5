import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/errors';
import { defaultFolderName } from '../../../src/core/results/exportRun';
import type { RolloutRecord, RunRecord } from '../../../src/core/schema/run';
import { openDb, type MedevalDb } from '../../../src/data/db';
import { createRunWithRollouts, listRollouts } from '../../../src/data/runStore';
import type { ImportFile } from '../../../src/worker/importers/readImport';
import { exportRunFiles, type ExportedFile } from '../../../src/worker/results/exportRunFiles';
import { importResults } from '../../../src/worker/results/importResults';
import { seedDataset } from '../../support/seedDataset';
import { sampleRollouts, sampleRun } from '../../core/results/sampleRun';

let db: MedevalDb;

beforeEach(async () => {
  db = openDb(`t-${crypto.randomUUID()}`);
  // Synthetic examples under the sample run's dataset id: the export reads them from there.
  await seedDataset(db, { count: 3, datasetId: sampleRun.settings.datasetId });
  await createRunWithRollouts(db, sampleRun, sampleRollouts);
});
afterEach(async () => {
  await db.delete();
});

const deps = () => ({ db, now: () => 1_770_000_000_000, newId: () => 'copy' });
const asFile = ({ name, data }: ExportedFile): ImportFile =>
  new File([typeof data === 'string' ? data : new Uint8Array(data)], name);
const text = (file: ExportedFile): string => {
  if (typeof file.data !== 'string') throw new Error(`${file.name} is not text`);
  return file.data;
};

/** The rollouts as stored, moved to another run id, in key order. */
function asCopy(rollouts: readonly RolloutRecord[], runId: string): RolloutRecord[] {
  return rollouts.map((r) => ({ ...r, runId })).sort((a, b) => a.key.localeCompare(b.key));
}

async function importedCopy(): Promise<{ run: RunRecord | undefined; rollouts: RolloutRecord[] }> {
  const rollouts = await listRollouts(db, 'copy');
  return {
    run: await db.runs.get('copy'),
    rollouts: rollouts.sort((a, b) => a.key.localeCompare(b.key)),
  };
}

describe('exportRunFiles', () => {
  it('zips results.jsonl and metadata.json under the tooling’s default folder', async () => {
    const zip = await exportRunFiles(db, sampleRun.id, 'zip');
    expect(zip.mime).toBe('application/zip');
    expect(zip.name).toMatch(
      /^mtsamples_procedures--meta-llama--llama-3\.3-70b-instruct--[0-9a-f]{8}\.zip$/,
    );
    if (typeof zip.data === 'string') throw new Error('a zip is bytes');
    const folder = defaultFolderName(sampleRun);
    expect(Object.keys(unzipSync(zip.data)).sort()).toEqual([
      `${folder}metadata.json`,
      `${folder}results.jsonl`,
    ]);
  });

  it('writes each example’s note and reference from the run’s dataset', async () => {
    const lines = text(await exportRunFiles(db, sampleRun.id, 'results.jsonl'))
      .trim()
      .split('\n');
    expect(lines).toHaveLength(sampleRollouts.length);
    const first = JSON.parse(lines[0] ?? '') as { answer: string; info: Record<string, unknown> };
    expect(first.info).toMatchObject({
      filename: 'synthetic-0.txt',
      procedure_note: expect.stringContaining('[example 0]') as string,
    });
    expect(first.answer).toContain('[example 0] Discharge the same day');
  });

  it('round-trips a native run through the zip: same rollouts, notes and ratings included', async () => {
    const summary = await importResults(deps(), [
      asFile(await exportRunFiles(db, sampleRun.id, 'zip')),
    ]);
    expect(summary).toEqual({
      status: 'imported',
      runId: 'copy',
      rows: 6,
      badLines: [],
      metadataProblems: [],
    });
    const copy = await importedCopy();
    expect(copy.rollouts).toStrictEqual(asCopy(sampleRollouts, 'copy'));
    expect(copy.rollouts.find((r) => r.key === '2:0')).toMatchObject({
      notes: 'Reviewer: =SUM(A1) "quoted", plan cut off.\nSecond line.',
      ratings: { accuracy: 3, completeness: 2, clarity: null },
    });
    expect(copy.run).toMatchObject({
      origin: 'imported',
      name: sampleRun.name,
      settings: sampleRun.settings,
      dataset: sampleRun.dataset,
    });
    // The original is still there, unchanged.
    expect(await db.runs.get(sampleRun.id)).toEqual(sampleRun);
  });

  it('round-trips through the two plain files as well', async () => {
    await importResults(deps(), [
      asFile(await exportRunFiles(db, sampleRun.id, 'results.jsonl')),
      asFile(await exportRunFiles(db, sampleRun.id, 'metadata.json')),
    ]);
    const copy = await importedCopy();
    expect(copy.rollouts).toStrictEqual(asCopy(sampleRollouts, 'copy'));
    expect(copy.run?.settings).toEqual(sampleRun.settings);
  });

  it('re-exports an imported run with the example text its rows carried', async () => {
    const line = JSON.stringify({
      example_id: 7,
      prompt: [{ role: 'user', content: 'Gallstones.' }],
      completion: [{ role: 'assistant', content: 'Cholecystectomy.' }],
      answer: 'Laparoscopic cholecystectomy.',
      info: { filename: '0007-gall.txt', extracted_section: 'PLAN', procedure_note: 'Gallstones.' },
      reward: 0.6,
    });
    await importResults(deps(), [new File([line], 'results.jsonl')]);
    const again = text(await exportRunFiles(db, 'copy', 'results.jsonl'));
    expect(JSON.parse(again)).toMatchObject({
      answer: 'Laparoscopic cholecystectomy.',
      info: { filename: '0007-gall.txt', procedure_note: 'Gallstones.' },
    });
  });

  it('writes the CSV with one row per rollout', async () => {
    const csv = await exportRunFiles(db, sampleRun.id, 'csv');
    expect(csv.mime).toBe('text/csv');
    expect(csv.name).toMatch(/\.csv$/);
    const rows = text(csv).split('\r\n').filter(Boolean);
    expect(rows[0]).toMatch(/^\uFEFFexample_id,rollout_index,status,reward/);
    expect(rows).toHaveLength(1 + sampleRollouts.length);
  });

  it('never writes a credential, even one a free-form field carried', async () => {
    const leaky: RunRecord = {
      ...sampleRun,
      id: 'leaky',
      settings: {
        ...sampleRun.settings,
        model: {
          ...sampleRun.settings.model,
          sampling: { extra: { api_key: 'sk-secret-123', provider: { order: ['x'] } } },
        },
      },
    };
    await createRunWithRollouts(
      db,
      leaky,
      sampleRollouts.map((r) => ({ ...r, runId: 'leaky' })),
    );
    for (const format of ['results.jsonl', 'metadata.json', 'csv'] as const) {
      expect(text(await exportRunFiles(db, 'leaky', format))).not.toContain('sk-secret-123');
    }
    const zip = await exportRunFiles(db, 'leaky', 'zip');
    for (const entry of Object.values(unzipSync(zip.data as Uint8Array))) {
      expect(new TextDecoder().decode(entry)).not.toContain('sk-secret-123');
    }
  });

  it('says when the run is not stored', async () => {
    const error = await exportRunFiles(db, 'missing', 'csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('not_found');
  });
});
