// Issue 11: core/results had a 6-file import circle (parseResults re-exported importRollout and
// importRun, which imported it back). Every import inside the folder — type-only ones included, since
// they tie the modules' design together just the same — must form no cycle.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FOLDER = join(import.meta.dirname, '../../../src/core/results');
const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s+'\.\/([\w.]+)'/g;

function graph(): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of readdirSync(FOLDER).filter((name) => name.endsWith('.ts'))) {
    const text = readFileSync(join(FOLDER, file), 'utf8');
    const targets = [...text.matchAll(IMPORT)].map((match) => `${match[1] ?? ''}.ts`);
    edges.set(file, [...new Set(targets)]);
  }
  return edges;
}

/** Every cycle's members, found by depth-first search (each cycle reported once per entry point). */
function cycles(edges: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    path.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next]);
      else if (state.get(next) === undefined) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of edges.keys()) if (state.get(node) === undefined) visit(node);
  return found;
}

describe('src/core/results imports', () => {
  it('reads the folder’s imports (the check would pass vacuously otherwise)', () => {
    const edges = graph();
    expect(edges.get('importRollout.ts')).toEqual(
      expect.arrayContaining(['importForeign.ts', 'importNative.ts']),
    );
  });

  it('finds a cycle when there is one', () => {
    const looped = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
    ]);
    expect(cycles(looped)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });

  it('has no import cycle', () => {
    expect(cycles(graph()).map((cycle) => cycle.join(' → '))).toEqual([]);
  });
});
