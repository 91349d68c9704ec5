// Types for the ESLint rule module (plain JS, so eslint.config.js can import it without a build).
import type { ESLint } from 'eslint';

export interface PackageManifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  exports?: unknown;
}

export function splitSpecifier(specifier: string): { name: string; subpath: string };
export function isExported(exportsField: unknown, subpath: string): boolean | undefined;
export function importProblem(
  specifier: string,
  options: {
    isAppCode: boolean;
    isTypeOnly: boolean;
    manifest: PackageManifest;
    readManifest: (name: string) => PackageManifest | undefined;
  },
): string | null;
export function declaredImportsPlugin(rootDir: string): ESLint.Plugin;
