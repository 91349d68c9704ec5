// Issue 10, tested as an attacker would: a canary key that works on the user's own endpoint, and an
// attacker's host on loopback that answers like a perfectly cooperative OpenAI-compatible API and
// logs every request it sees (CORS preflights included). Every way a link or a file can name a host —
// a share-setup link, a results link, a hand-dropped import, a zip, a provider preset, a URL typed
// over a key — is driven through everything short of confirming the new host: Test connection, Load
// models, Start, Resume, Retry, Re-score, Duplicate. The attacker must see no request carrying the
// canary (and, until the user confirms or types its address, no request at all); the key must never
// appear in the URL, in storage (unless remembered, and then only under its own origin), in exports
// or in console output.
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { toMetadata, toResultsJsonl, toResultsRows } from '../../src/core/results/exportRun';
import { summarizeRun } from '../../src/core/runSummary';
import type { EndpointConfig } from '../../src/core/schema/endpoint';
import type { RunRecord, RunSettings } from '../../src/core/schema/run';
import { encodeSetup } from '../../src/core/shareSetup';
import { DEFAULT_JUDGE_TEMPLATE } from '../../src/core/envs/mtsamples/judgeTemplate';
import { sampleExamples, sampleRollouts, sampleRun } from '../core/results/sampleRun';
import { startAttackerHost, type AttackerHost } from '../support/attackerHost';
import {
  describeProblems,
  launchBrowser,
  newAppPage,
  requireChromium,
  type AppPage,
} from '../support/browser';
import { judgeJson, startMockOpenAI, type MockOpenAI } from '../support/mockOpenAI';

const chromiumPath = requireChromium();
// Shaped like no known key, so no scrubber hides it: if it leaks anywhere, the text search finds it.
const CANARY = 'canaryKEY7f3a9c1e5b2d4a6f';

/** The attacker's endpoint, claiming to be OpenAI (the label a link could make the page show). */
function attackerEndpoint(attacker: AttackerHost, model: string): EndpointConfig {
  return {
    presetId: 'openai',
    baseUrl: attacker.baseUrl,
    model,
    sampling: { extra: {} },
    stripSdkHeaders: false,
  };
}

/**
 * A finished run whose model and judges are the attacker's, as its results files would say. Naming a
 * dataset the user has (everyone's MTSamples has one id) lets it be duplicated as a new run.
 */
function attackerRun(attacker: AttackerHost, datasetId = sampleRun.settings.datasetId): RunRecord {
  return {
    ...sampleRun,
    dataset: { ...sampleRun.dataset, id: datasetId },
    settings: {
      ...sampleRun.settings,
      datasetId,
      model: attackerEndpoint(attacker, 'attacker-model'),
      judges: [attackerEndpoint(attacker, 'judge-x'), attackerEndpoint(attacker, 'judge-y')],
    },
  };
}

function resultsFiles(
  attacker: AttackerHost,
  { withOurBlock, datasetId }: { withOurBlock: boolean; datasetId?: string },
) {
  const run = attackerRun(attacker, datasetId);
  const metadata = toMetadata(run, sampleRollouts, summarizeRun(sampleRollouts, 0));
  if (!withOurBlock) delete metadata['medeval'];
  return {
    results: toResultsJsonl(toResultsRows(run, sampleRollouts, sampleExamples)),
    metadata: JSON.stringify(metadata),
  };
}

async function importExamples(page: Page) {
  const lines = Array.from({ length: 4 }, (_, i) =>
    JSON.stringify({
      question: `Patient ${i}: knee pain.`,
      answer: `Plan ${i}.`,
      filename: `n${i}.txt`,
    }),
  );
  await page.getByTestId('import-files').setInputFiles({
    name: 'examples.jsonl',
    mimeType: 'application/x-ndjson',
    buffer: Buffer.from(lines.join('\n')),
  });
  await expect.poll(() => page.getByTestId('import-result').textContent()).toMatch(/Imported 4/);
}

