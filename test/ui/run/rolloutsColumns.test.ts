// The Run page's rollouts table and the Results table sort a run's rollouts the same way (#13).
import { describe, expect, it } from 'vitest';
import { sortRows } from '../../../src/core/results/resultsQuery';
import { toRolloutRow } from '../../../src/core/results/rolloutRow';
import type { RolloutRecord } from '../../../src/core/schema/run';
import { toRunTableRow } from '../../../src/core/runOverview';
import { rolloutColumnSpecs, sortRollouts } from '../../../src/ui/components/run/rolloutsColumns';
import { sampleRollouts } from '../../core/results/sampleRun';

/** The sample run's rollouts renumbered so text order and number order differ (2, 10, 100, 101, 11). */
const ROLLOUTS: RolloutRecord[] = [100, 2, 11, 10, 101].flatMap((exampleId, i) =>
  sampleRollouts.slice(0, 2).map((rollout, index) => ({
    ...rollout,
    example_id: exampleId,
    rollout_index: index,
    key: `${exampleId}:${index}`,
    score: rollout.score === undefined ? undefined : { ...rollout.score, reward: (i % 3) / 3 },
  })),
);
const stored = [...ROLLOUTS].sort((a, b) => (a.key < b.key ? -1 : 1));
const tableRows = stored.map(toRunTableRow);
const specs = rolloutColumnSpecs(2);
const keys = (rollouts: readonly { key: string }[]) => rollouts.map((r) => r.key);

describe('the Run page’s rollouts table', () => {
  it('shows rollouts by example number, then rollout, before any sort', () => {
    expect(keys(stored)).toContain('100:0'); // stored (text) order starts "10:0", "10:1", "100:0"…
    expect(keys(sortRollouts(tableRows, specs, undefined))).toEqual([
      '2:0',
      '2:1',
      '10:0',
      '10:1',
      '11:0',
      '11:1',
      '100:0',
      '100:1',
      '101:0',
      '101:1',
    ]);
  });

  it.each([
    ['example', 'example', false],
    ['example', 'example', true],
    ['reward', 'reward', false],
    ['reward', 'reward', true],
    ['section', 'section', true],
    ['status', 'status', false],
    ['judge0', 'judge0', true],
  ])('sorts by %s like the Results table sorts by %s (desc: %s)', (id, column, desc) => {
    const results = sortRows(
      sortRows(stored.map(toRolloutRow), { column: 'example', direction: 'asc' }),
      { column, direction: desc ? 'desc' : 'asc' },
    );
    expect(keys(sortRollouts(tableRows, specs, { id, desc }))).toEqual(keys(results));
  });
});
