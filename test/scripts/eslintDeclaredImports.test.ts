import { describe, expect, it } from 'vitest';
import { importProblem, isExported, splitSpecifier } from '../../scripts/eslintDeclaredImports.js';

const manifest = {
  dependencies: { react: '^19.0.0', pinned: '1.1.2', '@scope/lib': '^2.0.0' },
  devDependencies: { vitest: '~4.1', loose: '^1.0.0' },
};
const installed: Record<string, { exports?: unknown }> = {
  react: { exports: { '.': './index.js', './jsx-runtime': './jsx-runtime.js' } },
  '@scope/lib': { exports: { '.': './index.js', './features/*': './dist/features/*.js' } },
  pinned: {},
  loose: {},
  vitest: { exports: { '.': './index.js', './config': './config.js' } },
};
const problem = (specifier: string, isAppCode = true, isTypeOnly = false) =>
  importProblem(specifier, {
    isAppCode,
    isTypeOnly,
    manifest,
    readManifest: (name: string) => installed[name],
  });

describe('medeval/declared-imports', () => {
  it('splits scoped and plain specifiers', () => {
    expect(splitSpecifier('@scope/lib/features/a')).toEqual({
      name: '@scope/lib',
      subpath: 'features/a',
    });
    expect(splitSpecifier('react')).toEqual({ name: 'react', subpath: '' });
  });

  it('reads exports maps: subpath keys, patterns, and a bare string for the root only', () => {
    expect(isExported({ '.': 'x', './a': 'y' }, 'a')).toBe(true);
    expect(isExported({ '.': 'x' }, 'a')).toBe(false);
    expect(isExported({ './f/*': 'y' }, 'f/deep/z')).toBe(true);
    expect(isExported('./index.js', '')).toBe(true);
    expect(isExported('./index.js', 'a')).toBe(false);
    expect(isExported(undefined, 'a')).toBeUndefined();
  });

  it('accepts declared packages, their published entry points, built-ins and relative paths', () => {
    for (const specifier of [
      'react',
      'react/jsx-runtime',
      '@scope/lib/features/x',
      'pinned/src/internal.js',
      'node:fs',
      'fs',
      './local',
    ]) {
      expect(problem(specifier), specifier).toBeNull();
    }
    expect(problem('vitest/config', false)).toBeNull();
  });

  it('refuses an undeclared package', () => {
    expect(problem('fzstd')).toMatch(/'fzstd' is imported but not declared/);
    expect(problem('@other/x/y', false)).toMatch(/'@other\/x' is imported but not declared/);
  });

  it('refuses a devDependency in app code, unless only its types are imported', () => {
    expect(problem('vitest')).toMatch(/devDependency/);
    expect(problem('vitest', true, true)).toBeNull();
    expect(problem('vitest', false)).toBeNull();
  });

  it('refuses internals a package does not publish, and unpinned reaches into packages without exports', () => {
    expect(problem('react/cjs/react.development.js')).toMatch(/not an entry point/);
    expect(problem('loose/src/a.js', false)).toMatch(/pin 'loose' to an exact version/);
    expect(
      importProblem('vitest/anything', {
        isAppCode: false,
        isTypeOnly: false,
        manifest,
        readManifest: () => undefined,
      }),
    ).toBeNull(); // not installed: only the declaration can be checked
  });
});
