import type { MedevalDb } from '../../data/db';

export interface SearchOptions {
  isRegex: boolean;
}

// Stub: being built (issue 4, full-text search in the worker).
export function searchRollouts(
  _db: MedevalDb,
  _runId: string,
  _query: string,
  _options: SearchOptions,
): Promise<string[]> {
  return Promise.resolve([]);
}
