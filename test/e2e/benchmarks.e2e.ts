// Issue 6 end to end in Chromium, against loopback imitations of Hugging Face and an OpenAI-compatible
// API: load MedQA from Parquet, run 20 questions and read the accuracy; load HealthBench from JSONL,
// run 3 conversations with a scripted grader and read the axis scores. The worker fetches for real.
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { describeProblems } from '../support/browser';
import { startFakeHuggingFace, type FakeHuggingFace } from '../support/fakeHuggingFace';
import { startMockOpenAI, type RecordedRequest } from '../support/mockOpenAI';
import { medqaParquet, medqaRow, medqaRows } from '../support/parquetFixtures';
import { describeInChromium } from './describeInChromium';

const KEY = 'mock-key-benchmarks-0123';
const HB_FILE = '2025-05-07-06-14-12_oss_eval.jsonl';

function appUrl(fake: FakeHuggingFace, hash: string): string {
  const params = new URLSearchParams({ hfViewer: fake.viewerBase, hfHub: fake.hubBase });
  return `${inject('appUrl')}?${params.toString()}${hash}`;
}

/** Right for every question except multiples of 4, where the gold is named only to be rejected. */
function medqaReply(body: unknown): string {
  const i = Number(/Q(\d+):/.exec(JSON.stringify(body))?.[1] ?? -1);
  const gold = medqaRow(i).answer_idx;
  if (i % 4 === 0) return `It is not ${gold}. <answer>${gold === 'A' ? 'B' : 'A'}</answer>`;
  return `A and B are distractors. Therefore the answer is ${gold}.\n<answer>${gold}</answer>`;
}

function conversation(id: string, theme: string, items: [string, number, string][]) {
  return JSON.stringify({
    prompt_id: id,
    prompt: [
      { role: 'user', content: `Conversation ${id}: my child has had a fever since yesterday.` },
    ],
    rubrics: items.map(([criterion, points, axis]) => ({
      criterion,
      points,
      tags: [`axis:${axis}`, 'level:example'],
    })),
    example_tags: [`theme:${theme}`],
  });
}

// Scores: c1 (5 − 2) / 8 = 0.375; c2 6 / 6 = 1; c3 6 / 8 = 0.75 → mean 0.708. Accuracy axis: c1
// (5 − 2) / 5 = 0.6 and c3 1 → 0.8.
const HB_JSONL = [
  conversation('c1', 'emergency_referrals', [
    ['MET Advises urgent care for red flags.', 5, 'accuracy'],
    ['Asks about the child’s age.', 3, 'context_awareness'],
    ['MET Recommends an unproven remedy.', -2, 'accuracy'],
  ]),
  conversation('c2', 'global_health', [
    ['MET Explains fever management.', 4, 'completeness'],
    ['MET Is concise.', 2, 'communication_quality'],
  ]),
  conversation('c3', 'hedging', [
    ['MET Mentions uncertainty.', 6, 'accuracy'],
    ['Suggests a follow-up.', 2, 'completeness'],
  ]),
].join('\n');

function graderReply(request: RecordedRequest): string {
  const text = JSON.stringify(request.body);
  const met = /\[-?\d+\] MET /.test(text);
  return (
    '```json\n' + JSON.stringify({ explanation: 'Checked the reply.', criteria_met: met }) + '\n```'
  );
}

async function fillEndpoint(
  page: Page,
  testId: string,
  baseUrl: string,
  model: string,
  key?: string,
) {
  const box = page.getByTestId(testId);
  await box.locator('input[name="baseUrl"]').fill(baseUrl);
  await box.locator('input[name="model"]').fill(model);
  if (key !== undefined) await box.locator('input[name="apiKey"]').fill(key);
}

async function loadVariant(page: Page, envId: string, variantId: string) {
  const variant = page.getByTestId(`benchmark-variant-${envId}-${variantId}`);
  await variant.getByTestId('variant-load').click();
  await expect.poll(() => variant.getAttribute('data-state'), { timeout: 30_000 }).toBe('ready');
  return variant;
}

async function runToEnd(page: Page): Promise<string> {
  await page.getByTestId('run-start').click();
  await expect
    .poll(() => page.getByTestId('run-status').getAttribute('data-status'), { timeout: 60_000 })
    .toBe('done');
  const hash = new URL(page.url()).hash;
  const runId = new URLSearchParams(hash.split('?')[1] ?? '').get('run');
  expect(runId).not.toBeNull();
  return runId ?? '';
}

