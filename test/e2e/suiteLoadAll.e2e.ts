// "Load all" with one host down, in Chromium (issue 15): the GitHub imitation never answers (its raw
// host and its mirror hang every request), and the Hugging Face datasets of the suite — those listed
// before the GitHub-hosted lines and those after them — all become ready while the first GitHub line
// still waits for its first answer. Loaded one after another, the lines after SCT-Public and
// LongHealth waited for them: a host that hangs held them up for good, one that fails for the
// GitHub lines' retries (~45 s in the suite bench). No clock here: the proof is the order of events.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeProblems } from '../support/browser';
import { startFakeGitHub } from '../support/fakeGitHub';
import { startFakeHuggingFace } from '../support/fakeHuggingFace';
import { choiceFixtureDatasets, readChoiceFixture } from '../support/medmarks/choiceFixtures';
import { medcalcParquet, medhalluParquet } from '../support/medmarks/medmarksParquet';
import { medqaParquet, medqaRows } from '../support/parquetFixtures';
import { describeInChromium } from './describeInChromium';

const REVISION = 'c'.repeat(40);

const rowsOf = (name: string) =>
  (
    JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/medmarks', name), 'utf8')) as {
      rows: Record<string, unknown>[];
    }
  ).rows;

/** Datasets of the suite from before the GitHub lines (MedQA, MedCalc-Bench) and after them. */
function servedDatasets() {
  const medqa = medqaRows(12);
  const medhallu = rowsOf('medhallu.json');
  const medcalc = rowsOf('medcalc-bench.json');
  return [
    {
      id: 'GBaker/MedQA-USMLE-4-options',
      revision: REVISION,
      configs: { default: { test: { rows: medqa, parquet: medqaParquet(medqa) } } },
    },
    {
      id: 'ncbi/MedCalc-Bench-v1.2',
      revision: REVISION,
      configs: { default: { test: { rows: medcalc, parquet: medcalcParquet(medcalc) } } },
    },
    ...choiceFixtureDatasets(readChoiceFixture('medbullets')),
    {
      id: 'UTAustin-AIHealth/MedHallu',
      revision: REVISION,
      configs: { pqa_labeled: { train: { rows: medhallu, parquet: medhalluParquet(medhallu) } } },
    },
  ];
}

/** Each dataset line's state, by its label (env — variant). */
type Lines = Record<string, string>;

describeInChromium('"Load all" with a host that never answers', (chromium) => {
  it('loads the Hugging Face datasets while the GitHub-hosted ones wait on their host', async () => {
    const hf = chromium.closeAfterTest(await startFakeHuggingFace({ datasets: servedDatasets() }));
    const gh = chromium.closeAfterTest(await startFakeGitHub({ notes: [] }));
    gh.fail({ host: 'raw', status: 0, mode: 'hang' });
    gh.fail({ host: 'cdn', status: 0, mode: 'hang' });
    const params = new URLSearchParams({
      hfViewer: hf.viewerBase,
      hfHub: hf.hubBase,
      raw: gh.bases.rawBase,
      mirror: gh.bases.mirrorBase,
      mirrorApi: gh.bases.mirrorApiBase,
    });
    const app = await chromium.openApp(`?${params.toString()}#/suites`);
    const { page } = app;
    const lines = () =>
      page
        .getByTestId('suite-dataset')
        .evaluateAll((items) =>
          Object.fromEntries(
            items.map((li) => [
              li.textContent.split(':', 1)[0] as string,
              li.getAttribute('data-status') ?? '',
            ]),
          ),
        ) as Promise<Lines>;
    const load = page.getByTestId('suite-load-all');
    await expect.poll(() => load.isEnabled(), { timeout: 20_000 }).toBe(true);
    const order = Object.keys(await lines());
    const firstGithub = order.indexOf('SCT-Public — Public set (174 cases)');
    const served = [
      'MedCalc-Bench — v1.2 test set',
      'MedQA (USMLE) — Test (1,273)',
      'Medbullets — 4 options (308)',
      'Medbullets — 5 options (308)',
      'MedHallu — Expert-labelled (1,000 questions, 2,000 judgements)',
    ];
    // Some served lines come after the GitHub-hosted ones in the suite's order.
    expect(served.filter((line) => order.indexOf(line) > firstGithub)).toHaveLength(3);
    expect(firstGithub).toBeGreaterThan(0);

    await load.click();
    const readyOf = async () => {
      const now = await lines();
      return served.filter((line) => now[line] === 'ready');
    };
    await expect.poll(readyOf, { timeout: 30_000 }).toEqual(served);
    // Then every Hugging Face line not served fails and says so, and two lines are left waiting on
    // GitHub: SCT-Public, which holds the LongHealth lines behind it (one host, one load at a time),
    // and PubMedQA, whose test-subset list is on GitHub, in a queue of its own.
    const waiting = async () =>
      Object.entries(await lines())
        .filter(([, status]) => status !== 'ready' && status !== 'error')
        .map(([line, status]) => `${line}: ${status}`)
        .sort();
    await expect
      .poll(waiting, { timeout: 20_000 })
      .toEqual([
        ...[1, 2].flatMap((task) =>
          [1618, 2718, 9331].map(
            (seed) => `LongHealth — Task ${task}, document seed ${seed}: missing`,
          ),
        ),
        'PubMedQA — Expert-labelled (1,000): fetching',
        'SCT-Public — Public set (174 cases): fetching',
      ]);
    // The GitHub host was asked (SCT-Public's first file, PubMedQA's list) and answered nothing.
    expect(gh.received()).toBe(2);
    expect(gh.requests.map((request) => request.status)).toEqual([0, 0]);
    expect(await load.isEnabled()).toBe(false);
    expect(describeProblems(app.pageErrors)).toBe('');
  });
});
