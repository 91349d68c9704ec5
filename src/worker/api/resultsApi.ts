// The results part of the comlink surface: a run's overview for the Run page, full-text search of a
// run's rollouts, exports in the verifiers results format, and imports of results files or of a
// published link.
import { runOverviewOf, type OverviewOptions, type RunOverview } from '../../core/runOverview';
import { exportRunFiles, type ExportFormat, type ExportedFile } from '../results/exportRunFiles';
import {
  importResults,
  type ImportResultsOptions,
  type ResultsImportSummary,
} from '../results/importResults';
import { importResultsFromUrl } from '../results/importResultsFromUrl';
import { searchRollouts, type SearchOptions } from '../results/searchRollouts';
import type { ImportFile } from '../importers/readImport';
import { transferErrors, type WorkerContext } from './workerContext';

export interface ResultsApi {
  /** A run's figures and compact table rows, so the Run page never reads its full rollouts. */
  runOverview(runId: string, options: OverviewOptions): Promise<RunOverview>;
  /** Keys of the run's rollouts whose notes, response, reference or judge explanations match. */
  searchRollouts(runId: string, query: string, options: SearchOptions): Promise<string[]>;
  exportRun(runId: string, format: ExportFormat): Promise<ExportedFile>;
  /** Imports results.jsonl (+ metadata.json) or a zip of them as a new, read-only run. */
  importResults(files: ImportFile[], options?: ImportResultsOptions): Promise<ResultsImportSummary>;
  /** Opens published results (results.jsonl + metadata.json beside it, or our zip) from a URL. */
  importResultsFromUrl(url: string, options?: ImportResultsOptions): Promise<ResultsImportSummary>;
}

export function createResultsApi(ctx: WorkerContext): ResultsApi {
  const { db } = ctx;
  const importDeps = () => ({
    db,
    now: Date.now,
    newId: () => crypto.randomUUID(),
    appVersion: ctx.deps.appVersion,
  });
  return {
    runOverview(runId, options) {
      return transferErrors(async () =>
        runOverviewOf(
          await db.rollouts.where('runId').equals(runId).toArray(),
          Date.now(),
          options,
        ),
      );
    },
    searchRollouts(runId, query, options) {
      return transferErrors(() => searchRollouts(db, runId, query, options));
    },
    exportRun(runId, format) {
      return transferErrors(() => exportRunFiles(db, runId, format));
    },
    importResults(files, options = {}) {
      return transferErrors(() => importResults(importDeps(), files, options));
    },
    importResultsFromUrl(url, options = {}) {
      return transferErrors(() =>
        importResultsFromUrl({ ...importDeps(), fetch: ctx.deps.fetch }, url, options),
      );
    },
  };
}
