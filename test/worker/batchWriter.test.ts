import { describe, expect, it } from 'vitest';
import { createBatchWriter } from '../../src/worker/batchWriter';

describe('createBatchWriter', () => {
  it('writes every item, coalescing those added while a write is in flight', async () => {
    const batches: number[][] = [];
    const writer = createBatchWriter<number>(async (batch) => {
      batches.push(batch);
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
    for (let i = 0; i < 10; i++) writer.add(i);
    await writer.close();
    expect(batches.flat()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(batches.length).toBeLessThan(10);
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
