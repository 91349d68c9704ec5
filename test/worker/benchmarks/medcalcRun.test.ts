// MedCalc-Bench through the worker: the differential fixture's rows as MedCalc-Bench v1.2's Parquet
// from the Hugging Face imitation; a run against the mock, each question answered with a reply from
// the fixture's corpus, scored exactly as MedARC scored that reply.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { getDataset } from '../../../src/data/datasetStore';
import { startFakeHuggingFace } from '../../support/fakeHuggingFace';
import { medcalcParquet } from '../../support/medmarks/medmarksParquet';
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
  rows: Record<string, unknown>[];
  verdicts: { row: number; reply: string; reward: number }[];
}
const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/medmarks/medcalc-bench.json', import.meta.url), 'utf8'),
) as Fixture;

afterEach(cleanUpAfterTest);

/** Per calculator, the fixture's n-th reply and MedARC's reward for it. */
function pick(calcId: number, n: number) {
  const replies = fixture.verdicts.filter((v) => v.row === calcId);
  const chosen = replies[n % replies.length];
  if (chosen === undefined) throw new Error(`no reply for ${calcId}`);
  return chosen;
}

describe('MedCalc-Bench through the worker', () => {
  it.each([0, 18, 5])(
    'loads every row and scores reply %i of each calculator as MedARC',
    async (n) => {
      const hf = closeAfterTest(
        await startFakeHuggingFace({
          datasets: [
            {
              id: 'ncbi/MedCalc-Bench-v1.2',
              revision: 'f'.repeat(40),
              configs: {
                default: {
                  test: {
                    rows: fixture.rows,
                    parquet: medcalcParquet(fixture.rows, { rowGroupSize: 3 }),
                  },
                },
              },
            },
          ],
        }),
      );
      const db = newDb('medcalc');
      const datasetId = await load(
        db,
        sourceSettings(hf),
        { envId: 'medcalc_bench', variantId: 'v1.2' },
        hf,
      );
      expect(await getDataset(db, datasetId)).toMatchObject({
        status: 'ready',
        exampleCount: fixture.rows.length,
        skippedCount: 0,
      });
      const mock = closeAfterTest(await startMockOpenAI());
      mock.setDefault((request) => {
        const text = JSON.stringify(request.body);
        const row = fixture.rows.find((r) =>
          text.includes(JSON.stringify(r['Patient Note']).slice(1, -1)),
        );
        return { reply: pick(Number(row?.['Calculator ID']), n).reply };
      });
      const { status, rollouts } = await runToEnd(db, {
        envId: 'medcalc_bench',
        datasetId,
        baseUrl: mock.baseUrl,
      });
      expect(status).toBe('done');
      const expected = fixture.rows.map((r) => pick(Number(r['Calculator ID']), n).reward).sort();
      expect(rollouts.map((r) => r.score?.reward).sort()).toEqual(expected);
    },
  );
});
