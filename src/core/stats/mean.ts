// The arithmetic mean, once for all of core (issue 11: it was written six times). Sums left to right
// from 0, as every copy did, so results are unchanged to the last bit.

/** The mean of `values`, or null when there are none. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}
