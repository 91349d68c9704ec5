/**
 * Sorts strings by UTF-16 code unit (plain `<`), which is git's tree order and the order GitHub's
 * listing returns. Never `localeCompare`: example ids must not depend on the user's locale (spec §1).
 */
export function compareByCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortByCodeUnit(values: Iterable<string>): string[] {
  return [...values].sort(compareByCodeUnit);
}
