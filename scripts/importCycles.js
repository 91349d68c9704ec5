// Import cycles in src/ (issue 11), checked by `npm run lint`: in a cycle, module evaluation order
// decides what is initialised when, and layers stop being layers. Edges are the static imports and
// re-exports that carry values; `import type` / `export type` (erased) and dynamic import() (lazy)
// are not edges. Run: `node scripts/importCycles.js` (exit 1 and each cycle named when any exists).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

/**
 * Cycles tolerated for now, each with who is removing it. A cycle whose every file sits under one of
 * these folders passes; list none when there are none.
 */
const ALLOWED_UNDER = [];

const STATEMENT =
  /^[ \t]*(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|^[ \t]*import\s*['"]([^'"]+)['"]/gm;
const SOURCE = /\.(?:ts|tsx)$/;

/** The relative specifiers a module imports values from (type-only imports and re-exports left out). */
export function valueImportsOf(source) {
  const found = [];
  for (const match of source.matchAll(STATEMENT)) {
    const sideEffect = match[4];
    if (sideEffect !== undefined) {
      found.push(sideEffect);
      continue;
    }
    const [, typeOnly, clause = '', specifier = ''] = match;
    if (typeOnly !== undefined) continue;
    const braces = /\{([^}]*)\}/.exec(clause);
    const outside = braces === null ? clause : clause.replace(braces[0], '');
    const names =
      braces === null
        ? []
        : braces[1]
            .split(',')
            .map((n) => n.trim())
            .filter(Boolean);
    const hasValue =
      /[A-Za-z_$*]/.test(outside.replace(/,/g, '')) || names.some((n) => !n.startsWith('type '));
    if (hasValue) found.push(specifier);
  }
  return found.filter((specifier) => specifier.startsWith('.'));
}

function resolveModule(fromFile, specifier) {
  const base = resolve(dirname(fromFile), specifier).replace(/\.js$/, '');
  const candidates = [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ];
  return candidates.find(
    (file) => SOURCE.test(file) && existsSync(file) && statSync(file).isFile(),
  );
}

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Strongly connected components with more than one module (or a module importing itself). */
export function findCycles(graph) {
  let index = 0;
  const indexOf = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const visit = (node) => {
    indexOf.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indexOf.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), indexOf.get(next)));
      }
    }
    if (low.get(node) !== indexOf.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) {
      cycles.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!indexOf.has(node)) visit(node);
  return cycles;
}

export function importGraph(root) {
  const graph = new Map();
  for (const file of sourceFiles(join(root, 'src'))) {
    const targets = valueImportsOf(readFileSync(file, 'utf8'))
      .map((specifier) => resolveModule(file, specifier))
      .filter((target) => target !== undefined)
      .map((target) => relative(root, target));
    graph.set(relative(root, file), [...new Set(targets)]);
  }
  return graph;
}

function isAllowed(cycle) {
  return ALLOWED_UNDER.some((folder) => cycle.every((file) => file.startsWith(folder)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const cycles = findCycles(importGraph(root)).filter((cycle) => !isAllowed(cycle));
  for (const cycle of cycles) console.error(`import cycle: ${cycle.join(' ↔ ')}`);
  if (cycles.length > 0) {
    console.error(
      `${cycles.length} import cycle(s) in src/; break them (see scripts/importCycles.js).`,
    );
    process.exit(1);
  }
}
