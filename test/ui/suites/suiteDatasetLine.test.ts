import { describe, expect, it } from 'vitest';
import type { DatasetRecord } from '../../../src/core/schema/dataset';
import { suiteDatasetLine } from '../../../src/ui/components/suites/suiteDatasetLine';

const NEED = { expectedRows: 1273 };
const FAILED = 'Loading the Parquet file list of "x/y" failed: not found (HTTP 404).';

function record(overrides: Partial<DatasetRecord>): DatasetRecord {
  return {
    schemaVersion: 1,
    id: 'hf:medqa/test@c',
    envId: 'medqa',
    label: 'MedQA — Test',
    origin: { kind: 'huggingface', variant: 'test', datasets: ['x/y'], revision: 'c' },
    rulesVersion: 1,
    inputCut: 'helm',
    status: 'ready',
    filesTotal: 1273,
    filesDone: 1273,
    filesFromMirror: 0,
    exampleCount: 1273,
    skippedCount: 0,
    sectionCounts: {},
    bytes: 0,
    createdAt: 0,
    updatedAt: 0,
    ...overrides,
  };
}

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
