// Types for the import-cycle check (plain JS, so `npm run lint` runs it without a build).
export function valueImportsOf(source: string): string[];
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][];
export function importGraph(root: string): Map<string, string[]>;
