import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findCycles, importGraph, valueImportsOf } from '../../scripts/importCycles.js';

describe('valueImportsOf', () => {
  it.each([
    ["import { a } from './a';", ['./a']],
    ["import a, { type B } from './a';", ['./a']],
    ["import * as all from '../all';", ['../all']],
    ["import './styles.css';", ['./styles.css']],
    ["export { a } from './a';", ['./a']],
    ["export * from './a';", ['./a']],
    ["import {\n  a,\n  type B,\n} from './multi';", ['./multi']],
    ["import type { A } from './a';", []],
    ["export type { A } from './a';", []],
    ["import { type A, type B } from './a';", []],
    ["import { z } from 'zod';", []],
    ["const page = lazy(() => import('./Page'));", []],
  ])('%s', (source, expected) => {
    expect(valueImportsOf(source)).toEqual(expected);
  });
});

describe('findCycles', () => {
  it('finds each cycle once, and a module importing itself', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(findCycles(graph)).toEqual([['a', 'b', 'c'], ['e']]);
  });

  it('finds none in a tree', () => {
    expect(
      findCycles(
        new Map([
          ['a', ['b', 'c']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toEqual([]);
  });
});

describe('importGraph', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('resolves relative imports to files under src/, so a real cycle is found', () => {
    root = mkdtempSync(join(tmpdir(), 'cycles-'));
    mkdirSync(join(root, 'src', 'core'), { recursive: true });
    writeFileSync(join(root, 'src', 'core', 'index.ts'), "export { run } from './run';\n");
    writeFileSync(join(root, 'src', 'core', 'run.ts'), "import { helper } from '.';\n");
    writeFileSync(join(root, 'src', 'main.tsx'), "import type { X } from './core';\n");
    const graph = importGraph(root);
    expect(graph.get('src/main.tsx')).toEqual([]);
    expect(findCycles(graph)).toEqual([['src/core/index.ts', 'src/core/run.ts']]);
  });
});
