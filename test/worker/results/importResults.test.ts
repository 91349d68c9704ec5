import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/errors';
import { toRolloutRow } from '../../../src/core/results/rolloutRow';
import type { RunRecord } from '../../../src/core/schema/run';
import { openDb, type MedevalDb } from '../../../src/data/db';
import { createRunWithRollouts, listRollouts } from '../../../src/data/runStore';
import type { ImportFile } from '../../../src/worker/importers/readImport';
import {
  MAX_RESULTS_BYTES,
  importResults as importAny,
  type ImportResultsOptions,
  type ResultsImported,
} from '../../../src/worker/results/importResults';
import { sampleRollouts, sampleRun } from '../../core/results/sampleRun';

// Imitates `vf-eval -s` 0.1.15: json.dumps defaults (", " / ": " separators, non-ASCII as \uXXXX).
const SCORES = String.raw`{"accuracy": {"score": 4, "explanation": "ok"}, "completeness": {"score": 3, "explanation": "partial"}, "clarity": {"score": 5, "explanation": "clear"}}`;
const TIMING = String.raw`{"start_time": 1760000000.0, "generation": {"start": 1760000000.0, "end": 1760000003.5, "duration": 3.5}, "scoring": {"start": 1760000003.5, "end": 1760000005.0, "duration": 1.5}, "total": {"start": 1760000000.0, "end": 1760000005.0, "duration": 5.0}}`;

function verifiersLine(exampleId: number, reward: number): string {
  return String.raw`{"example_id": ${exampleId}, "prompt": [{"role": "system", "content": "Here are information about a patient."}, {"role": "user", "content": "Caf\u00e9-au-lait macules ${exampleId}."}], "completion": [{"role": "assistant", "content": "Refer to dermatology \u2014 annual review."}], "answer": "Dermatology referral.", "info": {"filename": "${exampleId}.txt", "extracted_section": "PLAN", "procedure_note": "Note ${exampleId}", "reference_plan": "Dermatology referral.", "judge_feedback": [{"judges": [{"model": "gpt-4o-mini", "raw": "{}", "error": null, "scores": ${SCORES}, "score": ${reward}}], "score": ${reward}}]}, "reward": ${reward}, "metrics": {"reward_mtsamples": ${reward}}, "reward_mtsamples": ${reward}, "error": null, "is_completed": true, "is_truncated": false, "stop_condition": null, "timing": ${TIMING}, "token_usage": {"input_tokens": 120.0, "output_tokens": 64.0}}`;
}

const METADATA = JSON.stringify({
  env_id: 'mtsamples_procedures',
  env_args: { judge_model: ['gpt-4o-mini'], judge_base_url: ['https://api.openai.com/v1'] },
  model: 'meta-llama/llama-3.3-70b-instruct',
  base_url: 'https://openrouter.ai/api/v1',
  num_examples: 3,
  rollouts_per_example: 2,
  sampling_args: { max_tokens: null, temperature: 0.7 },
  time: 12.5,
  avg_reward: 0.8,
});

/** Six good rows (3 examples × 2 rollouts) with two broken lines at 3 and 6, and a blank one. */
const RESULTS = [
  verifiersLine(0, 0.8),
  verifiersLine(0, 0.6),
  '{"example_id": 1, "prompt": [',
  verifiersLine(1, 0.8),
  verifiersLine(1, 0.4),
  '{"prompt": [], "completion": [], "reward": 1}',
  '',
  verifiersLine(2, 1),
  verifiersLine(2, 0.2),
].join('\n');

const file = (name: string, content: string | Uint8Array): ImportFile =>
  new File([typeof content === 'string' ? content : new Uint8Array(content)], name);

/** An import that must store a run (not find the same files imported before). */
async function importResults(
  ...args: [Parameters<typeof importAny>[0], readonly ImportFile[], ImportResultsOptions?]
): Promise<ResultsImported> {
  const summary = await importAny(...args);
  if (summary.status !== 'imported') throw new Error(`expected a new run, got ${summary.status}`);
  return summary;
}

let db: MedevalDb;
let ids = 0;
const deps = () => ({ db, now: () => 1_760_000_000_000, newId: () => `imported-${++ids}` });

