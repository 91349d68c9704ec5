import type { MedevalDb } from '../../data/db';

export type ExportFormat = 'zip' | 'results.jsonl' | 'metadata.json' | 'csv';

export interface ExportedFile {
  name: string;
  mime: string;
  data: string | Uint8Array;
}

// Stub: being built (issue 4, export).
export function exportRunFiles(
  _db: MedevalDb,
  _runId: string,
  _format: ExportFormat,
): Promise<ExportedFile> {
  return Promise.reject(new Error('not built yet'));
}
