import { describe, expect, it } from 'vitest';
import { runIdsOfLocks, runLockName } from '../../../src/core/runLock';
import { displayStatus } from '../../../src/ui/components/run/runStatus';

const running = { id: 'r1', status: 'running' as const };
const ids = (...list: string[]) => new Set(list);

describe('displayStatus (#10: a run live in another tab is not interrupted)', () => {
  it.each([
    ['running here', running, ids('r1'), ids('r1'), 'running'],
    ['held by another tab', running, ids(), ids('r1'), 'elsewhere'],
    ['held by nobody', running, ids(), ids(), 'interrupted'],
    ['another run held', running, ids('r2'), ids('r2'), 'interrupted'],
    ['this tab not asked yet', running, null, ids('r1'), 'running'],
    ['locks not asked yet', running, ids(), null, 'running'],
    ['stored as done', { id: 'r1', status: 'done' as const }, ids(), ids('r1'), 'done'],
  ] as const)('%s', (_name, run, here, elsewhere, expected) => {
    expect(displayStatus(run, here, elsewhere)).toBe(expected);
  });
});

describe('run locks', () => {
  it('reads run ids back from held lock names, ignoring other locks', () => {
    expect(runIdsOfLocks([runLockName('a:b'), 'other', undefined, runLockName('c')])).toEqual(
      ids('a:b', 'c'),
    );
  });
});
