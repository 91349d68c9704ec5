// MedHallu through the worker: the differential fixture's rows as MedHallu's Parquet (a list column,
// a null list, names with spaces) from the Hugging Face imitation, read twice into factual and
// hallucinated examples; a run of one difficulty against the mock, scored as MedARC scores it.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { accuracySummaryOf } from '../../../src/core/results/envSummary';
import { getDataset } from '../../../src/data/datasetStore';
import { startFakeHuggingFace } from '../../support/fakeHuggingFace';
import { medhalluParquet } from '../../support/medmarks/medmarksParquet';
import { startMockOpenAI } from '../../support/mockOpenAI';
import {
  cleanUpAfterTest,
  closeAfterTest,
  load,
  newDb,
  runToEnd,
  sourceSettings,
} from './medmarksRunSupport';

const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/medmarks/medhallu.json', import.meta.url), 'utf8'),
) as { rows: Record<string, unknown>[] };

afterEach(cleanUpAfterTest);

async function loaded() {
  const hf = closeAfterTest(
    await startFakeHuggingFace({
      datasets: [
        {
          id: 'UTAustin-AIHealth/MedHallu',
          revision: 'c'.repeat(40),
          configs: {
            pqa_labeled: {
              train: {
                rows: fixture.rows,
                parquet: medhalluParquet(fixture.rows, { rowGroupSize: 4 }),
              },
            },
          },
        },
      ],
    }),
  );
  const db = newDb('medhallu');
  const datasetId = await load(
    db,
    sourceSettings(hf),
    { envId: 'medhallu', variantId: 'pqa_labeled' },
    hf,
  );
  return { db, datasetId };
}

describe('MedHallu through the worker', () => {
  it('reads the split twice: every factual example, then every hallucinated one', async () => {
    const { db, datasetId } = await loaded();
    expect(await getDataset(db, datasetId)).toMatchObject({
      status: 'ready',
      exampleCount: 20,
      skippedCount: 0,
      sectionCounts: { factual: 10, hallucinated: 10 },
    });
    const examples = await db.examples.where('datasetId').equals(datasetId).sortBy('example_id');
    expect(examples.map((e) => e.id).slice(9, 11)).toEqual(['9:factual', '0:hallucinated']);
    // The null Knowledge reads as Python prints None; a list as its repr.
    expect(examples[6]?.payload).toMatchObject({ knowledge: 'None' });
    expect(examples[0]?.payload).toMatchObject({
      knowledge:
        "['In UKPDS 34, metformin reduced myocardial infarction by 39% in overweight patients.', 'Metformin lowers hepatic glucose output.']",
    });
  });

  it('runs the hard questions and reports the mean reward with the 0.01 for “unsure”', async () => {
    const { db, datasetId } = await loaded();
    const mock = closeAfterTest(await startMockOpenAI());
    // Right on factual answers, unsure on hallucinated ones.
    mock.setDefault((request) => {
      const text = JSON.stringify(request.body);
      const isFactual = fixture.rows.some((row) =>
        text.includes(JSON.stringify(row['Ground Truth']).slice(1, -1)),
      );
      return {
        reply: isFactual ? 'The answer matches the evidence. \\boxed{0}' : 'Not sure. \\boxed{2}',
      };
    });
    const { status, rollouts } = await runToEnd(db, {
      envId: 'medhallu',
      datasetId,
      baseUrl: mock.baseUrl,
      envSettings: { difficulty: 'hard' },
    });
    expect(status).toBe('done');
    // The three "hard" questions, each with its factual and its hallucinated answer.
    expect(rollouts).toHaveLength(6);
    expect(rollouts.map((r) => r.score?.reward).sort()).toEqual([0.01, 0.01, 0.01, 1, 1, 1]);
    const system = mock.requests[0]?.body as { messages: { role: string; content: string }[] };
    expect(system.messages[0]?.content).toContain('\\boxed{{2}} if you are unsure');
    const { accuracy } = accuracySummaryOf(
      await db.rolloutRows
        .where('runId')
        .equals(rollouts[0]?.runId ?? '')
        .toArray(),
    );
    expect(accuracy).toMatchObject({ n: 6, correct: 3, hasPartialCredit: true });
    expect(accuracy.accuracy).toBeCloseTo(3.03 / 6, 12);
  });
});
