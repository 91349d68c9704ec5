// Issue 5 security: hostile text through every display and import path — dataset import, the dataset
// table and detail, model responses and judge replies in the run view and the results workspace,
// imported results, and URL parameters — with zero script executions, zero CSP violations (nothing
// even tried to run), no dangerous markup left in the DOM, and zero crashes.
import type { Page } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { describeProblems, type AppPage } from '../support/browser';
import { HOSTILE_MARKDOWN, HOSTILE_TEXT, POLLUTING_JSON } from '../fixtures/hostileInputs';
import { judgeJson, startMockOpenAI } from '../support/mockOpenAI';
import { describeInChromium } from './describeInChromium';
import { isJudgeRequest } from './runSupport';

const TRAP = `(() => {
  window.__pwnedCount = 0;
  window.__pwned = () => { window.__pwnedCount += 1; };
  window.__cspViolations = 0;
  window.__cspDetails = [];
  document.addEventListener('securitypolicyviolation', (e) => { window.__cspViolations += 1; window.__cspDetails.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber + ' ' + (e.sample || '')); });
})()`;

const INSPECT = `(() => {
  const root = document.getElementById('root');
  const all = root ? [...root.querySelectorAll('*')] : [];
  return {
    pwned: window.__pwnedCount,
    csp: window.__cspViolations,
    handlers: all.filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
    scripts: root ? root.querySelectorAll('script, iframe, object, embed').length : 0,
    jsLinks: all.filter((el) => /^\\s*javascript:/i.test(el.getAttribute('href') ?? '') || /^\\s*javascript:/i.test(el.getAttribute('src') ?? '')).length,
    polluted: ({}).polluted === true,
    details: window.__cspDetails,
  };
})()`;

async function expectClean(page: Page, where: string) {
  const result = await page.evaluate(INSPECT);
  expect(result, where).toEqual({
    pwned: 0,
    csp: 0,
    details: [],
    handlers: 0,
    scripts: 0,
    jsLinks: 0,
    polluted: false,
  });
}

/** Reloads the app with TRAP installed before any of its scripts run. */
async function trapped(app: AppPage): Promise<AppPage> {
  await app.page.addInitScript(TRAP);
  await app.page.reload();
  await app.page.getByTestId('app-shell').waitFor();
  return app;
}

describeInChromium('hostile inputs', (chromium) => {
  it('survives hostile notes, responses, judge replies and imports everywhere they are shown', async () => {
    const mock = chromium.closeAfterTest(await startMockOpenAI({ latencyMs: 0 }));
    mock.setDefault((request) =>
      isJudgeRequest(request.body)
        ? {
            reply: `${HOSTILE_TEXT}\n${judgeJson({ accuracy: 3, completeness: 2, clarity: 4 })}\n${HOSTILE_TEXT}`,
          }
        : { reply: `<think>${HOSTILE_TEXT}</think>\n${HOSTILE_MARKDOWN}` },
    );
    const app = await trapped(await chromium.openApp('#/dataset'));
    const { page } = app;
    const line = JSON.stringify({
      question: HOSTILE_TEXT,
      answer: HOSTILE_TEXT,
      filename: '<img src=x onerror="window.__pwned()">.txt',
    });
    await page.getByTestId('import-files').setInputFiles({
      name: '<script>x</script>.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(`${line}\n${POLLUTING_JSON}\n`),
    });
    // The polluting line is rejected with a reason; nothing is stored from that file.
    await page.getByTestId('error-banner').waitFor();
    await expectClean(page, 'import error');
    await page.getByTestId('import-files').setInputFiles({
      name: '<script>x</script>.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(`${line}\n`),
    });
    await page.getByTestId('import-result').waitFor();
    await page.locator('[data-testid="examples-table"] tbody tr').first().click();
    await page.getByTestId('example-detail').waitFor();
    await expectClean(page, 'dataset table and detail');

    await page.getByRole('link', { name: 'Run', exact: true }).click();
    const model = page.getByTestId('endpoint-model');
    await model.locator('input[name="baseUrl"]').fill(mock.baseUrl);
    await model.locator('input[name="model"]').fill('<b>model</b>');
    await model.locator('input[name="apiKey"]').fill('hostile-test-key-000');
    const judge = page.getByTestId('endpoint-judge-0');
    await judge.locator('input[name="baseUrl"]').fill(mock.baseUrl);
    await judge.locator('input[name="model"]').fill('judge"><svg onload=window.__pwned()>');
    await page.getByTestId('run-start').click();
    await page
      .locator('[data-testid="run-status"][data-status="done"]')
      .waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="rollouts-table"] tbody tr').first().click();
    await page.getByTestId('rollout-detail').waitFor();
    await expectClean(page, 'run view and its rollout detail');

    const runId = new URL(page.url()).hash.match(/run=([^&]+)/)?.[1] ?? '';
    await page.goto(`${inject('appUrl')}#/results?run=${runId}&open=0:0`);
    await page.getByTestId('rollout-response').waitFor({ timeout: 20_000 });
    await page.getByTestId('judge-card').first().waitFor();
    // The lazy Markdown renderer has replaced the plain-text fallback: the hostile text is rendered.
    await page.locator('.markdown-body[data-testid="rollout-response"] > *').first().waitFor();
    await expectClean(page, 'results workspace and rendered Markdown');
    for (const tab of ['summary', 'judges']) {
      await page.getByTestId(`results-tab-${tab}`).click();
      await expectClean(page, `results ${tab} tab`);
    }
    expect(describeProblems(app.pageErrors)).toBe('');
  });

  // Each page says what it made of the hostile parameters before it is inspected: asserting that
  // nothing ran is only meaningful once everything that could run has rendered.
  it.each([
    [
      'dataset link settings',
      '?raw=javascript:window.__pwned()&mirror=%3Cscript%3E#/dataset',
      '[data-testid="link-problems"]',
    ],
    [
      'a shared setup',
      `#/run?setup=${Buffer.from('{"v":1,"settings":{"__proto__":{"polluted":1}}}').toString('base64url')}`,
      '[data-testid="shared-setup-problems"]',
    ],
    [
      'a results link',
      '?results=javascript:window.__pwned()#/results',
      '[data-testid="runs-overview"] >> text=No runs yet',
    ],
    [
      'results filters',
      '#/results?run=%3Cscript%3E&q=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned()%3E&re=1&rmin=NaN&sort=__proto__:asc',
      'text=This run no longer exists',
    ],
  ])('shrugs off hostile URL parameters: %s', async (_name, suffix, rendered) => {
    const app = await trapped(await chromium.openApp(suffix));
    await app.page.locator(rendered).first().waitFor();
    await expectClean(app.page, suffix);
    expect(describeProblems(app.pageErrors)).toBe('');
  });
});
