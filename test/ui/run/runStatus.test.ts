import { describe, expect, it } from 'vitest';
import { runIdsOfLocks, runLockName } from '../../../src/core/runLock';
import { AppError } from '../../../src/core/errors';
import { stopReason } from '../../../src/ui/components/run/RunBanners';
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

describe('a run that failed in this tab with its stop unrecorded (a full disk)', () => {
  const full = new AppError('storage_quota', 'Storage is full.', { nextStep: 'Free space.' });

  it('is stopped, not interrupted, and its banner gives the failure as the reason', () => {
    expect(displayStatus(running, ids(), ids(), true)).toBe('stopped');
    expect(stopReason({}, 'stopped', full)).toEqual({
      kind: 'storage_quota',
      message: 'Storage is full.',
      nextStep: 'Free space.',
    });
  });

  it('keeps what it showed otherwise', () => {
    expect(displayStatus(running, ids('r1'), ids(), true)).toBe('running');
    expect(displayStatus({ id: 'r1', status: 'paused' }, ids(), ids(), true)).toBe('paused');
    expect(displayStatus(running, ids(), ids(), false)).toBe('interrupted');
    const stored = { kind: 'auth', message: 'Bad key.' };
    expect(stopReason({ stopError: stored }, 'stopped', full)).toBe(stored);
    expect(stopReason({}, 'interrupted', full)).toBeUndefined();
  });
});

describe('run locks', () => {
  it('reads run ids back from held lock names, ignoring other locks', () => {
    expect(runIdsOfLocks([runLockName('a:b'), 'other', undefined, runLockName('c')])).toEqual(
      ids('a:b', 'c'),
    );
  });
});
