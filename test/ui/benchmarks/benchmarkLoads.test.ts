import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/errors';
import { DEFAULT_SOURCE_SETTINGS } from '../../../src/core/schema/sourceSettings';
import { BenchmarkLoads, type BenchmarkWorker } from '../../../src/ui/hooks/useBenchmarkLoad';

interface Call {
  method: string;
  args: unknown[];
  settle: (error?: AppError) => void;
}

// The worker as the loads use it: each call settles when the test says so.
function fakeWorker() {
  const calls: Call[] = [];
  const pending = <T>(method: string, args: unknown[], value: T) =>
    new Promise<T>((resolve, reject) => {
      calls.push({
        method,
        args,
        settle: (error) => (error === undefined ? resolve(value) : reject(error)),
      });
    });
  const worker: BenchmarkWorker = {
    loadBenchmark: (...args) => pending('loadBenchmark', args, REQUEST.datasetId),
    cancel: (...args) => pending('cancel', args, true),
    deleteDataset: (...args) => pending('deleteDataset', args, undefined),
  };
  return { worker, calls };
}

const REQUEST = { envId: 'medqa', variantId: 'test', datasetId: 'hf:medqa/test@r' };

describe('BenchmarkLoads', () => {
  it('marks a load running until it ends, and sends the request without the dataset id', async () => {
    const { worker, calls } = fakeWorker();
    const loads = new BenchmarkLoads(worker);
    const done = loads.load(DEFAULT_SOURCE_SETTINGS, REQUEST);
    expect(loads.getSnapshot().running.has(REQUEST.datasetId)).toBe(true);
    expect(calls[0]?.method).toBe('loadBenchmark');
    expect(calls[0]?.args[0]).toBe('benchmark:hf:medqa/test@r');
    expect(calls[0]?.args[2]).toEqual({ envId: 'medqa', variantId: 'test' });
    // A second click while it runs starts nothing.
    expect(await loads.load(DEFAULT_SOURCE_SETTINGS, REQUEST)).toBeNull();
    expect(calls).toHaveLength(1);
    calls[0]?.settle();
    await done;
    expect(loads.getSnapshot().running.size).toBe(0);
    expect(loads.getSnapshot().errors.size).toBe(0);
  });

  it('records a failed load as an error, and a cancelled one as nothing', async () => {
    const { worker, calls } = fakeWorker();
    const loads = new BenchmarkLoads(worker);
    const failed = loads.load(DEFAULT_SOURCE_SETTINGS, REQUEST);
    calls[0]?.settle(new AppError('network', 'Hub unreachable'));
    expect(await failed).toBeNull();
    expect(loads.getSnapshot().errors.get(REQUEST.datasetId)?.action).toBe('load');

    const cancelled = loads.load(DEFAULT_SOURCE_SETTINGS, REQUEST);
    // Starting again clears the last error.
    expect(loads.getSnapshot().errors.size).toBe(0);
    loads.cancel(REQUEST.datasetId);
    expect(calls[2]?.method).toBe('cancel');
    expect(calls[2]?.args[0]).toBe('benchmark:hf:medqa/test@r');
    calls[1]?.settle(new AppError('aborted', 'Cancelled.'));
    await cancelled;
    expect(loads.getSnapshot().errors.size).toBe(0);
    expect(loads.getSnapshot().running.size).toBe(0);
  });

  it('records a failed delete, and notifies subscribers of every change', async () => {
    const { worker, calls } = fakeWorker();
    const loads = new BenchmarkLoads(worker);
    let notified = 0;
    const unsubscribe = loads.subscribe(() => notified++);
    const removed = loads.remove(REQUEST.datasetId);
    calls[0]?.settle(new AppError('storage_quota', 'Full'));
    await removed;
    expect(loads.getSnapshot().errors.get(REQUEST.datasetId)?.action).toBe('delete');
    expect(notified).toBe(2);
    loads.clearError(REQUEST.datasetId);
    expect(loads.getSnapshot().errors.size).toBe(0);
    unsubscribe();
  });
});
