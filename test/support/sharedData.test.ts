import { afterEach, describe, expect, it, vi } from 'vitest';
import { requireShared } from './sharedData';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('requireShared', () => {
  it('fails in CI when a path under ../shared is missing, saying what and why', () => {
    expect(() => requireShared('no/such/data', { CI: 'true' })).toThrow(
      /no\/such\/data is missing, and CI must run every test/,
    );
  });

  it('skips with a notice outside CI', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(requireShared('no/such/data', {})).toBeNull();
    expect(requireShared('no/such/data', { CI: 'false' })).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/not found .* skipped/));
  });
});
