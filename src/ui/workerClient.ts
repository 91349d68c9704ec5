// Owns the web worker: starts it lazily on first call and hands the UI the worker's API (the
// interface in worker/workerApi) with every rejection turned back into an AppError with its kind
// (see core/errors). Pages and hooks depend on that interface, so tests hand them plain fakes.
import { wrap, type Remote } from 'comlink';
import { toAppError } from '../core/errors';
import type { WorkerApi } from '../worker/workerApi';

type Method = (...args: unknown[]) => Promise<unknown>;

function startWorker(): Remote<WorkerApi> {
  // Vite rewrites this URL (including the relative base) and bundles the worker separately.
  const worker = new Worker(new URL('../worker/main.worker.ts', import.meta.url), {
    type: 'module',
    name: 'medeval-worker',
  });
  return wrap<WorkerApi>(worker);
}

export function createWorkerClient(): WorkerApi {
  let remote: Remote<WorkerApi> | null = null;
  const call = async (method: string, args: unknown[]): Promise<unknown> => {
    remote ??= startWorker();
    // comlink's proxy forwards any property name; the interface says which exist.
    const fn = Reflect.get(remote, method) as Method;
    try {
      return await fn(...args);
    } catch (error) {
      throw toAppError(error);
    }
  };
  const methods = new Map<string, Method>();
  // Every property is a method of the worker; `then` is not, so the client is never taken for a
  // promise (e.g. when returned from an async function).
  return new Proxy({} as WorkerApi, {
    get(_target, name) {
      if (typeof name !== 'string' || name === 'then') return undefined;
      let method = methods.get(name);
      if (method === undefined) {
        method = (...args: unknown[]) => call(name, args);
        methods.set(name, method);
      }
      return method;
    },
  });
}
