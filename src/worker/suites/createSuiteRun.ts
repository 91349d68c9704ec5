// Creates a suite run: one ordinary run per runnable entry (createRun, so each is checked and stored
// like any run), and a suite-run record naming them and why every other entry has none. Entries whose
// dataset is not loaded are refused up front: the user loads them all first ("Load all").
import { AppError } from '../../core/errors';
import { entryLabel, type Suite } from '../../core/suites/suite';
import { datasetNeeds, entryRunSettings, resolveSuite } from '../../core/suites/suitePlan';
import {
  SUITE_RECORD_VERSION,
  type SuiteRunEntry,
  type SuiteRunOptions,
  type SuiteRunRecord,
} from '../../core/suites/suiteRun';
import type { EndpointConfig } from '../../core/schema/endpoint';
import { createRun, type CreateRunDeps } from '../run/createRun';

export interface SuiteRunRequest {
  suite: Suite;
  model: EndpointConfig;
  options: SuiteRunOptions;
  name: string;
}

export async function createSuiteRun(
  deps: CreateRunDeps,
  request: SuiteRunRequest,
): Promise<string> {
  const entries = resolveSuite(request.suite);
  const needs = datasetNeeds(entries);
  const stored = await deps.db.datasets.bulkGet(needs.map((need) => need.datasetId));
  const missing = needs.filter((_, i) => stored[i]?.status !== 'ready');
  if (missing.length > 0) {
    throw new AppError(
      'bad_request',
      `${missing.length} dataset${missing.length > 1 ? 's are' : ' is'} not loaded yet: ${missing.map((n) => n.envLabel).join(', ')}.`,
      { nextStep: 'Use "Load all datasets" first.' },
    );
  }
  const datasetOf = new Map(
    needs.flatMap((need) => need.entryKeys.map((key) => [key, need.datasetId])),
  );
  const runEntries: SuiteRunEntry[] = [];
  for (const { entry, resolution } of entries) {
    const datasetId = datasetOf.get(entry.key);
    if (resolution.state !== 'ready' || datasetId === undefined) {
      runEntries.push({
        key: entry.key,
        reason: resolution.state === 'ready' ? 'No dataset.' : resolution.reason,
      });
      continue;
    }
    const settings = entryRunSettings(entry, resolution, datasetId, request.model, request.options);
    const runId = await createRun(deps, settings, `${request.name}: ${entryLabel(entry)}`);
    runEntries.push({ key: entry.key, runId });
  }
  const now = deps.now();
  const record: SuiteRunRecord = {
    schemaVersion: SUITE_RECORD_VERSION,
    id: deps.newId(),
    name: request.name,
    suite: request.suite,
    model: request.model,
    options: request.options,
    entries: runEntries,
    createdAt: now,
    updatedAt: now,
  };
  await deps.db.suiteRuns.add(record);
  return record.id;
}
