// ESLint rule `medeval/declared-imports` (issue 11): every package the code imports is declared in
// package.json — app code (src/) in `dependencies`, everything else in either list — and only through
// the entry points the package publishes (its `exports` map). A path into a package without an
// `exports` map is allowed only when package.json pins that package to one exact version, so the
// files we reach into cannot move under us (the import must also be covered by a test).
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';

const BUILTINS = new Set(builtinModules);
const EXACT_VERSION = /^\d+\.\d+\.\d+$/;

/** `@scope/name/sub/path` → { name: '@scope/name', subpath: 'sub/path' }. */
export function splitSpecifier(specifier) {
  const parts = specifier.split('/');
  const size = specifier.startsWith('@') ? 2 : 1;
  return { name: parts.slice(0, size).join('/'), subpath: parts.slice(size).join('/') };
}

/** Whether an `exports` map (string, conditions or subpath keys, `*` patterns) exposes `./subpath`. */
export function isExported(exportsField, subpath) {
  if (exportsField === undefined || exportsField === null) return undefined;
  const wanted = subpath === '' ? '.' : `./${subpath}`;
  const keys =
    typeof exportsField === 'object' && !Array.isArray(exportsField)
      ? Object.keys(exportsField).filter((key) => key.startsWith('.'))
      : [];
  if (keys.length === 0) return wanted === '.'; // a string or conditions: the root only
  return keys.some((key) => {
    if (key === wanted) return true;
    const star = key.indexOf('*');
    if (star === -1) return false;
    return wanted.startsWith(key.slice(0, star)) && wanted.endsWith(key.slice(star + 1));
  });
}

/**
 * The problem with importing `specifier` from a file, or null. `isAppCode`: the file ships in the
 * app (src/), so a runtime import must come from `dependencies`.
 */
export function importProblem(specifier, { isAppCode, isTypeOnly, manifest, readManifest }) {
  if (/^(\.|\/|node:|virtual:|data:)/.test(specifier)) return null;
  const { name, subpath } = splitSpecifier(specifier);
  if (BUILTINS.has(name)) return null;
  const dependencies = manifest.dependencies ?? {};
  const devDependencies = manifest.devDependencies ?? {};
  const declared = dependencies[name] ?? devDependencies[name];
  if (declared === undefined) {
    return `'${name}' is imported but not declared in package.json: add it (npm install ${name}).`;
  }
  if (isAppCode && !isTypeOnly && dependencies[name] === undefined) {
    return `'${name}' is a devDependency, but src/ ships in the app: move it to dependencies.`;
  }
  if (subpath === '') return null;
  const installed = readManifest(name);
  if (installed === undefined) return null; // not installed yet: npm install first, then lint
  const exported = isExported(installed.exports, subpath);
  if (exported === true) return null;
  if (exported === false) {
    return `'${specifier}' is not an entry point '${name}' publishes (its exports map): import a public one.`;
  }
  if (!EXACT_VERSION.test(declared)) {
    return `'${specifier}' reaches into '${name}', which has no exports map: pin '${name}' to an exact version in package.json and test the import.`;
  }
  return null;
}

export function declaredImportsPlugin(rootDir) {
  const manifest = JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8'));
  const manifests = new Map();
  const readManifest = (name) => {
    if (!manifests.has(name)) {
      try {
        const path = join(rootDir, 'node_modules', name, 'package.json');
        manifests.set(name, JSON.parse(readFileSync(path, 'utf8')));
      } catch {
        manifests.set(name, undefined); // not installed: the declaration check still runs
      }
    }
    return manifests.get(name);
  };
  const rule = {
    meta: {
      type: 'problem',
      docs: { description: 'Import only declared packages, through their public entry points.' },
      schema: [],
    },
    create(context) {
      const file = relative(rootDir, context.filename);
      const isAppCode = file.startsWith('src/') || file.startsWith(`src\\`);
      const check = (node, source, isTypeOnly) => {
        if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
        const problem = importProblem(source.value, {
          isAppCode,
          isTypeOnly,
          manifest,
          readManifest,
        });
        if (problem !== null) context.report({ node: source, message: problem });
      };
      return {
        ImportDeclaration: (node) => check(node, node.source, node.importKind === 'type'),
        ExportNamedDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
        ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
        ImportExpression: (node) => check(node, node.source, false),
      };
    },
  };
  return { rules: { 'declared-imports': rule } };
}
