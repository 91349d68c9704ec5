import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/errors';
import {
  DEFAULT_RESULTS_ZIP_LIMITS,
  bundleRunZip,
  readResultsZip,
} from '../../../src/worker/results/zipBundle';

const RESULTS = '{"example_id": 0, "prompt": [], "completion": [], "reward": 0.8}\n';
const METADATA = '{"env_id": "mtsamples_procedures", "model": "caf\u00e9"}';

function zipOf(entries: Record<string, string | Uint8Array>): Uint8Array {
  const tree = Object.fromEntries(
    Object.entries(entries).map(([path, data]) => [
      path,
      typeof data === 'string' ? strToU8(data) : data,
    ]),
  );
  return zipSync(tree);
}

function failure(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('bundleRunZip', () => {
  it('packs files under their folder and reads back as written', () => {
    const folder = 'outputs/evals/mtsamples_procedures--gpt-4o-mini/0a1b2c3d/';
    const bytes = bundleRunZip([
      { path: `${folder}results.jsonl`, text: RESULTS },
      { path: `${folder}metadata.json`, text: METADATA },
      { path: `${folder}results.csv`, text: '\uFEFFexample_id\r\n0\r\n' },
    ]);
    expect(Object.keys(unzipSync(bytes)).sort()).toEqual([
      `${folder}metadata.json`,
      `${folder}results.csv`,
      `${folder}results.jsonl`,
    ]);
    expect(readResultsZip(bytes)).toEqual({ resultsJsonl: RESULTS, metadataJson: METADATA });
  });

  it.each(['/abs/results.jsonl', 'a/../results.jsonl', 'a//b.json', './x.json', ''])(
    'refuses the entry path %j',
    (path) => {
      expect(failure(() => bundleRunZip([{ path, text: 'x' }])).kind).toBe('bad_request');
    },
  );

  it('refuses a path listed twice', () => {
    const twice = [
      { path: 'a.json', text: '1' },
      { path: 'a.json', text: '2' },
    ];
    expect(failure(() => bundleRunZip(twice)).message).toContain('listed twice');
  });
});

describe('readResultsZip', () => {
  it.each([
    ['at the top level', { 'results.jsonl': RESULTS, 'metadata.json': METADATA }],
    [
      'deep in folders',
      {
        'x/outputs/evals/m--n/abcd1234/results.jsonl': RESULTS,
        'x/outputs/evals/m--n/abcd1234/metadata.json': METADATA,
      },
    ],
  ])('finds results.jsonl and metadata.json %s', (_, entries) => {
    expect(readResultsZip(zipOf(entries))).toEqual({
      resultsJsonl: RESULTS,
      metadataJson: METADATA,
    });
  });

  it('reads results without metadata, ignoring a metadata.json in another folder and macOS forks', () => {
    const bytes = zipOf({
      'run/results.jsonl': RESULTS,
      'other/metadata.json': METADATA,
      '__MACOSX/run/results.jsonl': 'fork',
    });
    expect(readResultsZip(bytes)).toEqual({ resultsJsonl: RESULTS, metadataJson: null });
  });

  it.each([
    ['no results.jsonl', zipOf({ 'metadata.json': METADATA }), 'holds no results.jsonl'],
    [
      'two results folders',
      zipOf({ 'a/results.jsonl': RESULTS, 'b/results.jsonl': RESULTS }),
      'several results folders (a/results.jsonl, b/results.jsonl)',
    ],
    ['not a zip', strToU8('PK? not really'), 'could not be read as a .zip'],
    [
      'text that is not UTF-8',
      zipOf({ 'results.jsonl': new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }),
      'is not UTF-8 text',
    ],
  ])('refuses %s with a dataset_format error', (_, bytes, message) => {
    const error = failure(() => readResultsZip(bytes));
    expect(error.kind).toBe('dataset_format');
    expect(error.message).toContain(message);
    expect(error.nextStep).toContain('nothing was stored');
  });

  it.each([
    ['the archive', { maxArchiveBytes: 64 }, 'The .zip is larger than 64 bytes.'],
    [
      'results.jsonl',
      { maxResultsBytes: 10 },
      `"results.jsonl" is ${RESULTS.length} bytes uncompressed; at most 10 bytes can be imported.`,
    ],
    [
      'metadata.json',
      { maxMetadataBytes: 10 },
      `"metadata.json" is ${METADATA.length + 1} bytes uncompressed; at most 10 bytes can be imported.`,
    ],
    ['the entry count', { maxEntries: 1 }, 'The .zip has more than 1 entries.'],
  ])('guards the size of %s before inflating', (_, limits, message) => {
    const bytes = zipOf({ 'results.jsonl': RESULTS, 'metadata.json': METADATA });
    const error = failure(() =>
      readResultsZip(bytes, { ...DEFAULT_RESULTS_ZIP_LIMITS, ...limits }),
    );
    expect(error.message).toBe(message);
  });
});
