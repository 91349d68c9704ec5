// What the suite page says about one dataset a suite needs. Pure.
import type { DatasetRecord } from '../../../core/schema/dataset';
import type { DatasetNeed } from '../../../core/suites/suitePlan';

/**
 * One dataset's line: its state, and the error of the last load call when it says something the
 * record does not (a failed load stores its message on the record too: said once, not twice).
 */
export function suiteDatasetLine(
  need: Pick<DatasetNeed, 'expectedRows'>,
  record: DatasetRecord | undefined,
  isRunning: boolean,
  callError: string | null,
): { status: string; callError: string | null } {
  const status =
    record?.status === 'ready'
      ? `ready (${record.exampleCount.toLocaleString('en')} examples)`
      : isRunning
        ? `loading ${record?.filesDone ?? 0} of ${need.expectedRows ?? '?'} rows…`
        : record?.status === 'error'
          ? `failed: ${record.error?.message ?? 'unknown error'}`
          : (record?.status ?? 'not loaded');
  const isSaid = record?.status === 'error' && record.error?.message === callError;
  return { status, callError: isSaid ? null : callError };
}