const endpoint = (page: Page, testId: string) => page.getByTestId(testId);
const keyField = (page: Page, testId: string) =>
  endpoint(page, testId).locator('input[name="apiKey"]');

/** The user's own setup: model and judge on their endpoint, the canary typed (and remembered). */
async function enterOwnKey(page: Page, user: MockOpenAI, remember: boolean) {
  await page.goto(`${inject('appUrl')}#/run`);
  for (const [testId, model] of [
    ['endpoint-model', 'model-x'],
    ['endpoint-judge-0', 'judge-a'],
  ] as const) {
    await endpoint(page, testId).locator('input[name="baseUrl"]').fill(user.baseUrl);
    await endpoint(page, testId).locator('input[name="model"]').fill(model);
  }
  await keyField(page, 'endpoint-model').fill(CANARY);
  if (remember)
    await endpoint(page, 'endpoint-model')
      .getByRole('checkbox', { name: /Remember on this device/ })
      .check();
  // The judge is on the same host: it shows (and uses) the same key.
  expect(await keyField(page, 'endpoint-judge-0').inputValue()).toBe(CANARY);
  await endpoint(page, 'endpoint-model').getByTestId('test-connection').click();
  await expect
    .poll(() =>
      endpoint(page, 'endpoint-model')
        .getByTestId('connection-result')
        .locator('[data-ok]')
        .getAttribute('data-ok'),
    )
    .toBe('true');
}

/** What the form must show while an endpoint points at a host the user has not chosen. */
async function expectHostHeld(page: Page, attacker: AttackerHost, testIds: readonly string[]) {
  const banner = page.getByTestId('host-confirm').first();
  await banner.waitFor();
  expect(await banner.textContent()).toContain(attacker.origin);
  expect(await banner.textContent()).toMatch(/a host you have not used here\. Use it\?/);
  for (const testId of testIds) {
    const box = endpoint(page, testId);
    expect(await box.locator('input[name="baseUrl"]').inputValue()).toBe(attacker.baseUrl);
    // Not "OpenAI" on the attacker's URL.
    expect(await box.locator('select[name="presetId"]').inputValue()).toBe('custom');
    expect(await keyField(page, testId).inputValue()).toBe('');
    expect(await keyField(page, testId).isDisabled()).toBe(true);
    expect(await box.getByTestId('test-connection').isDisabled()).toBe(true);
    expect(await box.getByRole('button', { name: 'Load models' }).isDisabled()).toBe(true);
  }
  expect(await page.getByTestId('run-start').isDisabled()).toBe(true);
}

/** Everything short of confirming: forced clicks on disabled buttons, and Enter in the form. */
async function tryEverything(page: Page, testIds: readonly string[]) {
  for (const testId of testIds) {
    const box = endpoint(page, testId);
    await box.getByTestId('test-connection').click({ force: true });
    await box.getByRole('button', { name: 'Load models' }).click({ force: true });
  }
  await page.getByTestId('run-start').click({ force: true });
  // Enter submits the form even when the Start button is disabled in some browsers' eyes.
  await endpoint(page, 'endpoint-model').locator('input[name="model"]').press('Enter');
}

/** Imports results files through the Results page's file input and opens the run. */
async function importResults(
  page: Page,
  files: { name: string; buffer: Buffer }[],
): Promise<string> {
  await page.goto(`${inject('appUrl')}#/results`);
  await page
    .getByTestId('import-results-files')
    .setInputFiles(files.map((file) => ({ ...file, mimeType: 'application/octet-stream' })));
  await expect
    .poll(
      async () =>
        /run=/.test(page.url()) || (await page.getByTestId('import-results-open').count()) > 0,
      { timeout: 20_000 },
    )
    .toBe(true);
  if (!/run=/.test(page.url())) await page.getByTestId('import-results-open').click();
  await expect.poll(() => page.url()).toMatch(/run=/);
  return /run=([^&]+)/.exec(new URL(page.url()).hash)?.[1] ?? '';
}

