// Reads a results folder through the core import steps, in the order the worker runs them
// (worker/results/importResults.ts), without a database: for tests of every release line's files.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkRewards, reidentifyLegacyIds } from '../../../src/core/results/checkRows';
import { describeFile } from '../../../src/core/results/fileMetrics';
import { importedRowsToRollouts } from '../../../src/core/results/importRollout';
import { metadataToRunRecord } from '../../../src/core/results/importRun';
import { parseMetadata } from '../../../src/core/results/parseMetadata';
import { parseResultsJsonl } from '../../../src/core/results/parseResults';
import { toRolloutRow } from '../../../src/core/results/rolloutRow';

export const VERIFIERS_FIXTURES = join(import.meta.dirname, '../../fixtures/verifiers');

export function importTexts(resultsJsonl: string, metadataJson: string | null) {
  const meta = metadataJson === null ? null : parseMetadata(metadataJson);
  const parsed = parseResultsJsonl(resultsJsonl);
  const rows = reidentifyLegacyIds(parsed.rows);
  const shape = describeFile(meta?.metadata ?? null, rows);
  const checked = checkRewards(rows, shape);
  const rollouts = importedRowsToRollouts(checked.rows, 'imp', shape);
  const run = metadataToRunRecord(
    meta?.metadata ?? null,
    checked.rows,
    { id: 'imp', now: 1, appVersion: '0.1.0' },
    shape,
  );
  return {
    meta,
    shape,
    problems: [...parsed.problems, ...checked.problems],
    rows: checked.rows,
    rollouts,
    run,
    rolloutRows: rollouts.map(toRolloutRow),
  };
}

export function importFolder(dir: string) {
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  const hasMetadata = existsSync(join(dir, 'metadata.json'));
  return importTexts(read('results.jsonl'), hasMetadata ? read('metadata.json') : null);
}
