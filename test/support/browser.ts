// Drives Debian's Chromium through playwright-core for the e2e suite (browser-platform §6):
// `npx playwright install` is unavailable here, so we point at the system binary and switch off
// everything that would phone home from a closed network.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM_INSTALL_COMMAND = 'apt-get update && apt-get install -y chromium';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // The HTTP/2 mock (mockOpenAI `http2: true`) serves a certificate made at test time.
  '--ignore-certificate-errors',
];

/** `CHROMIUM_PATH` when set (and present), else the Debian locations; null when none exists. */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== '') return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/**
 * For e2e files: the Chromium path, or null (after a loud banner) so the file can
 * `describe.skipIf(chromiumPath === null)`. In CI a missing browser is an error, never a skip.
 */
export function requireChromium(): string | null {
  const path = findChromium();
  if (path !== null) return path;
  const where = process.env.CHROMIUM_PATH
    ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH}`
    : CANDIDATES.join(', ');
  if (process.env.CI) {
    throw new Error(
      `Chromium not found (looked at ${where}). Install it: ${CHROMIUM_INSTALL_COMMAND}`,
    );
  }
  const line = '!'.repeat(78);
  console.warn(
    [
      '',
      line,
      '!!  E2E TESTS SKIPPED: Chromium was not found.',
      `!!  Looked at: ${where}`,
      '!!  Install it with:',
      `!!      ${CHROMIUM_INSTALL_COMMAND}`,
      '!!  or point CHROMIUM_PATH at a Chromium/Chrome binary.',
      '!!  (With CI set, this is an error instead of a skip.)',
      line,
      '',
    ].join('\n'),
  );
  return null;
}

/** Headless Chromium with a fresh temporary profile (playwright-core's default for `launch`). */
export async function launchBrowser(executablePath?: string): Promise<Browser> {
  const path = executablePath ?? findChromium();
  if (path === null) {
    throw new Error(`Chromium not found. Install it: ${CHROMIUM_INSTALL_COMMAND}`);
  }
  return chromium.launch({ executablePath: path, headless: true, args: CHROMIUM_ARGS });
}

export interface PageProblem {
  kind: 'pageerror' | 'console' | 'worker-console';
  text: string;
  /** `url:line` of the console message, when Chromium reports one. */
  location?: string;
}

export interface AppPage {
  page: Page;
  /** A fresh context per page, so IndexedDB and storage start empty. */
  context: BrowserContext;
  /** Uncaught exceptions and console errors from the page and its workers, in order. */
  problems: PageProblem[];
  /** Uncaught exceptions only (the page's `pageerror` events). */
  pageErrors: PageProblem[];
  /** Every console message of every page and worker of the context, any level (to search for keys). */
  messages: { type: string; text: string }[];
  /**
   * Content-Security-Policy violations anywhere in the context. `close()` fails the test when any is
   * left here, so every e2e file checks that no flow needs more than the policy allows (issue 10); a
   * test that provokes one on purpose asserts it and empties this list.
   */
  cspViolations: string[];
  close(): Promise<void>;
}

const CSP_PREFIX = 'CSP violation: ';

/** Reports each violation on the console, where the context-wide listener below sees it. */
const CSP_LISTENER = `document.addEventListener('securitypolicyviolation', (event) => {
  console.error('${CSP_PREFIX}' + event.effectiveDirective + ' blocked ' + (event.blockedURI || 'inline') + ' (' + event.sourceFile + ':' + event.lineNumber + ')');
});`;

/** Opens `url` in a fresh context, collecting page errors and console errors as they happen. */
export async function newAppPage(browser: Browser, url: string): Promise<AppPage> {
  const context = await browser.newContext();
  const messages: { type: string; text: string }[] = [];
  const cspViolations: string[] = [];
  await context.addInitScript(CSP_LISTENER);
  // Context-wide: also tabs a test opens itself, and workers (Chromium logs their violations).
  context.on('console', (message) => {
    messages.push({ type: message.type(), text: message.text() });
    // Pages report through CSP_LISTENER (one message per violation); workers only through
    // Chromium's own "Refused to …" line.
    const isViolation =
      message.text().startsWith(CSP_PREFIX) ||
      (message.worker() !== null && /Content Security Policy/.test(message.text()));
    if (isViolation) cspViolations.push(message.text());
  });
  const page = await context.newPage();
  const problems: PageProblem[] = [];
  const pageErrors: PageProblem[] = [];
  page.on('pageerror', (error) => {
    const problem: PageProblem = { kind: 'pageerror', text: error.stack ?? error.message };
    problems.push(problem);
    pageErrors.push(problem);
  });
  // Chromium reports dedicated workers' console messages here too (message.worker() is set), so
  // errors logged by the dataset worker are caught without a per-worker listener.
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url: file, lineNumber } = message.location();
    problems.push({
      kind: message.worker() === null ? 'console' : 'worker-console',
      text: message.text(),
      ...(file ? { location: `${file}:${lineNumber}` } : {}),
    });
  });
  try {
    await page.goto(url, { waitUntil: 'load' });
  } catch (error) {
    // Nobody holds the context yet to close it after the test.
    await context.close();
    throw error;
  }
  return {
    page,
    context,
    problems,
    pageErrors,
    messages,
    cspViolations,
    close: async () => {
      await context.close();
      if (cspViolations.length > 0) {
        throw new Error(
          `The page violated its Content-Security-Policy:\n${cspViolations.join('\n')}`,
        );
      }
    },
  };
}

/** One line per problem, for assertion messages. */
export function describeProblems(problems: readonly PageProblem[]): string {
  return problems
    .map((p) => `[${p.kind}] ${p.text}${p.location === undefined ? '' : ` (${p.location})`}`)
    .join('\n');
}
