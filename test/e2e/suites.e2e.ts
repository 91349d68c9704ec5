// Issue 15 end to end in Chromium: a "Medmarks verified" subset (the first 5 examples of every entry
// of seven environments: MedQA, MedMCQA, CareQA, Medbullets 4 and 5 options, HEAD-QA v2, MedHallu and
// MedCalc-Bench, 20 entries with their option shuffles) run for two models against the loopback mock,
// the datasets loaded from the Hugging Face imitation in their real Parquet shapes with one "Load
// all". The mock answers each question with a reply from that question's reference fixture (MedARC's
// own reward for every reply is in the fixture), so the accuracy of every cell, the macro average and
// the win rates are computed here from the fixtures and the reply script, not read back from the app.
// The first model runs the built-in suite; the second runs our fixture in the shape of MedARC's
// configs/medmarks-verified.toml, imported on the page: same entries, same leaderboard.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { describeProblems } from '../support/browser';
import { startFakeGitHub, type FakeGitHub } from '../support/fakeGitHub';
import { startFakeHuggingFace, type FakeHuggingFace } from '../support/fakeHuggingFace';
import { axeViolations, seriousOrCritical } from './axe';
import { ENVS } from '../../src/core/envs/registry';
import { MEDMARKS_VERIFIED } from '../../src/core/suites/medmarksVerified';
import { canonicalJson } from '../../src/core/suites/placeRun';
import { resolveEntry } from '../../src/core/suites/resolveEntry';
import { isShuffleEntry, type SuiteEntry } from '../../src/core/suites/suite';
import {
  choiceFixtureDatasets,
  readChoiceFixture,
  type ChoiceFixture,
} from '../support/medmarks/choiceFixtures';
import { medcalcParquet, medhalluParquet } from '../support/medmarks/medmarksParquet';
import { startMockOpenAI, type MockOpenAI } from '../support/mockOpenAI';
import { medqaParquet, medqaRow, medqaRows } from '../support/parquetFixtures';
import { describeInChromium } from './describeInChromium';

const KEY = 'mock-key-suites-0123456789';
const TOML = join(import.meta.dirname, '../fixtures/suites/medmarks-verified.toml');
const N = 5;
const MODELS = ['alpha', 'beta'] as const;
type Model = (typeof MODELS)[number];

// ---------------------------------------------------------------------------------------------------
// The questions: per suite entry, its examples in the reference's order, each with the replies its
// fixture scores and MedARC's reward for each.

interface Candidate {
  reply: string;
  reward: number;
}
interface Question {
  /** The last user message MedARC's code rendered (what the app must send). */
  prompt: string;
  candidates: Candidate[];
}

const CHOICE: readonly ChoiceFixture[] = ['med_mcqa', 'careqa', 'medbullets', 'head_qa_v2'].map(
  readChoiceFixture,
);

interface EnvFixture<R> {
  rows: R[];
  envs: {
    env_args: Record<string, unknown>;
    examples: { messages: { content: string }[]; answer: string; info?: { calc_id?: number } }[];
  }[];
}
const readFixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/medmarks', name), 'utf8'));
const MEDHALLU = readFixture('medhallu.json') as EnvFixture<Record<string, unknown>> & {
  verdicts: { reply: string; label: string; reward: number }[];
};
const MEDCALC = readFixture('medcalc-bench.json') as EnvFixture<Record<string, unknown>> & {
  verdicts: { row: number; reply: string; reward: number }[];
};

const lastOf = (messages: readonly { content: string }[]) =>
  messages[messages.length - 1]?.content ?? '';

/** Each entry's questions by its MedARC env args (canonical JSON), per MedARC env id. */
function fixtureQuestions(): Map<string, Map<string, Question[]>> {
  const byEnv = new Map<string, Map<string, Question[]>>();
  for (const fixture of CHOICE) {
    byEnv.set(
      fixture.reference.env_id,
      new Map(
        fixture.entries.map((entry) => [
          canonicalJson(entry.env_args),
          entry.examples.map((example) => ({
            prompt: lastOf(example.messages),
            candidates: example.verdicts.map((v) => ({ reply: v.reply, reward: v.reward97d3282 })),
          })),
        ]),
      ),
    );
  }
  byEnv.set(
    'medhallu',
    new Map(
      MEDHALLU.envs.map((env) => [
        canonicalJson(env.env_args),
        env.examples.map((example) => ({
          prompt: lastOf(example.messages),
          candidates: MEDHALLU.verdicts.filter((v) => v.label === example.answer),
        })),
      ]),
    ),
  );
  byEnv.set(
    'medcalc_bench',
    new Map(
      MEDCALC.envs.map((env) => [
        canonicalJson(env.env_args),
        env.examples.map((example) => ({
          prompt: lastOf(example.messages),
          candidates: MEDCALC.verdicts.filter((v) => v.row === example.info?.calc_id),
        })),
      ]),
    ),
  );
  return byEnv;
}

