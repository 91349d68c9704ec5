// Owns the web worker: starts it lazily on first use, hands out the comlink proxy, and shuts it down.
// Every call's errors come back as AppError with their kind (see core/errors).
import { wrap, type Remote } from 'comlink';
import { toAppError } from '../core/errors';
import type { WorkerApi } from '../worker/workerApi';

export class WorkerClient {
  private worker: Worker | null = null;
  private remote: Remote<WorkerApi> | null = null;

  private api(): Remote<WorkerApi> {
    if (this.remote === null) {
      // Vite rewrites this URL (including the relative base) and bundles the worker separately.
      this.worker = new Worker(new URL('../worker/main.worker.ts', import.meta.url), {
        type: 'module',
        name: 'medeval-worker',
      });
      this.remote = wrap<WorkerApi>(this.worker);
    }
    return this.remote;
  }

  /** Calls a worker method; rejections are AppErrors. */
  async call<K extends keyof WorkerApi>(
    method: K,
    ...args: Parameters<WorkerApi[K]>
  ): Promise<Awaited<ReturnType<WorkerApi[K]>>> {
    const fn = this.api()[method] as unknown as (
      ...a: Parameters<WorkerApi[K]>
    ) => Promise<Awaited<ReturnType<WorkerApi[K]>>>;
    try {
      return await fn(...args);
    } catch (error) {
      throw toAppError(error);
    }
  }
}
