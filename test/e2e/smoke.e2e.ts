// The built app loads from a sub-path in a real Chromium: right title, the shell renders, and nothing
// throws or logs an error on the way (a missing chunk or a wrong MIME type would).
import { expect, inject, it } from 'vitest';
import { describeProblems } from '../support/browser';
import { describeInChromium } from './describeInChromium';

describeInChromium('smoke: the built app in Chromium', (chromium) => {
  it('loads at /medeval/ with its title and app shell, without errors', async () => {
    const appUrl = inject('appUrl');
    expect(new URL(appUrl).pathname).toBe('/medeval/');
    const app = await chromium.openApp(appUrl);
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
  });

  it('lays out the endpoint editor without overlapping fields on the Suites page', async () => {
    const app = await chromium.openApp(inject('appUrl'));
    await app.page.setViewportSize({ width: 1280, height: 900 });
    // (The Run page shares the editor and its rules; it shows it only once a dataset is stored.)
    for (const hash of ['#/suites']) {
      await app.page.goto(new URL(hash, inject('appUrl')).href);
      const editor = app.page.locator('fieldset.endpoint').first();
      await editor.getByRole('button', { name: 'Load models' }).waitFor();
      // Every control of the editor's first row, left to right: none may reach into the next one
      // (on the Suites page the model field's input once kept its intrinsic width and pushed
      // "Load models" over the API key field).
      const boxes = await editor.locator('.field-grid > .field').evaluateAll((fields) =>
        fields.flatMap((field) =>
          [...field.querySelectorAll('input:not([type=checkbox]), select, button')].map(
            (control) => {
              const box = control.getBoundingClientRect();
              return {
                field: fields.indexOf(field),
                left: box.left,
                right: box.right,
                top: box.top,
              };
            },
          ),
        ),
      );
      const overlaps = boxes.flatMap((a) =>
        boxes
          .filter((b) => b.field > a.field && Math.abs(b.top - a.top) < 20)
          .filter((b) => a.left < b.right && b.left < a.right)
          .map((b) => `${hash}: a control of field ${a.field} overlaps one of field ${b.field}`),
      );
      expect(overlaps).toEqual([]);
    }
    expect(describeProblems(app.pageErrors)).toBe('');
  });
});
