import { describe, expect, it } from 'vitest';
import { suiteDatasetLine } from '../../../src/ui/components/suites/suiteDatasetLine';
import { hfDatasetRecord } from '../../support/datasetRecord';

const NEED = { expectedRows: 1273 };
const FAILED = 'Loading the Parquet file list of "x/y" failed: not found (HTTP 404).';

const record = hfDatasetRecord;

describe('a suite dataset line', () => {
  it('says a failed load once: the stored failure, not the same message again', () => {
    const failed = record({ status: 'error', error: { kind: 'not_found', message: FAILED } });
    expect(suiteDatasetLine(NEED, failed, false, FAILED)).toEqual({
      status: `failed: ${FAILED}`,
      callError: null,
    });
  });

  it('keeps a call error the record does not say', () => {
    expect(suiteDatasetLine(NEED, undefined, false, 'The worker stopped.')).toEqual({
      status: 'not loaded',
      callError: 'The worker stopped.',
    });
    const failed = record({ status: 'error', error: { kind: 'not_found', message: FAILED } });
    expect(suiteDatasetLine(NEED, failed, false, 'Cancelled.').callError).toBe('Cancelled.');
  });

  it('shows progress while loading and the count when ready', () => {
    const loading = record({ status: 'fetching', filesDone: 12 });
    expect(suiteDatasetLine(NEED, loading, true, null).status).toBe('loading 12 of 1273 rows…');
    expect(suiteDatasetLine(NEED, record({}), false, null).status).toBe('ready (1,273 examples)');
  });
});
