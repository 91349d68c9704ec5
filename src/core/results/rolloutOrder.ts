// One order for a run's rollouts and one rule for sorting a table of them by a column, shared by the
// Run page's rollouts table and the Results table (#13): before, one sorted Example as the stored
// key's text ("10:0" after "109:0") and the other numerically. Pure.

export type SortValue = number | string | null;
export type SortDirection = 'asc' | 'desc';

export interface RolloutPosition {
  example_id: number;
  rollout_index: number;
}

/**
 * Example, then rollout, as one number. Rollout indices stay far below 1e6 (a run has at most 32 per
 * example; an imported file numbers its own from 0), and example ids below 1e9, so it is exact.
 */
export function rolloutOrderValue(rollout: RolloutPosition): number {
  return rollout.example_id * 1e6 + rollout.rollout_index;
}

/** By example, then rollout, numerically (stored keys are text: "10:0" sorts before "2:0"). */
export function compareRolloutOrder(a: RolloutPosition, b: RolloutPosition): number {
  return rolloutOrderValue(a) - rolloutOrderValue(b);
}

/** A copy in example, then rollout order: the natural order of every rollouts table. */
export function inRolloutOrder<T extends RolloutPosition>(rows: readonly T[]): T[] {
  return [...rows].sort(compareRolloutOrder);
}

/**
 * A copy sorted by `valueOf`: numbers numerically, text as text; rows without a value come last in
 * both directions; ties keep their input order.
 */
export function sortByValue<T>(
  rows: readonly T[],
  valueOf: (row: T) => SortValue,
  direction: SortDirection,
): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  // Read each value once (not once per comparison): 10,000 rows take ~140,000 comparisons.
  const values = rows.map(valueOf);
  const order = rows.map((_, index) => index);
  order.sort((a, b) => {
    const x = values[a] ?? null;
    const y = values[b] ?? null;
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return x < y ? -sign : x > y ? sign : 0;
  });
  return order.map((index) => rows[index] as T);
}
