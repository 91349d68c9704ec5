// A stored Hugging Face dataset record for UI tests: a ready MedQA-sized test split unless the
// overrides say otherwise.
import type { DatasetRecord } from '../../src/core/schema/dataset';

export function hfDatasetRecord(overrides: Partial<DatasetRecord>): DatasetRecord {
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
