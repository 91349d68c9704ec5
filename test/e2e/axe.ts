// axe-core in the e2e suite (issue 11): the page is audited in Chromium as users get it, CSP and all.
// axe is evaluated through the DevTools protocol (page.evaluate), which the app's CSP does not
// govern, so the app needs no exception for it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  /** The CSS selectors of the failing elements. */
  targets: string[];
}

/** Runs axe (WCAG 2.1 A/AA and best practices) on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const isLoaded = await page.evaluate(() => 'axe' in window);
  if (!isLoaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    interface AxeResult {
      violations: {
        id: string;
        impact: AxeViolation['impact'];
        help: string;
        nodes: { target: unknown[] }[];
      }[];
    }
    const { axe } = window as unknown as {
      axe: { run: (context: Document, options: object) => Promise<AxeResult> };
    };
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
    }));
  });
}

/** The serious and critical violations, one line each, for an assertion that they are none. */
export function seriousOrCritical(violations: readonly AxeViolation[]): string[] {
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.targets.slice(0, 5).join(', ')}`);
}

/**
 * Presses Tab until `selector` has the focus, as a keyboard user would reach it; throws if it is
 * not reachable within `maxTabs` presses.
 */
export async function tabTo(page: Page, selector: string, maxTabs = 80): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    const isFocused = await page.evaluate(
      (wanted) => document.activeElement?.matches(wanted) === true,
      selector,
    );
    if (isFocused) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} is not reachable with Tab (${maxTabs} presses)`);
}
