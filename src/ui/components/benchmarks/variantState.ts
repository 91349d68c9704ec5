import type { DatasetRecord, StoredError } from '../../../core/schema/dataset';

/** What a benchmark variant's card shows, from its dataset record and whether a load runs here. */
export type VariantState =
  | { kind: 'absent' }
  | { kind: 'loading'; done: number; total: number }
  | { kind: 'failed'; reason: 'error' | 'cancelled' | 'interrupted'; error: StoredError | null }
  | { kind: 'ready'; record: DatasetRecord };

/**
 * `failedHere`: the last load of it in this tab failed. Its record may still say it is fetching (a
 * full disk can refuse the write of the failure too): that load stopped with an error, it was not
 * interrupted.
 */
export function variantState(
  record: DatasetRecord | undefined,
  isRunning: boolean,
  expectedRows: number | null,
  failedHere = false,
): VariantState {
  if (isRunning) {
    return {
      kind: 'loading',
      done: record?.filesDone ?? 0,
      total: record?.filesTotal ?? expectedRows ?? 0,
    };
  }
  if (record === undefined) return { kind: 'absent' };
  switch (record.status) {
    case 'ready':
      return { kind: 'ready', record };
    case 'error':
      return { kind: 'failed', reason: 'error', error: record.error ?? null };
    case 'cancelled':
      return { kind: 'failed', reason: 'cancelled', error: null };
    default:
      // Still "fetching" with no load running in this tab: the page was closed or reloaded mid-load,
      // unless the load here failed and could not store why.
      return { kind: 'failed', reason: failedHere ? 'error' : 'interrupted', error: null };
  }
}
