import type { ExampleSelection } from '../../schema/run';
import { mulberry32 } from '../../stats/bootstrap';

/**
 * Which examples a run uses, by example_id (spec §6): the first n (the reference CLI's `-n`), all,
 * or a seeded shuffle of n. The shuffle is a Fisher–Yates with a seeded PRNG, so a seed always picks
 * the same examples in the same order.
 */
export function selectExamples(
  exampleIds: readonly number[],
  selection: ExampleSelection,
): number[] {
  const sorted = [...exampleIds].sort((a, b) => a - b);
  if (selection.mode === 'all') return sorted;
  if (selection.mode === 'first') return sorted.slice(0, selection.n);
  const random = mulberry32(selection.seed);
  for (let i = sorted.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [sorted[i], sorted[j]] = [sorted[j] as number, sorted[i] as number];
  }
  return sorted.slice(0, selection.n);
}
