// Coalesces many small writes into few transactions: while one batch is being written, new items
// queue up and go in the next. IndexedDB transactions cost milliseconds each; files arrive faster.

export interface BatchWriter<T> {
  add(item: T): void;
  /** Writes what is queued and resolves when everything added so far is stored. Rejects on failure. */
  close(): Promise<void>;
}

export function createBatchWriter<T>(write: (batch: T[]) => Promise<void>): BatchWriter<T> {
  let queue: T[] = [];
  let running: Promise<void> | null = null;
  let failure: Error | undefined;

  const drain = async (): Promise<void> => {
    while (queue.length > 0 && failure === undefined) {
      const batch = queue;
      queue = [];
      try {
        await write(batch);
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
      }
    }
    running = null;
  };

  return {
    add(item) {
      if (failure !== undefined) throw failure;
      queue.push(item);
      running ??= drain();
    },
    async close() {
      while (running !== null) await running;
      if (failure !== undefined) throw failure;
    },
  };
}
