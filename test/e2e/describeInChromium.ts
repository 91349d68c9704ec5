// The setup every e2e file shares: one headless Chromium per file (the GUIDE's flags, see
// test/support/browser.ts), and per test the app pages and loopback servers the test opens, all
// closed after it whether it passed or failed, pages first (closeAll), so a failed test leaves no
// port, context or storage to the next.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, inject } from 'vitest';
import { launchBrowser, newAppPage, requireChromium, type AppPage } from '../support/browser';
import { closeAll, type Closable } from '../support/closeAll';

export interface ChromiumTest {
  /** The file's browser: launched before its first test, closed after its last. */
  readonly browser: Browser;
  /**
   * Opens the built app in a fresh context, closed after the test. `where` resolves against the
   * app's URL: '#/run', '?raw=…#/dataset', or a whole URL (e.g. from `appLink`).
   */
  openApp(where?: string): Promise<AppPage>;
  /** Closes `server` after the test (after its pages); returns it, for `const mock = closeAfterTest(await start…())`. */
  closeAfterTest<T extends Closable>(server: T): T;
  /** Closes `server` now (to take a host off the network mid-test) instead of after the test. */
  closeNow(server: Closable): Promise<void>;
}

const chromiumPath = requireChromium();

/**
 * `describe` for a file that drives the built app in Chromium: skipped (after requireChromium's
 * banner) where there is no Chromium, an error in CI.
 */
export function describeInChromium(name: string, body: (chromium: ChromiumTest) => void): void {
  describe.skipIf(chromiumPath === null)(name, () => {
    let browser: Browser | undefined;
    const pages: AppPage[] = [];
    const servers = new Set<Closable>();
    const launched = (): Browser => {
      if (browser === undefined) throw new Error('Chromium is launched in beforeAll');
      return browser;
    };

    beforeAll(async () => {
      browser = await launchBrowser(chromiumPath ?? undefined);
    });
    afterAll(async () => {
      await browser?.close();
    });
    afterEach(async () => {
      const opened = [...pages.splice(0).reverse(), ...[...servers].reverse()];
      servers.clear();
      await closeAll(opened);
    });

    body({
      get browser() {
        return launched();
      },
      openApp: async (where = '') => {
        const app = await newAppPage(launched(), new URL(where, inject('appUrl')).href);
        pages.push(app);
        return app;
      },
      closeAfterTest: (server) => {
        servers.add(server);
        return server;
      },
      closeNow: async (server) => {
        servers.delete(server);
        await server.close();
      },
    });
  });
}
