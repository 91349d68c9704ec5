// Creates a suite run: one ordinary run per runnable entry (createRun, so each is checked and stored
// like any run), and a suite-run record naming them and why every other entry has none (not in this
// app yet, not runnable in a browser, its dataset not loaded, or its run could not be created).
import { AppError, toAppError } from '../../core/errors';
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
  const ready = new Set(
    needs.filter((_, i) => stored[i]?.status === 'ready').map((n) => n.datasetId),
  );
  const needOf = new Map(needs.flatMap((need) => need.entryKeys.map((key) => [key, need])));
  const runEntries: SuiteRunEntry[] = [];
  for (const { entry, resolution } of entries) {
    const need = needOf.get(entry.key);
    if (resolution.state !== 'ready' || need === undefined) {
      runEntries.push({
        key: entry.key,
        reason: resolution.state === 'ready' ? 'No dataset.' : resolution.reason,
      });
      continue;
    }
    if (!ready.has(need.datasetId)) {
      runEntries.push({
        key: entry.key,
        reason: `Its dataset (${need.envLabel} — ${need.variantLabel}) is not loaded.`,
      });
      continue;
    }
    const settings = entryRunSettings(
      entry,
      resolution,
      need.datasetId,
      request.model,
      request.options,
    );
    try {
      const runId = await createRun(deps, settings, `${request.name}: ${entryLabel(entry)}`);
      runEntries.push({ key: entry.key, runId });
    } catch (error) {
      // One entry that cannot start (e.g. PubMedQA without its test list) never blocks the others.
      runEntries.push({ key: entry.key, reason: toAppError(error).message });
    }
  }
  if (!runEntries.some((entry) => entry.runId !== undefined)) {
    throw new AppError('bad_request', 'No entry of this suite can run yet.', {
      nextStep: 'Use "Load all datasets" first, then start again.',
    });
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
