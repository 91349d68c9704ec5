// `../shared` (the team's specs and the real MTSamples notes) sits beside the clone on developers'
// machines and in CI, but not in a fresh clone elsewhere. Tests that read it skip loudly without
// it; with CI set, a missing `../shared` is a failure with a clear message, never a silent skip.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The repository's root (this file is test/support/sharedData.ts). */
const REPO_ROOT = resolve(import.meta.dirname, '../..');

const SHARED_DIR = resolve(REPO_ROOT, '../shared');

/** The message for a missing path under ../shared, in CI (an error) and elsewhere (a skip). */
function missingSharedMessage(path: string, isCi: boolean): string {
  return isCi
    ? `${path} is missing, and CI must run every test: CI checks out ../shared beside the clone (the team's specs and the real MTSamples notes). Put it there, or unset CI to skip these tests.`
    : `${path} not found (a fresh clone has no ../shared): these tests are skipped.`;
}

/**
 * The absolute path of `relative` under ../shared, or null when it is missing (after a notice), so
 * a file can `describe.skipIf(path === null)`. With CI set it throws instead, failing the file.
 */
export function requireShared(relative: string, env = process.env): string | null {
  const path = resolve(SHARED_DIR, relative);
  if (existsSync(path)) return path;
  const isCi = env['CI'] !== undefined && env['CI'] !== '' && env['CI'] !== 'false';
  if (isCi) throw new Error(missingSharedMessage(path, true));
  console.warn(`!! ${missingSharedMessage(path, false)}`);
  return null;
}