/** MedQA (GBaker/MedQA-USMLE-4-options, generated rows `Q<i>: …`): the letter the gold is shown under. */
function medqaGold(prompt: string): { index: number; letter: string } {
  const index = Number(/Q(\d+):/.exec(prompt)?.[1] ?? -1);
  const row = medqaRow(index);
  const gold = row.options[row.answer_idx as 'A'];
  const shown = [...prompt.matchAll(/^([A-D])[.)] (.*)$/gm)];
  const letter = shown.find((match) => match[2] === gold)?.[1];
  if (letter === undefined) throw new Error(`no gold in ${prompt.slice(0, 80)}`);
  return { index, letter };
}

const FIXTURE_QUESTIONS = fixtureQuestions();
/**
 * The prompt the mock sees → the replies it may give: those every entry that rendered this prompt
 * scored (an option shuffle that leaves a question as it was renders the same prompt as the
 * unshuffled entry; the fixture's reply corpora differ a little between entries).
 */
const BY_PROMPT = new Map<string, Candidate[]>();
for (const entries of FIXTURE_QUESTIONS.values()) {
  for (const questions of entries.values()) {
    for (const q of questions) {
      const before = BY_PROMPT.get(q.prompt);
      const replies = new Set(q.candidates.map((c) => c.reply));
      BY_PROMPT.set(q.prompt, before?.filter((c) => replies.has(c.reply)) ?? q.candidates);
    }
  }
}

