// The storage part of the comlink surface: what is stored in this browser, and deleting all of it.
import { deleteEverything, storageReport, type StoredItem } from '../../data/storageReport';
import { transferErrors, type WorkerContext } from './workerContext';

export interface StorageApi {
  storageReport(): Promise<StoredItem[]>;
  /** Deletes every dataset, run, note and cached response (keys live on the main thread). */
  deleteEverything(): Promise<void>;
}

export function createStorageApi(ctx: WorkerContext): StorageApi {
  return {
    storageReport() {
      return transferErrors(() => storageReport(ctx.db));
    },
    deleteEverything() {
      return transferErrors(async () => {
        ctx.jobs.cancelAll();
        await deleteEverything(ctx.db);
      });
    },
  };
}
