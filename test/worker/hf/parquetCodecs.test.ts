// Every Parquet codec the worker claims to read, read through the worker's own decompressor table:
// this is what keeps the pinned deep imports of hyparquet-compressors honest (a file renamed or
// moved in another version fails here, not in a user's browser). Issue 11.
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { PARQUET_COMPRESSORS } from '../../../src/worker/hf/parquetRows';
import packageJson from '../../../package.json' with { type: 'json' };
import { chatParquet, chatRow, type FixtureCodec } from '../../support/parquetFixtures';

const CODECS: FixtureCodec[] = [
  'UNCOMPRESSED',
  'SNAPPY',
  'GZIP',
  'BROTLI',
  'ZSTD',
  'LZ4',
  'LZ4_RAW',
];
const ROWS = 300;

describe('Parquet codecs in the worker', () => {
  it.each(CODECS)('reads a %s file, every row', async (codec) => {
    const bytes = chatParquet(ROWS, { codec, rowGroupSize: 100 });
    const written = parquetMetadata(bytes.slice().buffer).row_groups[0]?.columns[0]?.meta_data;
    expect(written?.codec).toBe(codec);
    const rows = await parquetReadObjects({
      file: bytes.slice().buffer,
      compressors: PARQUET_COMPRESSORS,
    });
    expect(rows).toHaveLength(ROWS);
    expect(rows[ROWS - 1]).toEqual(chatRow(ROWS - 1));
  });

  it('decodes an LZ4 block with a back-reference, not only literals', () => {
    // "abc", then copy 12 bytes from 3 back, then the literal "x": "abcabcabcabcabcx".
    const block = new Uint8Array([0x38, 0x61, 0x62, 0x63, 0x03, 0x00, 0x10, 0x78]);
    const decoded = PARQUET_COMPRESSORS.LZ4_RAW?.(block, 16);
    expect(new TextDecoder().decode(decoded)).toBe('abcabcabcabcabcx');
  });

  it('imports hyparquet-compressors internals only at the exact version they were checked with', () => {
    expect(packageJson.dependencies['hyparquet-compressors']).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
