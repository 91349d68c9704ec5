import { describe, expect, it } from 'vitest';
import { createBatchWriter } from '../../src/worker/batchWriter';
import { deferred } from '../support/waitUntil';

describe('createBatchWriter', () => {
  it('writes every item, coalescing those added while a write is in flight', async () => {
    const batches: number[][] = [];
    const firstWrite = deferred();
    const writer = createBatchWriter<number>(async (batch) => {
      batches.push(batch);
      if (batches.length === 1) await firstWrite.promise;
    });
    writer.add(0);
    // The first write is in flight (held): everything added now waits for the next one.
    for (let i = 1; i < 10; i++) writer.add(i);
    firstWrite.resolve();
    await writer.close();
    expect(batches).toEqual([[0], [1, 2, 3, 4, 5, 6, 7, 8, 9]]);
  });

  it('reports a failed write on close and refuses further items', async () => {
    const writer = createBatchWriter<number>(() => Promise.reject(new Error('QuotaExceededError')));
    writer.add(1);
    await expect(writer.close()).rejects.toThrow('QuotaExceededError');
    expect(() => {
      writer.add(2);
    }).toThrow('QuotaExceededError');
  });
});
