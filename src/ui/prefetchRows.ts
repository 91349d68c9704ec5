// Opening `#/results?run=…` directly: the run's rows start loading from IndexedDB while the app is
// still mounting, instead of after the page's first render (10,000 rows take a few hundred ms to read).
import type { RolloutRow } from '../core/results/rolloutRow';
import type { MedevalDb } from '../data/db';
import { parseHash } from './hooks/useHashRoute';

const prefetched = new Map<string, Promise<RolloutRow[]>>();

export function prefetchRowsForLocation(db: MedevalDb, hash: string): void {
  const route = parseHash(hash);
  const runId = route.params.get('run');
  if (route.page !== 'results' || runId === null) return;
  const rows = db.rolloutRows.where('runId').equals(runId).toArray();
  // If the page never asks for it, a failed read is simply not used (the page reads again).
  rows.catch(() => undefined);
  prefetched.set(runId, rows);
}

/** The prefetched read for this run, once; later reads go to the database. */
export function takePrefetchedRows(runId: string): Promise<RolloutRow[]> | undefined {
  const rows = prefetched.get(runId);
  prefetched.delete(runId);
  return rows;
}