/** On the imported run's page: Retry and Re-score stop at the host confirmation. */
async function tryImportedRun(page: Page, attacker: AttackerHost, runId: string) {
  await page.goto(`${inject('appUrl')}#/run?run=${runId}`);
  await page.getByTestId('run-view').waitFor();
  const retry = page.getByTestId('run-retry-failed');
  await retry.waitFor();
  await retry.click();
  const held = page.getByTestId('host-confirm');
  await held.waitFor();
  expect(await held.textContent()).toContain(`This imported run points the model under test`);
  expect(await held.textContent()).toContain(attacker.origin);
  await page.getByTestId('run-rescore').click();
  const panel = page.getByTestId('rescore-panel');
  await panel.getByTestId('host-confirm').waitFor();
  expect(await panel.getByTestId('rescore-start').isDisabled()).toBe(true);
  await panel.getByTestId('rescore-start').click({ force: true });
  await panel.getByTestId('test-connection').first().click({ force: true });
}

/** The new-run form after an import: the app's defaults, never the file's endpoints or settings. */
async function expectFormUntouched(page: Page, attacker: AttackerHost) {
  await page.goto(`${inject('appUrl')}#/run`);
  await page.getByTestId('run-form-source').waitFor();
  expect(await page.getByTestId('run-form-source').textContent()).toMatch(/app’s defaults/);
  for (const testId of ['endpoint-model', 'endpoint-judge-0']) {
    expect(
      await endpoint(page, testId).locator('input[name="baseUrl"]').inputValue(),
    ).not.toContain(attacker.origin);
  }
  expect(await page.getByTestId('host-confirm').count()).toBe(0);
}

