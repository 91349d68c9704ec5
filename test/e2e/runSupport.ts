// A short MTSamples run for e2e files about the Run and Results pages: import `count` examples
// ("Patient <i>: …"), run them against a loopback OpenAI-compatible mock with two judges, and wait
// until the run is done.
import type { Page } from 'playwright-core';
import { judgeJson, startMockOpenAI, type MockOpenAI } from '../support/mockOpenAI';

export const RUN_KEY = 'run-pages-e2e-key-0000';

export function isJudgeRequest(body: unknown): boolean {
  return JSON.stringify(body).includes('patient_notes');
}

/** Which example a request is about ("Patient 7: …" → 7). */
export function exampleOf(body: unknown): number {
  return Number(/Patient (\d+):/.exec(JSON.stringify(body))?.[1] ?? -1);
}

/** The example both judges answer without a readable score: it ends the run unscored. */
export const UNSCORED_EXAMPLE = 3;

/**
 * A mock whose model answers `replyFor(example)` (a short plan by default). Judge A gives 4/4/5, or
 * 2/3/3 to odd examples; judge B always 4/4/5; neither gives a readable score to UNSCORED_EXAMPLE.
 */
export async function startRunMock(
  replyFor: (example: number) => string = (example) => `Plan for patient ${example}: rest.`,
): Promise<MockOpenAI> {
  const mock = await startMockOpenAI({ apiKey: RUN_KEY, latencyMs: 0 });
  mock.setDefault((request) => {
    const example = exampleOf(request.body);
    if (!isJudgeRequest(request.body)) return { reply: replyFor(example) };
    if (example === UNSCORED_EXAMPLE) return { reply: 'I would rather not grade this one.' };
    const model = (request.body as { model?: string }).model;
    return model === 'judge-a' && example % 2 === 1
      ? { reply: judgeJson({ accuracy: 2, completeness: 3, clarity: 3 }) }
      : { reply: judgeJson({ accuracy: 4, completeness: 4, clarity: 5 }) };
  });
  return mock;
}

/** Imports `count` examples on the dataset page, waiting up to `timeout` ms for the import to end. */
export async function importExamples(
  page: Page,
  count: number,
  { timeout }: { timeout?: number } = {},
): Promise<void> {
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      question: `Patient ${i}: knee swelling after a fall.`,
      answer: `Plan ${i}: RICE.`,
      filename: `note-${i}.txt`,
    }),
  );
  await page.getByTestId('import-files').setInputFiles({
    name: 'examples.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(lines.join('\n')),
  });
  // Plain waits, not expect.poll: these helpers also run in beforeAll.
  await page
    .getByTestId('import-result')
    .filter({ hasText: `Imported ${count} examples` })
    .waitFor({ timeout });
}

/**
 * Fills the new-run form for every imported example: the model (with `key`) and one judge, judge A,
 * both at `baseUrl`, and the concurrency; does not start the run.
 */
export async function configureRunOfAll(
  page: Page,
  { baseUrl, key, concurrency }: { baseUrl: string; key: string; concurrency: number },
): Promise<void> {
  await page.goto(`${page.url().split('#')[0] ?? ''}#/run`);
  const model = page.getByTestId('endpoint-model');
  await model.locator('input[name="baseUrl"]').fill(baseUrl);
  await model.locator('input[name="model"]').fill('model-x');
  await model.locator('input[name="apiKey"]').fill(key);
  const judge = page.getByTestId('endpoint-judge-0');
  await judge.locator('input[name="baseUrl"]').fill(baseUrl);
  await judge.locator('input[name="model"]').fill('judge-a');
  await page.getByLabel('Examples', { exact: true }).selectOption('all');
  await page.getByLabel('Concurrency (rollouts in flight)').fill(String(concurrency));
}

/** Fills the new-run form (model + judges A and B, `count` examples) and starts the run; returns its id. */
export async function startRun(
  page: Page,
  mock: MockOpenAI,
  count: number,
  concurrency = 4,
): Promise<string> {
  await page.goto(`${page.url().split('#')[0] ?? ''}#/run`);
  const fill = async (testId: string, model: string) => {
    const box = page.getByTestId(testId);
    await box.locator('input[name="baseUrl"]').fill(mock.baseUrl);
    await box.locator('input[name="model"]').fill(model);
  };
  await fill('endpoint-model', 'model-x');
  await page.getByTestId('endpoint-model').locator('input[name="apiKey"]').fill(RUN_KEY);
  await fill('endpoint-judge-0', 'judge-a');
  await page.getByTestId('add-judge').click();
  await fill('endpoint-judge-1', 'judge-b');
  await page.getByTestId('examples-n').fill(String(count));
  await page.getByLabel('Concurrency (rollouts in flight)').fill(String(concurrency));
  await page.getByTestId('run-start').click();
  await page.waitForURL(/run=/);
  return /run=([^&]+)/.exec(new URL(page.url()).hash)?.[1] ?? '';
}

/** Runs `count` examples to the end (see `startRun`). */
export async function runExamples(page: Page, mock: MockOpenAI, count: number): Promise<string> {
  await importExamples(page, count);
  const runId = await startRun(page, mock, count);
  await page.locator('[data-testid="run-status"][data-status="done"]').waitFor({ timeout: 45_000 });
  return runId;
}
