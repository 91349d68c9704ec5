// Shared pieces of the e2e files: the app URL with dataset hosts pointed at a local fake, and
// reading the dataset page's counters.
import type { Page } from 'playwright-core';
import type { FakeGitHub } from '../support/fakeGitHub';

export function appLink(appUrl: string, gh: FakeGitHub, hash = '#/dataset'): string {
  const params = new URLSearchParams({
    githubApi: gh.bases.githubApiBase,
    raw: gh.bases.rawBase,
    mirror: gh.bases.mirrorBase,
    mirrorApi: gh.bases.mirrorApiBase,
    repo: gh.repo,
    folder: gh.folder,
    commit: gh.commit,
  });
  return `${appUrl}?${params.toString()}${hash}`;
}

export async function datasetCounts(page: Page) {
  await page.getByTestId('dataset-summary').waitFor({ timeout: 45_000 });
  // The summary (dataset record) and the table (examples) are separate live queries: wait until the
  // table holds every example the summary counts before reading either.
  const examples = (await page.getByTestId('count-examples').textContent()) ?? '';
  await page
    .getByTestId('examples-count')
    .filter({ hasText: `${examples} of ${examples} examples` })
    .waitFor({ timeout: 15_000 });
  return {
    examples: await page.getByTestId('count-examples').textContent(),
    skipped: await page.getByTestId('count-skipped').textContent(),
    sections: await page.getByTestId('count-sections').textContent(),
    rows: await page.locator('[data-testid="examples-table"] tbody tr').count(),
  };
}