describe.skipIf(chromiumPath === null)('an attacker’s links and files never get a key', () => {
  let browser: Browser;
  let user: MockOpenAI;
  let attacker: AttackerHost;
  let app: AppPage | undefined;

  beforeAll(async () => {
    browser = await launchBrowser(chromiumPath ?? undefined);
  });
  afterAll(async () => {
    await browser.close();
  });
  afterEach(async () => {
    try {
      // The suite's invariant, after every scenario.
      expect(attacker.carrying(CANARY)).toEqual([]);
      const texts = app?.messages.map((message) => message.text) ?? [];
      expect(texts.filter((text) => text.includes(CANARY))).toEqual([]);
      expect(app?.page.url() ?? '').not.toContain(CANARY);
      expect(describeProblems(app?.pageErrors ?? [])).toBe('');
    } finally {
      await app?.close();
      await user.close();
      await attacker.close();
      app = undefined;
    }
  });

  async function start() {
    user = await startMockOpenAI({ apiKey: CANARY });
    user.setDefault((request) =>
      JSON.stringify(request.body).includes('patient_notes')
        ? { reply: judgeJson({ accuracy: 4, completeness: 4, clarity: 4 }) }
        : { reply: 'Plan: rest.' },
    );
    attacker = await startAttackerHost();
    app = await newAppPage(browser, `${inject('appUrl')}#/dataset`);
    await importExamples(app.page);
    return app.page;
  }

  it('a share-setup link fills nothing that sends: not a key typed here, not a remembered one', async () => {
    const page = await start();
    await enterOwnKey(page, user, true);
    const datasetId = await page.getByTestId('run-dataset').inputValue();
    const settings: RunSettings = {
      datasetId,
      selection: { mode: 'first', n: 2 },
      rolloutsPerExample: 1,
      concurrency: 4,
      maxAttempts: 5,
      promptFormat: 'chat',
      useThink: false,
      judgeSees: 'full',
      normalisation: 'fraction',
      judgeTemplate: DEFAULT_JUDGE_TEMPLATE,
      useCache: false,
      model: attackerEndpoint(attacker, 'gpt-4o'),
      judges: [attackerEndpoint(attacker, 'gpt-4o-mini')],
    };
    const link = `${inject('appUrl')}#/run?setup=${encodeSetup(settings)}`;
    const testIds = ['endpoint-model', 'endpoint-judge-0'];

    // Same tab: the canary is in memory (and remembered).
    await page.goto(link);
    await page.getByTestId('shared-setup').waitFor();
    await expectHostHeld(page, attacker, testIds);
    await tryEverything(page, testIds);
    // The submit went through the gate, which asks about the host again instead of sending.
    expect(await page.getByTestId('host-confirm').count()).toBeGreaterThanOrEqual(1);

    // After a reload only the remembered key is left: still nothing.
    await page.reload();
    await page.getByTestId('shared-setup').waitFor();
    await expectHostHeld(page, attacker, testIds);
    await tryEverything(page, testIds);
    expect(attacker.seen).toEqual([]);

    // Declining puts the default provider back; the key is still bound to the user's own host.
    await page.getByTestId('host-confirm-reject').first().click();
    await expect.poll(() => page.getByTestId('host-confirm').count()).toBe(0);
    expect(
      await endpoint(page, 'endpoint-model').locator('input[name="baseUrl"]').inputValue(),
    ).toBe('https://api.openai.com/v1');
    expect(await keyField(page, 'endpoint-model').inputValue()).toBe('');
    await endpoint(page, 'endpoint-model').locator('input[name="baseUrl"]').fill(user.baseUrl);
    expect(await keyField(page, 'endpoint-model').inputValue()).toBe(CANARY);
    expect(attacker.seen).toEqual([]);

    // Remembered means: under its own origin, nowhere else.
    const stored = await page.evaluate(() =>
      Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])),
    );
    expect(JSON.parse(stored['medeval.keys.v2'] ?? '{}')).toEqual({
      v: 2,
      keys: { [user.origin]: CANARY },
    });
    const elsewhere = Object.entries(stored).filter(
      ([name, value]) => name !== 'medeval.keys.v2' && (value ?? '').includes(CANARY),
    );
    expect(elsewhere).toEqual([]);
  });

  it('a key remembered by the previous version (per form slot) goes nowhere until the user names its host', async () => {
    const page = await start();
    await page.evaluate(
      (key) => localStorage.setItem('medeval.keys.v1', JSON.stringify({ model: key })),
      CANARY,
    );
    await page.goto(`${inject('appUrl')}#/run`);
    await page.reload();
    const unbound = page.getByTestId('unbound-keys');
    await unbound.waitFor();
    expect(await unbound.textContent()).toContain(`…${CANARY.slice(-4)}`);
    expect(await unbound.textContent()).not.toContain(CANARY);
    // Version 1 would have put it in the model's field whatever the URL: now no field has it.
    await endpoint(page, 'endpoint-model').locator('input[name="baseUrl"]').fill(attacker.baseUrl);
    expect(await keyField(page, 'endpoint-model').inputValue()).toBe('');
    await endpoint(page, 'endpoint-model').locator('input[name="baseUrl"]').fill(user.baseUrl);
    expect(await keyField(page, 'endpoint-model').inputValue()).toBe('');

    // The user says which host it is for (their own, confirmed by a connection test).
    await endpoint(page, 'endpoint-model').locator('input[name="model"]').fill('model-x');
    await endpoint(page, 'endpoint-model').getByTestId('test-connection').click();
    await endpoint(page, 'endpoint-model')
      .getByTestId('connection-result')
      .locator('[data-ok]')
      .waitFor();
    await page.reload();
    await unbound.waitFor();
    await unbound.getByRole('combobox').selectOption(user.origin);
    await unbound.getByRole('button', { name: 'Keep it for this host' }).click();
    await expect.poll(() => unbound.count()).toBe(0);
    const stored = await page.evaluate(() => ({
      v1: localStorage.getItem('medeval.keys.v1'),
      v2: localStorage.getItem('medeval.keys.v2'),
    }));
    expect(stored.v1).toBeNull();
    expect(JSON.parse(stored.v2 ?? '{}')).toEqual({ v: 2, keys: { [user.origin]: CANARY } });
    await endpoint(page, 'endpoint-model').locator('input[name="baseUrl"]').fill(user.baseUrl);
    expect(await keyField(page, 'endpoint-model').inputValue()).toBe(CANARY);
    expect(attacker.seen).toEqual([]);
  });

  it('a results link opens the files, and its endpoints reach no form, retry, re-score or resume', async () => {
    const page = await start();
    await enterOwnKey(page, user, true);
    const datasetId = await page.getByTestId('run-dataset').inputValue();
    const files = resultsFiles(attacker, { withOurBlock: true, datasetId });
    attacker.publish('/pub/results.jsonl', files.results);
    attacker.publish('/pub/metadata.json', files.metadata);
    await page.goto(
      `${inject('appUrl')}?results=${encodeURIComponent(`${attacker.origin}/pub/results.jsonl`)}#/results`,
    );
    // The key typed in this tab is gone with the navigation; the remembered one is here.
    await page.getByTestId('results-link').waitFor();
    expect(await page.getByTestId('results-link').textContent()).not.toMatch(
      /nothing is sent anywhere/,
    );
    await page.getByTestId('results-link-open').click();
    await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(/#\/results\?run=/);
    const runId = /run=([^&]+)/.exec(new URL(page.url()).hash)?.[1] ?? '';
    // Downloading the files is all the attacker got: two GETs, no key, no Authorization.
    expect(attacker.seen.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET /pub/results.jsonl',
      'GET /pub/metadata.json',
    ]);
    expect(attacker.seen.some((request) => 'authorization' in request.headers)).toBe(false);

    await expectFormUntouched(page, attacker);
    await tryImportedRun(page, attacker, runId);

    // Duplicate the imported run as a new one: its Resume stops at the host confirmation too.
    await page.goto(`${inject('appUrl')}#/results?run=${runId}`);
    await page.getByTestId('run-duplicate').click();
    await expect
      .poll(() => /#\/run\?run=([^&]+)/.exec(page.url())?.[1] ?? runId, { timeout: 10_000 })
      .not.toBe(runId);
    await page.getByTestId('run-resume').click();
    await page.getByTestId('host-confirm').waitFor();
    expect(attacker.seen).toHaveLength(2);
  });

  it('a hand-dropped import and a zip import fill no form and send nothing', async () => {
    const page = await start();
    await enterOwnKey(page, user, false);
    const plain = resultsFiles(attacker, { withOurBlock: false });
    const handId = await importResults(page, [
      { name: 'results.jsonl', buffer: Buffer.from(plain.results) },
      { name: 'metadata.json', buffer: Buffer.from(plain.metadata) },
    ]);
    await expectFormUntouched(page, attacker);
    await tryImportedRun(page, attacker, handId);

    const ours = resultsFiles(attacker, { withOurBlock: true });
    const zip = zipSync({
      'outputs/evals/run/results.jsonl': Buffer.from(ours.results),
      'outputs/evals/run/metadata.json': Buffer.from(ours.metadata),
    });
    const zipId = await importResults(page, [{ name: 'results.zip', buffer: Buffer.from(zip) }]);
    expect(zipId).not.toBe(handId);
    await expectFormUntouched(page, attacker);
    await tryImportedRun(page, attacker, zipId);
    expect(attacker.seen).toEqual([]);
  });

  it('typing another URL after the key, or choosing a preset, leaves the key with its host', async () => {
    const page = await start();
    await enterOwnKey(page, user, false);
    const model = endpoint(page, 'endpoint-model');

    // Every provider preset is another origin: the key field empties (custom has no URL at all).
    const presets = await model
      .locator('select[name="presetId"] option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    for (const preset of presets) {
      await model.locator('select[name="presetId"]').selectOption(preset);
      expect(await keyField(page, 'endpoint-model').inputValue()).toBe('');
    }
    await model.locator('input[name="baseUrl"]').fill(user.baseUrl);
    expect(await keyField(page, 'endpoint-model').inputValue()).toBe(CANARY);

    // The user types the attacker's address themselves: that is their choice of host, but the key
    // typed for their own host stays there.
    await model.locator('input[name="baseUrl"]').fill(attacker.baseUrl);
    expect(await keyField(page, 'endpoint-model').inputValue()).toBe('');
    expect(await model.locator('select[name="presetId"]').inputValue()).toBe('custom');
    await model.getByTestId('test-connection').click();
    await expect
      .poll(() => model.getByTestId('connection-result').locator('[data-ok]').count())
      .toBe(1);
    await page.getByTestId('examples-n').fill('2');
    await page.getByTestId('run-start').click();
    await expect
      .poll(() => page.getByTestId('run-status').getAttribute('data-status'), { timeout: 20_000 })
      .toBe('done');
    const toAttacker = attacker.seen.filter((request) => request.method === 'POST');
    expect(toAttacker.length).toBeGreaterThanOrEqual(3); // the test and two generations
    expect(toAttacker.some((request) => 'authorization' in request.headers)).toBe(false);
    // The judge on the user's own host got the key, as it should.
    expect(
      user.requests.filter((request) => request.headers.authorization === `Bearer ${CANARY}`)
        .length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('a suite file, a suite link and a leaderboard link choose no host and fill no key', async () => {
    const page = await start();
    await enterOwnKey(page, user, true);
    // Every field of a verifiers/MedARC suite file that names an endpoint, a key or headers, at the
    // top (global) and in an evaluation, all pointing at the attacker.
    const endpointFields = [
      `api_base_url = "${attacker.baseUrl}"`,
      'api_key_var = "OPENAI_API_KEY"',
      'api_client_type = "openai_chat_completions"',
      'endpoint_id = "gpt-4o"',
      'provider = "openai"',
      `headers = ["Authorization: Bearer ${CANARY}"]`,
    ];
    const toml = [
      ...endpointFields,
      '',
      '[[eval]]',
      'env_id = "medqa"',
      'num_examples = 2',
      `api_base_url = "${attacker.baseUrl}"`,
      'model = "gpt-4o"',
    ].join('\n');
    await page.goto(`${inject('appUrl')}#/suites`);
    await page.getByTestId('suite-import').setInputFiles({
      name: 'attack.toml',
      mimeType: 'application/toml',
      buffer: Buffer.from(toml),
    });
    await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(/suite=file%3Aattack/);
    const notes = (await page.getByTestId('suite-notes').textContent()) ?? '';
    // (`endpoint_id` is shadowed by the evaluation's own `model`, as verifiers does: dropped.)
    for (const field of [
      'api_base_url',
      'api_key_var',
      'api_client_type',
      'provider',
      'headers',
      'model',
    ]) {
      expect(notes).toContain(
        `"${field}" is ignored: the suite runs on the endpoint and key you choose here.`,
      );
    }
    expect(notes).not.toContain(CANARY);

    /** The suite's model endpoint: the app's default provider, never a host the file or link named. */
    const expectSuiteFormUntouched = async () => {
      const box = endpoint(page, 'suite-model');
      await box.waitFor();
      expect(await box.locator('input[name="baseUrl"]').inputValue()).toBe(
        'https://api.openai.com/v1',
      );
      expect(await keyField(page, 'suite-model').inputValue()).toBe('');
      expect(await page.getByTestId('host-confirm').count()).toBe(0);
    };
    await expectSuiteFormUntouched();
    // Start cannot go anywhere (no dataset is loaded), even forced.
    await page.getByTestId('suite-start').click({ force: true });

    // A suite link and a leaderboard link carry view state only: a host in them is just text.
    const hostile = encodeURIComponent(attacker.baseUrl);
    await page.goto(
      `${inject('appUrl')}#/leaderboard?suite=file%3Aattack&pick=${hostile}&pick=gpt-4o&sort=entry%3A${hostile}`,
    );
    await page.getByTestId('leaderboard-page').waitFor();
    await page.goto(
      `${inject('appUrl')}#/suites?suite=file%3Aattack&baseUrl=${hostile}&model=${hostile}`,
    );
    await expect.poll(() => page.getByTestId('suite-entry').count(), { timeout: 10_000 }).toBe(1);
    await expectSuiteFormUntouched();

    // The user's own host shows (and tests with) its key; the attacker's address typed by hand gets none.
    const box = endpoint(page, 'suite-model');
    await box.locator('input[name="baseUrl"]').fill(user.baseUrl);
    expect(await keyField(page, 'suite-model').inputValue()).toBe(CANARY);
    await box.locator('input[name="baseUrl"]').fill(attacker.baseUrl);
    expect(await keyField(page, 'suite-model').inputValue()).toBe('');
    expect(attacker.seen).toEqual([]);
  });

  it('a mirror link naming the attacker as dataset host gets dataset requests, never a key', async () => {
    // The attacker as Hugging Face (viewer and hub) and GitHub hosts of a shared-mirror link. Dataset
    // hosts get no key today; a Hugging Face token must not change that for a host a link chose.
    const page = await start();
    await enterOwnKey(page, user, true);
    const params = new URLSearchParams({
      hfViewer: attacker.origin,
      hfHub: attacker.origin,
      raw: attacker.origin,
      githubApi: attacker.origin,
      // Every dataset host of the link: since suites also load GitHub-hosted files (SCT-Public,
      // LongHealth), a host left at its default would be the unreachable jsDelivr, tried 5 times.
      mirror: attacker.origin,
      mirrorApi: attacker.origin,
    });
    await page.goto(`${inject('appUrl')}?${params.toString()}#/suites`);
    const notice = page.getByTestId('link-settings');
    await notice.waitFor();
    // The notice names the hosts, not just the parameters.
    expect(await notice.textContent()).toContain(`hfHub = ${attacker.origin}`);
    const loadAll = page.getByTestId('suite-load-all');
    await expect.poll(() => loadAll.isEnabled(), { timeout: 10_000 }).toBe(true);
    await loadAll.click();
    await expect.poll(() => attacker.seen.length, { timeout: 20_000 }).toBeGreaterThan(0);
    // The loads end (the attacker serves no dataset), with the button back.
    await expect.poll(() => loadAll.isEnabled(), { timeout: 30_000 }).toBe(true);
    expect(attacker.seen.filter((request) => 'authorization' in request.headers)).toEqual([]);
    expect(attacker.seen.filter((request) => request.method !== 'GET')).toEqual([]);
  });

  it('keeps the key out of storage, records and every export', async () => {
    const page = await start();
    await enterOwnKey(page, user, false);
    await page.getByTestId('examples-n').fill('2');
    await page.getByTestId('run-start').click();
    await expect
      .poll(() => page.getByTestId('run-status').getAttribute('data-status'), { timeout: 20_000 })
      .toBe('done');
    const runId = /run=([^&]+)/.exec(new URL(page.url()).hash)?.[1] ?? '';
    const dump = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('medeval');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(new Error(String(open.error)));
      });
      const all: Record<string, unknown[]> = {};
      for (const name of db.objectStoreNames) {
        all[name] = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(new Error(String(request.error)));
        });
      }
      db.close();
      const entries = (storage: Storage) =>
        Object.fromEntries(Object.keys(storage).map((name) => [name, storage.getItem(name)]));
      return JSON.stringify({
        all,
        local: entries(localStorage),
        session: entries(sessionStorage),
      });
    });
    expect(dump).toContain('judge-a');
    expect(dump).not.toContain(CANARY);

    await page.goto(`${inject('appUrl')}#/results?run=${runId}`);
    for (const testId of [
      'export-zip',
      'export-jsonl',
      'export-metadata',
      'export-csv',
      'export-report',
    ]) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId(testId).click(),
      ]);
      const bytes = readFileSync(await download.path());
      const texts =
        testId === 'export-zip'
          ? Object.values(unzipSync(bytes)).map((entry) => strFromU8(entry))
          : [bytes.toString('utf8')];
      expect(texts.join('\n').length).toBeGreaterThan(100);
      expect(texts.join('\n')).not.toContain(CANARY);
    }
    // A setup link copied from this run's form carries no key either.
    await page.goto(`${inject('appUrl')}#/run`);
    await page.getByTestId('share-setup').click();
    expect(await page.getByTestId('share-setup-url').inputValue()).not.toContain(CANARY);
    expect(attacker.seen).toEqual([]);
  });
});