function hashOf(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/**
 * The reply script. On a question of a reference fixture — alpha: the first reply MedARC scores 1
 * (always right); beta, by a hash of the prompt: the last reply scored 1, a reply scored 0, one with
 * partial credit (MedHallu's 0.01 for "unsure"; else one scored 0), or any of the fixture's replies
 * (right, wrong, unreadable…). On MedQA: alpha right, beta right on even-numbered questions.
 */
function replyTo(model: Model, prompt: string): string {
  const candidates = BY_PROMPT.get(prompt);
  if (candidates === undefined) {
    const { index, letter } = medqaGold(prompt);
    const isRight = model === 'alpha' || index % 2 === 0;
    return `<answer>${isRight ? letter : letter === 'A' ? 'B' : 'A'}</answer>`;
  }
  const right = candidates.filter((c) => c.reward === 1);
  const wrong = candidates.filter((c) => c.reward === 0);
  const partial = candidates.filter((c) => c.reward > 0 && c.reward < 1);
  const hash = hashOf(prompt);
  const at = <T>(list: readonly T[]) => list[(hash >>> 2) % Math.max(1, list.length)];
  const chosen =
    model === 'alpha'
      ? right[0]
      : [right.slice(-1), wrong, partial.length > 0 ? partial : wrong, candidates].map(at)[
          hash % 4
        ];
  if (chosen === undefined) throw new Error(`no reply for ${prompt.slice(0, 80)}`);
  return chosen.reply;
}

/** The MedARC environments this test serves data for: seven, of five scoring kinds. */
const SERVED = new Set([
  'medqa', // generated rows, <answer> tag
  'med_mcqa', // reference fixture, <answer> tag
  'careqa', // \boxed{}
  'medbullets', // \boxed{}, two datasets (4 and 5 options)
  'head_qa_v2', // JSON answer, numeric labels
  'medhallu', // 0/1/2 labels with 0.01 for "unsure"
  'medcalc_bench', // numbers, dates and ranges
]);

interface Expected {
  entry: SuiteEntry;
  /** Per model, the reward of each of the first N questions. */
  rewards: Record<Model, number[]>;
}

function expectedOf(entry: SuiteEntry): Expected {
  const rewards = { alpha: [] as number[], beta: [] as number[] };
  if (entry.envId === 'medqa') {
    // Questions 0…N−1; the option order is the entry's own, the reply follows the letter shown.
    for (let i = 0; i < N; i++) {
      for (const model of MODELS) rewards[model].push(model === 'alpha' ? 1 : Number(i % 2 === 0));
    }
    return { entry, rewards };
  }
  const questions = FIXTURE_QUESTIONS.get(entry.envId)?.get(canonicalJson(entry.envArgs));
  if (questions === undefined || questions.length < N) {
    throw new Error(`no reference questions for ${entry.key}`);
  }
  for (const question of questions.slice(0, N)) {
    for (const model of MODELS) {
      const reply = replyTo(model, question.prompt);
      // The reward MedARC gives this reply to this entry's question (its own options and gold).
      const scored = question.candidates.find((c) => c.reply === reply);
      if (scored === undefined) throw new Error(`${entry.key}: no verdict for ${reply}`);
      rewards[model].push(scored.reward);
    }
  }
  return { entry, rewards };
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

const RUNNING = MEDMARKS_VERIFIED.entries.filter(
  (entry) => SERVED.has(entry.envId) && resolveEntry(entry, ENVS).state === 'ready',
);
const EXPECTED = RUNNING.map(expectedOf);
const MAIN = EXPECTED.filter(({ entry }) => !isShuffleEntry(entry));
const MAIN_COUNT = MEDMARKS_VERIFIED.entries.filter(
  (entry) => !isShuffleEntry(entry) && entry.key !== 'medcalc_bench/tools',
).length;

/** MedARC's win rate of `model` against the other: per main entry, wins + ½ ties over questions. */
function winRate(model: Model): number {
  const other = model === 'alpha' ? 'beta' : 'alpha';
  return mean(
    MAIN.map(({ rewards }) =>
      mean(
        rewards[model].map((reward, i) => {
          const theirs = rewards[other][i] ?? 0;
          return Math.abs(reward - theirs) <= 1e-9 ? 0.5 : reward > theirs ? 1 : 0;
        }),
      ),
    ),
  );
}

// ---------------------------------------------------------------------------------------------------
// Serving and driving

function servedDatasets() {
  const medqaTest = medqaRows(12);
  return [
    {
      id: 'GBaker/MedQA-USMLE-4-options',
      revision: 'c'.repeat(40),
      configs: { default: { test: { rows: medqaTest, parquet: medqaParquet(medqaTest) } } },
    },
    ...CHOICE.flatMap((fixture) => choiceFixtureDatasets(fixture)),
    {
      id: 'UTAustin-AIHealth/MedHallu',
      revision: 'c'.repeat(40),
      configs: {
        pqa_labeled: {
          train: { rows: MEDHALLU.rows, parquet: medhalluParquet(MEDHALLU.rows) },
        },
      },
    },
    {
      id: 'ncbi/MedCalc-Bench-v1.2',
      revision: 'c'.repeat(40),
      configs: {
        default: { test: { rows: MEDCALC.rows, parquet: medcalcParquet(MEDCALC.rows) } },
      },
    },
  ];
}

/** The app with its dataset hosts pointed at the imitations (GitHub: SCT-Public's files). */
function appUrl(fake: FakeHuggingFace, gh: FakeGitHub, hash: string): string {
  const params = new URLSearchParams({
    hfViewer: fake.viewerBase,
    hfHub: fake.hubBase,
    raw: gh.bases.rawBase,
    mirror: gh.bases.mirrorBase,
    mirrorApi: gh.bases.mirrorApiBase,
  });
  return `${inject('appUrl')}?${params.toString()}${hash}`;
}

/** The entries table as shown: label, whether it can run, and why not. */
async function entriesShown(page: Page) {
  await page.getByTestId('suite-entries').waitFor();
  return page
    .getByTestId('suite-entry')
    .evaluateAll((rows) =>
      rows.map((row) => [row.getAttribute('data-state'), row.textContent] as const),
    );
}

/** One model, one click: the subset of N per entry, then wait until every run is done. */
async function runSuite(page: Page, mock: MockOpenAI, model: Model) {
  const box = page.getByTestId('suite-model');
  await box.locator('input[name="baseUrl"]').fill(mock.baseUrl);
  await box.locator('input[name="model"]').fill(model);
  await box.locator('input[name="apiKey"]').fill(KEY);
  expect(await page.getByTestId('suite-subset').isChecked()).toBe(true);
  await page.getByTestId('suite-per-entry').fill(String(N));
  await expect
    .poll(() => page.getByTestId('suite-estimate-requests').textContent(), { timeout: 20_000 })
    .toBe(String(RUNNING.length * N));
  await expect
    .poll(() => page.getByTestId('suite-start').textContent())
    .toBe(`Run ${RUNNING.length} entries`);
  await page.getByTestId('suite-start').click();
  const total = RUNNING.length * N;
  await expect
    .poll(() => page.getByTestId('suite-run-progress').textContent(), { timeout: 90_000 })
    .toBe(`${total} of ${total} rollouts finished`);
  await expect
    .poll(() => page.locator('[data-testid="suite-run-entry"][data-status="done"]').count(), {
      timeout: 30_000,
    })
    .toBe(RUNNING.length);
}

/** Every cell of both rows, the macro averages and the win rates, as computed above. */
async function expectLeaderboard(page: Page, url: string) {
  await page.goto(url);
  const rows = page.getByTestId('lb-row');
  await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(2);
  for (const model of MODELS) {
    const row = page.locator(`[data-testid="lb-row"][data-model="${model}"]`);
    const macro = mean(MAIN.map(({ rewards }) => mean(rewards[model])));
    await expect
      .poll(() => row.getByTestId('lb-macro').textContent(), { timeout: 20_000 })
      .toBe(`${percent(macro)} (${MAIN.length}/${MAIN_COUNT})`);
    // Each cell fills in when its run's digest is read: wait for all of them.
    const cells = () =>
      row
        .getByTestId('lb-cell')
        .evaluateAll((tds) =>
          tds.map((td) => [
            td.getAttribute('data-entry'),
            td.querySelector('.lb-score')?.textContent ?? '',
            td.querySelector('.lb-n')?.textContent ?? '',
          ]),
        );
    await expect
      .poll(cells, { timeout: 20_000 })
      .toEqual(
        EXPECTED.map(({ entry, rewards }) => [
          entry.key,
          percent(mean(rewards[model])),
          `n = ${N}`,
        ]),
      );
    // Every question has a reward: n = 5 and ln(5) weights for all, so both win rates agree.
    await expect
      .poll(() => row.getByTestId('lb-winrate').textContent(), { timeout: 20_000 })
      .toBe(percent(winRate(model)));
    expect(await row.getByTestId('lb-winrate').getAttribute('data-ready')).toBe('true');
    expect(await row.locator('[data-testid="lb-winrate"] + td').textContent()).toBe(
      percent(winRate(model)),
    );
  }
}

describeInChromium('Medmarks verified in Chromium', (chromium) => {
  it('runs a 5-per-entry subset of seven environments for two models and shows both on the leaderboard', async () => {
    // The script gives the two models a different score on every main entry, and beta a partial
    // credit (MedHallu's "unsure") somewhere, so the cells say something.
    expect(MAIN.filter(({ rewards }) => mean(rewards.alpha) === mean(rewards.beta))).toEqual([]);
    expect(EXPECTED.some(({ rewards }) => rewards.beta.some((r) => r > 0 && r < 1))).toBe(true);
    expect(new Set(RUNNING.map((entry) => entry.envId)).size).toBe(SERVED.size);

    const datasets = servedDatasets();
    const fake = chromium.closeAfterTest(await startFakeHuggingFace({ datasets }));
    // No repository files: SCT-Public's load fails (404) and says so; PubMedQA, M-ARC… are not served.
    const gh = chromium.closeAfterTest(await startFakeGitHub({ notes: [] }));
    const mock = chromium.closeAfterTest(await startMockOpenAI({ apiKey: KEY, latencyMs: 0 }));
    mock.setDefault((request) => {
      const body = request.body as { model: Model; messages: { content: string }[] };
      return { reply: replyTo(body.model, lastOf(body.messages)) };
    });
    const url = appUrl(fake, gh, '#/suites');
    const app = await chromium.openApp(url);
    const { page } = app;

    // Every entry is listed; every MedARC environment of the suite is registered (none says "not
    // available yet"): all 65 can run here but the tools entry, which says why not.
    const builtIn = await entriesShown(page);
    expect(builtIn).toHaveLength(MEDMARKS_VERIFIED.entries.length);
    const states = MEDMARKS_VERIFIED.entries.map((entry) => resolveEntry(entry, ENVS).state);
    expect(builtIn.map(([state]) => state)).toEqual(states);
    expect(await page.getByTestId('suite-ready-count').textContent()).toBe(
      String(MEDMARKS_VERIFIED.entries.length - 1),
    );
    const blocked = page.locator('[data-testid="suite-entry"][data-state="blocked"]');
    expect(await blocked.textContent()).toMatch(/medcalc_bench · tools.*not runnable in a browser/);
    expect(states.filter((state) => state !== 'ready')).toEqual(['blocked']);

    // One "Load all": the served datasets load, the others fail and say so without stopping it.
    await page.getByTestId('suite-load-all').click();
    const served = datasets.length + 1; // Medbullets: two variants from one dataset.
    await expect
      .poll(() => page.locator('[data-testid="suite-dataset"][data-status="ready"]').count(), {
        timeout: 60_000,
      })
      .toBe(served);
    await expect
      .poll(() => page.getByTestId('suite-start').textContent(), { timeout: 60_000 })
      .toBe(`Run ${RUNNING.length} entries`);

    await runSuite(page, mock, 'alpha');

    // Our fixture in the shape of configs/medmarks-verified.toml imports into the same suite: the
    // same entries, each runnable or not for the same reason, and what the file asks that a browser
    // ignores is said.
    await page.goto(url);
    await page.getByTestId('suite-import').setInputFiles({
      name: 'medmarks-verified.toml',
      mimeType: 'application/toml',
      buffer: readFileSync(TOML),
    });
    await expect.poll(() => page.url()).toMatch(/suite=file%3Amedmarks-verified/);
    await expect.poll(() => page.locator('#suite-title').textContent()).toBe('medmarks-verified');
    await expect.poll(() => page.getByTestId('suite-entry').count()).toBe(builtIn.length);
    expect(await entriesShown(page)).toEqual(builtIn);
    expect(await page.getByTestId('suite-notes').textContent()).toMatch(/"output_dir" is ignored/);

    // The second model runs the imported suite.
    await runSuite(page, mock, 'beta');
    // At most one request per rollout: a shuffle that leaves a question's order unchanged sends the
    // same request as the unshuffled entry, which the response cache answers.
    const sent = mock.requests.filter((r) => r.path.endsWith('/chat/completions')).length;
    expect(sent).toBeLessThanOrEqual(2 * RUNNING.length * N);
    expect(sent).toBeGreaterThanOrEqual(2 * MAIN.length * N);

    // Both leaderboards (built-in, imported) show both rows, every cell as computed above.
    await expectLeaderboard(page, appUrl(fake, gh, '#/leaderboard?all=1'));
    expect(seriousOrCritical(await axeViolations(page))).toEqual([]);
    await expectLeaderboard(
      page,
      appUrl(fake, gh, '#/leaderboard?suite=file%3Amedmarks-verified&all=1'),
    );

    // The view lives in the link: sort by model (A→Z), then Z→A, reload, same order.
    const rows = page.getByTestId('lb-row');
    await page.goto(appUrl(fake, gh, '#/leaderboard'));
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(2);
    expect(await rows.first().getAttribute('data-model')).toBe('alpha');
    await page.getByRole('button', { name: 'Model' }).click();
    await expect.poll(() => page.url()).toMatch(/sort=model&dir=asc/);
    await page.getByRole('button', { name: /^Model/ }).click();
    await expect.poll(() => rows.first().getAttribute('data-model')).toBe('beta');
    expect(page.url()).not.toContain(KEY);
    await page.reload();
    await expect
      .poll(() => rows.first().getAttribute('data-model'), { timeout: 20_000 })
      .toBe('beta');

    // Two rows picked: the paired comparison of their runs, entry by entry.
    await page.getByLabel('Compare alpha').check();
    await page.getByLabel('Compare beta').check();
    await expect.poll(() => page.getByTestId('lb-pair').locator('li').count()).toBe(RUNNING.length);
    await page.goto(url);
    await page.getByTestId('suite-entries').waitFor();
    expect(seriousOrCritical(await axeViolations(page))).toEqual([]);
    expect(describeProblems(app.pageErrors)).toBe('');
  });
});
