import { describe, expect, it } from 'vitest';
import type { EnvVariant } from '../../../src/core/envs/types';
import type { DatasetRecord } from '../../../src/core/schema/dataset';
import {
  revisionProblem,
  variantRequest,
} from '../../../src/ui/components/benchmarks/benchmarkRequest';
import { variantState } from '../../../src/ui/components/benchmarks/variantState';
import { extraFields } from '../../../src/ui/components/benchmarks/examplePayload';
import { hfDatasetRecord } from '../../support/datasetRecord';

const VARIANT: EnvVariant = {
  id: 'test',
  label: 'Test split',
  description: 'd',
  expectedRows: 1273,
  revision: 'refs/convert/parquet',
  parts: [],
};

function record(overrides: Partial<DatasetRecord>): DatasetRecord {
  return hfDatasetRecord({
    id: 'hf:medqa/test@refs/convert/parquet',
    label: 'MedQA — Test split',
    origin: { kind: 'huggingface', variant: 'test', datasets: ['x/y'], revision: 'r' },
    status: 'fetching',
    filesDone: 300,
    exampleCount: 0,
    ...overrides,
  });
}

describe('variantRequest', () => {
  it.each([
    ['', undefined, 'hf:medqa/test@refs/convert/parquet'],
    ['  ', undefined, 'hf:medqa/test@refs/convert/parquet'],
    [' ABCDEF1 ', 'ABCDEF1', 'hf:medqa/test@ABCDEF1'],
    ['not a hash', undefined, 'hf:medqa/test@refs/convert/parquet'],
  ])('override %j sends revision %j into %s', (override, revision, datasetId) => {
    const request = variantRequest('medqa', VARIANT, override);
    expect(request.revision).toBe(revision);
    expect(request.datasetId).toBe(datasetId);
    expect('revision' in request).toBe(revision !== undefined);
  });

  it.each([
    ['', true],
    ['abc1234', true],
    ['a'.repeat(40), true],
    ['abc12', false],
    ['a'.repeat(41), false],
    ['main', false],
  ])('revision %j is usable: %s', (value, isUsable) => {
    expect(revisionProblem(value) === null).toBe(isUsable);
  });
});

describe('variantState', () => {
  it('is absent with no record and no load', () => {
    expect(variantState(undefined, false, 10)).toEqual({ kind: 'absent' });
  });
  it('shows the expected rows before the worker writes the record', () => {
    expect(variantState(undefined, true, 10)).toEqual({ kind: 'loading', done: 0, total: 10 });
  });
  it('reads progress from the record while loading here', () => {
    expect(variantState(record({}), true, 10)).toEqual({ kind: 'loading', done: 300, total: 1273 });
  });
  it('calls a fetching record with no load here interrupted', () => {
    expect(variantState(record({}), false, 10)).toEqual({
      kind: 'failed',
      reason: 'interrupted',
      error: null,
    });
  });
  it('calls a fetching record whose load failed here stopped by an error (a full disk refused to store why)', () => {
    expect(variantState(record({}), false, 10, true)).toEqual({
      kind: 'failed',
      reason: 'error',
      error: null,
    });
    expect(variantState(record({ status: 'ready' }), false, 10, true).kind).toBe('ready');
  });
  it('says cancelled without an error', () => {
    expect(variantState(record({ status: 'cancelled' }), false, 10)).toEqual({
      kind: 'failed',
      reason: 'cancelled',
      error: null,
    });
  });
  it('carries the stored error', () => {
    const error = { kind: 'network', message: 'offline', nextStep: 'retry' };
    expect(variantState(record({ status: 'error', error }), false, 10)).toEqual({
      kind: 'failed',
      reason: 'error',
      error,
    });
  });
  it('is ready with its record', () => {
    const ready = record({ status: 'ready' });
    expect(variantState(ready, false, 10)).toEqual({ kind: 'ready', record: ready });
  });
});

describe('extraFields', () => {
  it('lists plain fields other than the known ones, with readable names where known', () => {
    const raw = { options: [], gold: 'A', inTestSubset: true, exp: 'Why', n: 3, empty: ' ', o: {} };
    expect(extraFields(raw, new Set(['options', 'gold']))).toEqual([
      ['In the official 500-question test subset', 'yes'],
      ['exp', 'Why'],
      ['n', '3'],
    ]);
  });
  it.each([null, 'text', 3])('reads nothing from %j', (raw) => {
    expect(extraFields(raw, new Set())).toEqual([]);
  });
});
