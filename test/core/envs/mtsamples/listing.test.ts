import { describe, expect, it } from 'vitest';
import {
  parseGithubListing,
  parseMirrorListing,
} from '../../../../src/core/envs/mtsamples/listing';

describe('parseGithubListing', () => {
  it('keeps .txt files, sorted by code unit', () => {
    const result = parseGithubListing([
      { name: 'b.txt', type: 'file', size: 3, sha: 'x' },
      { name: 'Z.txt', type: 'file', size: 1 },
      { name: 'sub', type: 'dir' },
      { name: 'README.md', type: 'file' },
      { name: 'a.TXT', type: 'file' },
    ]);
    expect(result).toEqual({
      ok: true,
      entries: [
        { name: 'Z.txt', size: 1, sha: undefined },
        { name: 'a.TXT', size: undefined, sha: undefined },
        { name: 'b.txt', size: 3, sha: 'x' },
      ],
    });
  });

  it.each([
    [{ message: 'API rate limit exceeded' }, 'unexpected listing'],
    [[{ name: 'x.md', type: 'file' }], 'no .txt files'],
    [[{ name: 1, type: 'file' }], 'unexpected listing'],
  ])('reports %j', (json, problem) => {
    const result = parseGithubListing(json);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toContain(problem);
  });
});

describe('parseMirrorListing', () => {
  it('keeps the folder’s direct .txt children', () => {
    const result = parseMirrorListing(
      {
        files: [
          { name: '/mtsample_procedure/b.txt', size: 3 },
          { name: '/mtsample_procedure/a & b.txt' },
          { name: '/mtsample_procedure/deeper/c.txt' },
          { name: '/other/d.txt' },
        ],
      },
      'mtsample_procedure',
    );
    expect(result).toEqual({ ok: true, entries: [{ name: 'a & b.txt' }, { name: 'b.txt' }] });
  });
});
