import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SOURCE_SETTINGS,
  MTSAMPLES_COMMIT,
  sourceOverridesFromParams,
} from '../../../src/core/schema/sourceSettings';
import { listingUrl, mirrorFileUrl, rawFileUrl } from '../../../src/core/envs/mtsamples/sourceUrls';

describe('source settings', () => {
  it('defaults to the pinned commit and public hosts', () => {
    expect(DEFAULT_SOURCE_SETTINGS.commit).toBe(MTSAMPLES_COMMIT);
    expect(listingUrl(DEFAULT_SOURCE_SETTINGS)).toBe(
      `https://api.github.com/repos/raulista1997/benchmarkdata/contents/mtsample_procedure?ref=${MTSAMPLES_COMMIT}`,
    );
  });

  it.each([
    ['Hernia Repair & Mesh #2.txt', 'Hernia%20Repair%20%26%20Mesh%20%232.txt'],
    ["Surgeon's Note (Left), 3.txt", "Surgeon's%20Note%20(Left)%2C%203.txt"],
  ])('encodes %s as one path segment', (name, encoded) => {
    expect(rawFileUrl(DEFAULT_SOURCE_SETTINGS, name)).toBe(
      `https://raw.githubusercontent.com/raulista1997/benchmarkdata/${MTSAMPLES_COMMIT}/mtsample_procedure/${encoded}`,
    );
    expect(mirrorFileUrl(DEFAULT_SOURCE_SETTINGS, name)).toBe(
      `https://cdn.jsdelivr.net/gh/raulista1997/benchmarkdata@${MTSAMPLES_COMMIT}/mtsample_procedure/${encoded}`,
    );
  });

  it('reads overrides from link parameters, trimming trailing slashes', () => {
    const result = sourceOverridesFromParams(
      new URLSearchParams('raw=http://127.0.0.1:9000/raw/&mirror=https://mirror.example/gh&x=1'),
    );
    expect(result).toEqual({
      ok: true,
      overrides: { rawBase: 'http://127.0.0.1:9000/raw', mirrorBase: 'https://mirror.example/gh' },
      keys: ['raw', 'mirror'],
    });
  });

  it.each([
    ['raw=javascript:alert(1)', 'rawBase'],
    ['raw=ftp://example.com', 'rawBase'],
    ['commit=main', 'commit'],
    ['repo=../../etc', 'repo'],
  ])('rejects the whole set when %s is invalid', (query, field) => {
    const result = sourceOverridesFromParams(
      new URLSearchParams(`mirror=https://ok.example&${query}`),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join()).toContain(field);
  });

  it('returns no overrides when the link has none', () => {
    expect(sourceOverridesFromParams(new URLSearchParams('foo=bar'))).toEqual({
      ok: true,
      overrides: {},
      keys: [],
    });
  });
});
