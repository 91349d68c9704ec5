// The pre-run estimate of a whole suite run: each runnable entry's examples (as its run would take
// them) through the per-benchmark estimate (core/estimateEnvRun), added up. Runs in the worker: the
// suite's datasets total tens of thousands of questions, which the page should not read or clone.
import { runExamples } from '../../core/envs/runExamples';
import { toEnvExample } from '../../core/envs/storedExample';
import { estimateEnvRun } from '../../core/estimateEnvRun';
import { totalEstimate, type RunEstimate } from '../../core/estimateRun';
import type { PriceHint } from '../../core/presets';
import type { ExampleRecord } from '../../core/schema/dataset';
import { datasetNeeds, entrySelection, resolveSuite } from '../../core/suites/suitePlan';
import type { MedevalDb } from '../../data/db';
import type { SuiteRunRequest } from './createSuiteRun';

export interface SuiteEstimate extends RunEstimate {
  /** Entries that will run. */
  entries: number;
  /** Entries whose dataset is not loaded yet (not in the totals). */
  unestimated: string[];
}

export async function estimateSuiteRun(
  db: MedevalDb,
  request: Omit<SuiteRunRequest, 'name'>,
  prices: Readonly<Record<string, PriceHint>>,
): Promise<SuiteEstimate> {
  const entries = resolveSuite(request.suite);
  const needs = datasetNeeds(entries);
  const datasetOf = new Map(needs.flatMap((n) => n.entryKeys.map((key) => [key, n.datasetId])));
  const loaded = new Map<string, ExampleRecord[]>();
  const parts = [];
  const unestimated: string[] = [];
  let count = 0;
  for (const { entry, resolution } of entries) {
    const datasetId = datasetOf.get(entry.key);
    if (resolution.state !== 'ready' || datasetId === undefined) continue;
    const dataset = await db.datasets.get(datasetId);
    if (dataset?.status !== 'ready') {
      // No run is made for it (createSuiteRun): neither counted nor estimated.
      unestimated.push(entry.key);
      continue;
    }
    count++;
    let examples = loaded.get(datasetId);
    if (examples === undefined) {
      examples = await db.examples.where('datasetId').equals(datasetId).toArray();
      loaded.set(datasetId, examples);
    }
    const chosen = runExamples(examples, entrySelection(entry, request.options), resolution);
    const model = { ...request.model.sampling, ...entry.sampling };
    const estimate = estimateEnvRun({
      env: resolution.env,
      envSettings: resolution.envSettings,
      examples: chosen.map(toEnvExample),
      rolloutsPerExample: entry.rolloutsPerExample,
      model: { model: request.model.model, maxTokens: model.max_tokens },
      grader: null,
      prices,
    });
    parts.push(...estimate.parts);
  }
  const total = totalEstimate(
    parts.reduce((sum, part) => sum + part.requests, 0),
    parts,
  );
  return { ...total, entries: count, unestimated };
}