beforeEach(() => {
  db = openDb(`t-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

async function failure(files: readonly ImportFile[]): Promise<AppError> {
  try {
    await importResults(deps(), files);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('importResults succeeded; expected an AppError');
}

async function stored() {
  return {
    runs: await db.runs.toArray(),
    rollouts: await db.rollouts.toArray(),
    rows: await db.rolloutRows.toArray(),
  };
}

function expectVerifiersImport(summary: ResultsImported) {
  expect(summary.rows).toBe(6);
  expect(summary.badLines).toEqual([
    { line: 3, message: expect.stringMatching(/^not valid JSON/) as string },
    { line: 6, message: 'missing example_id (or id, as verifiers before 0.1.6 wrote it)' },
  ]);
}

describe('importResults', () => {
  it('stores a verifiers results folder as a new run and reports exactly the broken lines', async () => {
    const summary = await importResults(deps(), [
      file('results.jsonl', RESULTS),
      file('metadata.json', METADATA),
    ]);
    expectVerifiersImport(summary);
    expect(summary.metadataProblems).toEqual([]);
    const { runs, rollouts, rows } = await stored();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      id: summary.runId,
      origin: 'imported',
      status: 'done',
      settings: {
        rolloutsPerExample: 2,
        model: { model: 'meta-llama/llama-3.3-70b-instruct' },
      },
    });
    expect(rollouts.map((r) => r.key).sort()).toEqual(['0:0', '0:1', '1:0', '1:1', '2:0', '2:1']);
    expect(rollouts.every((r) => r.runId === summary.runId)).toBe(true);
    expect(rollouts.find((r) => r.key === '1:1')).toMatchObject({
      status: 'done',
      score: { reward: 0.4 },
      imported: { source: 'verifiers', line: 5 },
      prompt: [{ role: 'system' }, { role: 'user', content: 'Café-au-lait macules 1.' }],
    });
    // The table's rows are exactly what the rollouts summarise to.
    expect(rows).toHaveLength(6);
    for (const rollout of rollouts) {
      expect(rows.find((row) => row.key === rollout.key)).toEqual(toRolloutRow(rollout));
    }
  });

  it('numbers lines across parse batches (a line past the 500th is reported as itself)', async () => {
    const lines = Array.from({ length: 1_200 }, (_, i) => verifiersLine(i, 0.5));
    lines[749] = 'oops';
    lines[1_199] = '[1, 2]';
    const summary = await importResults(deps(), [file('results.jsonl', lines.join('\r\n'))]);
    expect(summary.rows).toBe(1_198);
    expect(summary.badLines).toEqual([
      { line: 750, message: expect.stringMatching(/^not valid JSON/) as string },
      { line: 1_200, message: 'not a JSON object (an array)' },
    ]);
    const rollouts = await listRollouts(db, summary.runId);
    expect(rollouts.find((r) => r.example_id === 1_000)?.imported).toMatchObject({ line: 1_001 });
    expect(await db.rolloutRows.where('runId').equals(summary.runId).count()).toBe(1_198);
  });

  it('reads the same folder from a .zip', async () => {
    const zip = zipSync({
      'outputs/evals/mtsamples_procedures--llama/0a1b2c3d/results.jsonl': new TextEncoder().encode(
        RESULTS,
      ),
      'outputs/evals/mtsamples_procedures--llama/0a1b2c3d/metadata.json': new TextEncoder().encode(
        METADATA,
      ),
    });
    const summary = await importResults(deps(), [file('run.zip', zip)]);
    expectVerifiersImport(summary);
    const run = await db.runs.get(summary.runId);
    expect(run?.settings.model.model).toBe('meta-llama/llama-3.3-70b-instruct');
    expect(await db.rollouts.count()).toBe(6);
  });

  it('imports without metadata.json, and reports a metadata field it could not read', async () => {
    const bare = await importResults(deps(), [file('results.jsonl', RESULTS)]);
    expect((await db.runs.get(bare.runId))?.importedMetadata).toMatchObject({
      assumptions: expect.arrayContaining([
        'there was no metadata.json: settings come from the rows',
      ]) as string[],
    });
    const odd = await importResults(deps(), [
      file('results.jsonl', RESULTS),
      file('metadata.json', '{"model": 42}'),
    ]);
    expect(odd.metadataProblems).toEqual([expect.stringMatching(/^model ignored/) as string]);
    expect(await db.runs.count()).toBe(2);
  });

  it('stores nothing when no line is usable, and leaves an existing run untouched', async () => {
    await createRunWithRollouts(db, sampleRun, sampleRollouts);
    const before = await stored();
    const error = await failure([
      file('results.jsonl', 'not json\n{"example_id": -1, "prompt": [], "completion": []}\n'),
    ]);
    expect(error.kind).toBe('dataset_format');
    expect(error.message).toMatch(/None of the 2 lines of "results.jsonl".*line 1: not valid JSON/);
    expect(error.nextStep).toMatch(/nothing was stored/);
    expect(await stored()).toEqual(before);
  });

  it('never overwrites a stored run whose id is taken', async () => {
    const existing: RunRecord = { ...sampleRun, id: 'imported-taken' };
    await createRunWithRollouts(db, existing, sampleRollouts);
    const before = await stored();
    await expect(
      importResults({ ...deps(), newId: () => 'imported-taken' }, [file('results.jsonl', RESULTS)]),
    ).rejects.toThrow();
    expect(await stored()).toEqual(before);
  });

  it('rolls the whole import back when storing fails after the first chunks', async () => {
    await createRunWithRollouts(db, sampleRun, sampleRollouts);
    const before = await stored();
    let written = 0;
    db.rollouts.hook('creating', () => {
      if (++written > 700) throw new Error('disk full');
    });
    const lines = Array.from({ length: 1_200 }, (_, i) => verifiersLine(i, 0.5));
    await expect(importResults(deps(), [file('results.jsonl', lines.join('\n'))])).rejects.toThrow(
      'disk full',
    );
    expect(written).toBeGreaterThan(700);
    expect(await stored()).toEqual(before);
  });

  it.each([
    ['an empty file', [['results.jsonl', '\n\n']], /has no results/],
    ['only metadata.json', [['metadata.json', METADATA]], /No results\.jsonl was given/],
    ['another kind of file', [['notes.txt', 'x']], /"notes\.txt" is not results\.jsonl/],
    [
      'two results files',
      [
        ['a/results.jsonl', RESULTS],
        ['b/results.jsonl', RESULTS],
      ],
      /One results folder at a time/,
    ],
    [
      'a zip with other files',
      [
        ['run.zip', 'x'],
        ['metadata.json', METADATA],
      ],
      /must be imported on its own/,
    ],
  ])('rejects %s and stores nothing', async (_, files, message) => {
    const error = await failure(files.map(([name, text]) => file(name ?? '', text ?? '')));
    expect(error.kind).toBe('dataset_format');
    expect(error.message).toMatch(message);
    expect(await db.runs.count()).toBe(0);
  });

  it('says when the same files were imported before, and stores a second copy only when asked', async () => {
    const files = [file('results.jsonl', RESULTS), file('metadata.json', METADATA)];
    const first = await importResults(deps(), files);
    const again = await importAny(deps(), files);
    expect(again).toEqual({
      status: 'duplicate',
      runId: first.runId,
      name: expect.stringContaining('(imported)') as string,
      importedAt: 1_760_000_000_000,
    });
    expect(await db.runs.count()).toBe(1);
    expect(await db.rollouts.count()).toBe(6);
    // Other bytes are other files, even with the same results.jsonl.
    const other = await importAny(deps(), [file('results.jsonl', RESULTS)]);
    expect(other.status).toBe('imported');
    const copy = await importResults(deps(), files, { allowDuplicate: true });
    expect(copy.runId).not.toBe(first.runId);
    expect(await db.runs.count()).toBe(3);
  });

  it('imports files again once the run they made is deleted', async () => {
    const files = [file('results.jsonl', RESULTS)];
    const first = await importResults(deps(), files);
    await db.runs.update(first.runId, { deletedAt: 5 });
    expect((await importAny(deps(), files)).status).toBe('imported');
  });

  it('checks sizes before reading a byte', async () => {
    const tooBig: ImportFile = {
      name: 'results.jsonl',
      size: MAX_RESULTS_BYTES + 1,
      arrayBuffer: () => Promise.reject(new Error('read before its size was checked')),
    };
    const error = await failure([tooBig, file('metadata.json', METADATA)]);
    expect(error.message).toBe('"results.jsonl" is 200.1 MB; results.jsonl may be at most 200 MB.');
    expect(error.nextStep).toMatch(/nothing was stored/);
  });

  it('refuses text that is not UTF-8', async () => {
    const error = await failure([file('results.jsonl', new Uint8Array([0x7b, 0xff, 0x7d]))]);
    expect(error.message).toBe('"results.jsonl" is not UTF-8 text.');
  });
});
