import type { MedevalDb } from '../../data/db';
import type { ImportFile } from '../importers/readImport';

export interface ResultsImportSummary {
  runId: string;
  rows: number;
  badLines: { line: number; message: string }[];
}

// Stub: being built (issue 4, import).
export function importResults(
  _deps: { db: MedevalDb; now: () => number; newId: () => string },
  _files: readonly ImportFile[],
): Promise<ResultsImportSummary> {
  return Promise.reject(new Error('not built yet'));
}
