import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosaver, type AutosaveStatus } from '../../src/core/autosaver';

/** A save whose calls are recorded and which can be made to fail or to hang until released. */
function recorder() {
  const saved: string[] = [];
  const pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  let mode: 'ok' | 'fail' | 'hold' = 'ok';
  const save = (value: string): Promise<void> => {
    saved.push(value);
    if (mode === 'fail') return Promise.reject(new Error('disk full'));
    if (mode === 'hold') {
      return new Promise<void>((resolve, reject) => pending.push({ resolve, reject }));
    }
    return Promise.resolve();
  };
  return {
    saved,
    pending,
    save,
    setMode: (next: typeof mode) => (mode = next),
  };
}

function setup(rec = recorder()) {
  const statuses: AutosaveStatus[] = [];
  const saver = createAutosaver<string>({
    save: rec.save,
    delayMs: 400,
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    onStatus: (status) => statuses.push(status),
  });
  return { rec, saver, statuses };
}

describe('createAutosaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('coalesces keystrokes into one save of the newest value after the delay', async () => {
    const { rec, saver } = setup();
    saver.update('h');
    await vi.advanceTimersByTimeAsync(300);
    saver.update('he');
    await vi.advanceTimersByTimeAsync(300);
    saver.update('hey');
    expect(rec.saved).toEqual([]);
    expect(saver.status()).toEqual({ state: 'pending' });
    await vi.advanceTimersByTimeAsync(399);
    expect(rec.saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(rec.saved).toEqual(['hey']);
    expect(saver.status()).toEqual({ state: 'saved' });
  });

  it('flush sends the waiting value at once, and the timer does not send it again', async () => {
    const { rec, saver } = setup();
    saver.update('typed');
    await saver.flush();
    expect(rec.saved).toEqual(['typed']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(rec.saved).toEqual(['typed']);
    await saver.flush();
    expect(rec.saved).toEqual(['typed']);
  });

  it('reports a failure and retries with the newest value on the next change', async () => {
    const { rec, saver, statuses } = setup();
    rec.setMode('fail');
    saver.update('a');
    await vi.advanceTimersByTimeAsync(400);
    expect(saver.status()).toEqual({ state: 'failed', reason: 'disk full' });
    rec.setMode('ok');
    saver.update('ab');
    await vi.advanceTimersByTimeAsync(400);
    expect(rec.saved).toEqual(['a', 'ab']);
    expect(saver.status()).toEqual({ state: 'saved' });
    expect(statuses.map((s) => s.state)).toEqual([
      'pending',
      'saving',
      'failed',
      'pending',
      'saving',
      'saved',
    ]);
  });

  it('retry saves the failed value again', async () => {
    const { rec, saver } = setup();
    rec.setMode('fail');
    saver.update('note');
    await saver.flush();
    rec.setMode('ok');
    await saver.retry();
    expect(rec.saved).toEqual(['note', 'note']);
    expect(saver.status()).toEqual({ state: 'saved' });
    await saver.retry();
    expect(rec.saved).toEqual(['note', 'note']);
  });

  it('runs saves one at a time, in order, and stays "saving" while a newer one is queued', async () => {
    const { rec, saver } = setup();
    rec.setMode('hold');
    saver.update('first');
    void saver.flush();
    saver.update('second');
    const done = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    // The second save waits for the first.
    expect(rec.saved).toEqual(['first']);
    rec.pending[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(rec.saved).toEqual(['first', 'second']);
    expect(saver.status()).toEqual({ state: 'saving' });
    rec.pending[1]!.resolve();
    await done;
    expect(saver.status()).toEqual({ state: 'saved' });
  });

  it('does not save after dispose, but a save already flushed completes', async () => {
    const { rec, saver, statuses } = setup();
    saver.update('kept');
    const flushed = saver.flush();
    saver.update('dropped');
    saver.dispose();
    await flushed;
    await vi.advanceTimersByTimeAsync(1000);
    saver.update('after');
    await saver.flush();
    await vi.advanceTimersByTimeAsync(1000);
    expect(rec.saved).toEqual(['kept']);
    // No status is reported to a disposed owner.
    expect(statuses.map((s) => s.state)).toEqual(['pending', 'saving', 'pending']);
  });
});