async function openSummary(page: Page, runId: string) {
  await page.goto(`${page.url().split('#')[0] ?? ''}#/results?run=${runId}`);
  await page.getByTestId('results-tab-summary').click();
}

describeInChromium('benchmarks from Hugging Face in Chromium', (chromium) => {
  it('loads MedQA from Parquet, runs 20 questions against the mock and shows the accuracy', async () => {
    const rows = medqaRows(40);
    const fake = chromium.closeAfterTest(
      await startFakeHuggingFace({
        datasets: [
          {
            id: 'GBaker/MedQA-USMLE-4-options',
            revision: 'c'.repeat(40),
            configs: {
              default: { test: { rows, parquet: medqaParquet(rows, { rowGroupSize: 16 }) } },
            },
          },
        ],
      }),
    );
    const mock = chromium.closeAfterTest(await startMockOpenAI({ apiKey: KEY }));
    mock.setDefault((request) => ({ reply: medqaReply(request.body) }));
    const app = await chromium.openApp(appUrl(fake, '#/benchmarks'));
    const { page } = app;

    const variant = await loadVariant(page, 'medqa', 'test');
    expect(await variant.getByTestId('variant-example-count').textContent()).toContain('40');
    await variant.getByTestId('variant-new-run').click();
    await fillEndpoint(page, 'endpoint-model', mock.baseUrl, 'model-x', KEY);
    await page.getByTestId('examples-n').fill('20');
    await expect.poll(() => page.getByTestId('endpoint-judge-0').count()).toBe(0);
    await expect.poll(() => page.getByTestId('run-estimate').textContent()).toMatch(/20 requests/);
    const runId = await runToEnd(page);
    expect(mock.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(20);

    await openSummary(page, runId);
    const overall = page.getByTestId('accuracy-overall');
    await expect.poll(() => overall.textContent(), { timeout: 15_000 }).toMatch(/75\.0%/);
    await expect.poll(() => page.getByTestId('accuracy-group-row').count()).toBe(2);
    // Scored in code, by no judge: no Judges tab.
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Rollouts', 'Summary']);

    // One rollout whose reply named the gold only to reject it: read as wrong, and why.
    await page.goto(`${page.url().split('#')[0] ?? ''}#/results?run=${runId}&open=4:0`);
    const card = page.getByTestId('choice-score-card');
    await expect.poll(() => card.getByTestId('choice-verdict').textContent()).toMatch(/Incorrect/);
    expect(await card.getByTestId('choice-parsed').textContent()).toContain('B');
    expect(describeProblems(app.pageErrors)).toBe('');
  });

  it('runs MedQA in the reference preset and the medeval preset on the same replies: two accuracies, each labelled, and compare warns (#12)', async () => {
    const rows = medqaRows(12);
    const fake = chromium.closeAfterTest(
      await startFakeHuggingFace({
        datasets: [
          {
            id: 'GBaker/MedQA-USMLE-4-options',
            revision: 'c'.repeat(40),
            configs: { default: { test: { rows, parquet: medqaParquet(rows) } } },
          },
        ],
      }),
    );
    const mock = chromium.closeAfterTest(await startMockOpenAI({ apiKey: KEY }));
    // Every third reply names the gold without an <answer> tag: MedARC's XMLParser finds no answer
    // (scored 0), medeval's reader reads the whole reply (correct). The rest are tagged and correct.
    mock.setDefault((request) => {
      const i = Number(/Q(\d+):/.exec(JSON.stringify(request.body))?.[1] ?? -1);
      const gold = medqaRow(i).answer_idx;
      return {
        reply: i % 3 === 0 ? `The answer is ${gold}.` : `Reasoning done.\n<answer>${gold}</answer>`,
      };
    });
    const app = await chromium.openApp(appUrl(fake, '#/benchmarks'));
    const { page } = app;

    const runWith = async (preset: string) => {
      await page.goto(appUrl(fake, '#/benchmarks'));
      const loaded = page.getByTestId('benchmark-variant-medqa-test');
      await loaded.waitFor();
      const variant =
        (await loaded.getAttribute('data-state')) === 'ready'
          ? loaded
          : await loadVariant(page, 'medqa', 'test');
      await variant.getByTestId('variant-new-run').click();
      await page.getByTestId('env-settings').getByLabel('Reproduces').selectOption(preset);
      await fillEndpoint(page, 'endpoint-model', mock.baseUrl, 'model-x', KEY);
      await page.getByTestId('examples-n').fill('12');
      return runToEnd(page);
    };
    const reference = await runWith('medarc@97d3282');
    const ours = await runWith('medeval');
    // Both presets send MedARC's prompts, so the second run is served the very same replies from the
    // response cache: 12 requests in all, two verdicts per reply.
    expect(mock.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(12);

    const accuracyAndPreset = async (runId: string) => {
      await openSummary(page, runId);
      const overall = page.getByTestId('accuracy-overall');
      await expect.poll(() => overall.textContent(), { timeout: 15_000 }).toMatch(/%/);
      return {
        accuracy: await overall.textContent(),
        preset: await page.getByTestId('run-preset').getAttribute('data-preset'),
        label: await page.getByTestId('run-preset').textContent(),
      };
    };
    const a = await accuracyAndPreset(reference);
    expect(a.accuracy).toMatch(/66\.7%/);
    expect(a).toMatchObject({ preset: 'medarc@97d3282', label: 'MedARC med-lm-envs @ 97d3282' });
    const b = await accuracyAndPreset(ours);
    expect(b.accuracy).toMatch(/100\.0%/);
    expect(b.preset).toBe('medeval');
    expect(b.label).not.toContain('MedARC med-lm-envs');

    await page.goto(`${page.url().split('#')[0] ?? ''}#/compare?runs=${reference},${ours}`);
    const warning = page.getByTestId('compare-preset-warning');
    await expect
      .poll(() => warning.textContent(), { timeout: 15_000 })
      .toMatch(/different presets/);
    expect(await warning.textContent()).toContain('MedARC med-lm-envs @ 97d3282');
    expect(describeProblems(app.pageErrors)).toBe('');
  });

  it('loads HealthBench from JSONL, runs 3 conversations with a scripted grader and shows axis scores', async () => {
    const fake = chromium.closeAfterTest(
      await startFakeHuggingFace({
        datasets: [
          {
            id: 'openai/healthbench',
            revision: 'd'.repeat(40),
            configs: {},
            files: { [HB_FILE]: HB_JSONL },
          },
        ],
      }),
    );
    const mock = chromium.closeAfterTest(await startMockOpenAI({ apiKey: KEY }));
    mock.setDefault((request) =>
      (request.body as { model?: string }).model === 'grader'
        ? { reply: graderReply(request) }
        : { reply: 'Keep your child hydrated; see a doctor if the fever lasts beyond three days.' },
    );
    const app = await chromium.openApp(appUrl(fake, '#/benchmarks'));
    const { page } = app;

    const variant = await loadVariant(page, 'healthbench', 'main');
    expect(await variant.getByTestId('variant-revision').textContent()).toContain('d'.repeat(10));
    await variant.getByTestId('variant-new-run').click();
    await fillEndpoint(page, 'endpoint-model', mock.baseUrl, 'model-x', KEY);
    await fillEndpoint(page, 'endpoint-judge-0', mock.baseUrl, 'grader');
    await page.getByTestId('examples-n').fill('3');
    await expect
      .poll(() => page.getByTestId('estimate-grader-calls').textContent())
      .toMatch(/^7 grader calls/);
    const runId = await runToEnd(page);
    const graderCalls = mock.requests.filter(
      (r) => (r.body as { model?: string } | undefined)?.model === 'grader',
    );
    expect(graderCalls).toHaveLength(7);

    await openSummary(page, runId);
    const score = page.getByTestId('rubric-score');
    await expect.poll(() => score.textContent(), { timeout: 15_000 }).toMatch(/0\.708/);
    const accuracy = page.locator('[data-testid="rubric-axis-row"][data-key="accuracy"]');
    await expect.poll(() => accuracy.textContent()).toMatch(/0\.800/);
    await expect.poll(() => page.getByTestId('rubric-axis-row').count()).toBe(4);
    await expect.poll(() => page.getByTestId('rubric-theme-row').count()).toBe(3);
    expect(describeProblems(app.pageErrors)).toBe('');
  });
});
