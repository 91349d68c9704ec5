// Med-HALT through the worker: the differential fixture's rows as Med-HALT's Parquet (int64 indices,
// options as the str() of a dict) from the Hugging Face imitation, both configs; the load keeps the
// rows MedARC keeps (test split, readable options) and a run against the mock scores as MedARC does.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { getDataset } from '../../../src/data/datasetStore';
import { startFakeHuggingFace } from '../../support/fakeHuggingFace';
import { medHaltParquet } from '../../support/medmarks/medmarksParquet';
import { startMockOpenAI } from '../../support/mockOpenAI';
import {
  cleanUpAfterTest,
  closeAfterTest,
  load,
  newDb,
  runToEnd,
  sourceSettings,
} from './medmarksRunSupport';

interface Fixture {
  rows: Record<string, Record<string, unknown>[]>;
  envs: {
    env_args: Record<string, unknown>;
    examples: { row: number; messages?: { content: string }[]; answer?: string }[];
  }[];
}
const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/medmarks/med-halt.json', import.meta.url), 'utf8'),
) as Fixture;
const fct = fixture.rows['reasoning_FCT'] ?? [];
const nota = fixture.rows['reasoning_nota'] ?? [];

afterEach(cleanUpAfterTest);

async function loaded(variantId: 'reasoning_FCT' | 'reasoning_nota') {
  const hf = closeAfterTest(
    await startFakeHuggingFace({
      datasets: [
        {
          id: 'openlifescienceai/Med-HALT',
          revision: 'd'.repeat(40),
          configs: {
            reasoning_FCT: {
              train: { rows: fct, parquet: medHaltParquet(fct, { rowGroupSize: 4 }) },
            },
            reasoning_nota: { train: { rows: nota, parquet: medHaltParquet(nota) } },
          },
        },
      ],
    }),
  );
  const db = newDb('med-halt');
  const datasetId = await load(db, sourceSettings(hf), { envId: 'med_halt', variantId }, hf);
  return { db, datasetId };
}

/** The fixture's kept examples for one question type: MedARC's prompts and golds. */
function expected(questionType: string) {
  const env = fixture.envs.find(
    (e) => e.env_args['question_type'] === questionType && !('num_few_shot' in e.env_args),
  );
  return (env?.examples ?? []).filter((e) => e.messages !== undefined);
}

describe('Med-HALT through the worker', () => {
  it('keeps the rows MedARC keeps, with their reasons for the others', async () => {
    const { db, datasetId } = await loaded('reasoning_FCT');
    const kept = expected('reasoning_fct');
    expect(await getDataset(db, datasetId)).toMatchObject({
      status: 'ready',
      exampleCount: kept.length,
      skippedCount: fct.length - kept.length,
    });
  });

  it('runs the False Confidence Test and scores “no” as MedARC does', async () => {
    const { db, datasetId } = await loaded('reasoning_FCT');
    const mock = closeAfterTest(await startMockOpenAI());
    mock.setDefault(() => ({ reply: '```json\n{"answer": "x", "is_answer_correct": "No"}\n```' }));
    const { status, rollouts } = await runToEnd(db, {
      envId: 'med_halt',
      datasetId,
      baseUrl: mock.baseUrl,
    });
    expect(status).toBe('done');
    const kept = expected('reasoning_fct');
    // MedARC's prompts, byte for byte, one user message each.
    const sent = mock.requests.map((r) => (r.body as { messages: { content: string }[] }).messages);
    expect(sent.every((m) => m.length === 1)).toBe(true);
    expect(new Set(sent.map((m) => m[0]?.content))).toEqual(
      new Set(kept.map((e) => e.messages?.[0]?.content)),
    );
    // "No" is right exactly where the student was wrong (gold "0").
    const wrongStudents = kept.filter((e) => e.answer === '0').length;
    expect(rollouts.filter((r) => r.score?.reward === 1)).toHaveLength(wrongStudents);
  });

  it('runs the None of the Above test: the index after "None of the above" moves last', async () => {
    const { db, datasetId } = await loaded('reasoning_nota');
    const mock = closeAfterTest(await startMockOpenAI());
    mock.setDefault(() => ({
      reply: '{"correct_text": "None of the above", "correct_index": " 3"}',
    }));
    const { status, rollouts } = await runToEnd(db, {
      envId: 'med_halt',
      datasetId,
      baseUrl: mock.baseUrl,
    });
    expect(status).toBe('done');
    const kept = expected('reasoning_nota');
    expect(rollouts).toHaveLength(kept.length);
    // Index 3 is right for the four-option questions only.
    const fourOptions = kept.filter((e) => e.answer === '3').length;
    expect(rollouts.filter((r) => r.score?.reward === 1)).toHaveLength(fourOptions);
  });
});
