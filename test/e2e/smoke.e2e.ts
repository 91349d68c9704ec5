// The built app loads from a sub-path in a real Chromium: right title, the shell renders, and nothing
// throws or logs an error on the way (a missing chunk or a wrong MIME type would).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeProblems, launchBrowser, newAppPage, requireChromium } from '../support/browser';

const chromiumPath = requireChromium();

describe.skipIf(chromiumPath === null)('smoke: the built app in Chromium', () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    browser = await launchBrowser(chromiumPath ?? undefined);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads at /medeval/ with its title and app shell, without errors', async () => {
    if (browser === undefined) throw new Error('browser did not start');
    const appUrl = inject('appUrl');
    expect(new URL(appUrl).pathname).toBe('/medeval/');
    const app = await newAppPage(browser, appUrl);
    try {
      await expect.poll(() => app.page.title()).toBe('medeval');
      await app.page.getByTestId('app-shell').waitFor({ state: 'visible', timeout: 15_000 });
      expect(describeProblems(app.pageErrors)).toBe('');
      expect(describeProblems(app.problems)).toBe('');
      // The Content-Security-Policy is in force: an injected inline script does not run.
      const ran = await app.page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__injected = true';
        document.body.append(script);
        return (window as unknown as { __injected?: boolean }).__injected === true;
      });
      expect(ran).toBe(false);
      // The e2e support saw the violation (so it would fail any test that caused one by accident).
      await expect.poll(() => app.cspViolations.join('\n')).toMatch(/script-src/);
      app.cspViolations.length = 0;
    } finally {
      await app.close();
    }
  });
});
