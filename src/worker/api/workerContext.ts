// What every domain of the comlink surface shares: the injected dependencies, the registry of
// running jobs (cancellation is by job id because AbortSignal cannot cross the boundary), and the
// wrapper that turns errors into transferable AppErrors so the UI gets their kind back.
import { AppError, toAppError } from '../../core/errors';
import type { RunLiveState } from '../../core/runLive';
import type { MedevalDb } from '../../data/db';
import { abortableSleep } from '../../llm/scheduler';
import type { HttpDeps } from '../fetchWithRetry';
import type { CreateRunDeps } from '../run/createRun';

export interface WorkerDeps {
  db: MedevalDb;
  fetch: typeof fetch;
  appVersion: string;
  /** Where live run figures go (a BroadcastChannel in the worker); dropped when absent. */
  reportLive?: (state: RunLiveState) => void;
  /**
   * Runs `work` only if no other tab is running the same run (Web Locks); otherwise rejects. Two tabs
   * resuming one run would request every rollout twice.
   */
  withExclusiveLock?: <T>(name: string, work: () => Promise<T>) => Promise<T>;
}

/** The long jobs running in this worker, by the id the UI gave them. */
class JobRegistry {
  private readonly jobs = new Map<string, AbortController>();

  /** Runs `work` as job `jobId`; a second job with a running job's id is refused. */
  async run<T>(jobId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.jobs.has(jobId)) throw new AppError('bad_request', `Job ${jobId} is already running.`);
    const controller = new AbortController();
    this.jobs.set(jobId, controller);
    try {
      return await work(controller.signal);
    } finally {
      this.jobs.delete(jobId);
    }
  }

  /** Aborts the job; false when no such job runs here. */
  cancel(jobId: string): boolean {
    const controller = this.jobs.get(jobId);
    controller?.abort();
    return controller !== undefined;
  }

  isRunning(jobId: string): boolean {
    return this.jobs.has(jobId);
  }

  cancelAll(): void {
    for (const controller of this.jobs.values()) controller.abort();
  }

  /** The ids of running jobs that start with `prefix`, without it. */
  running(prefix: string): string[] {
    return [...this.jobs.keys()]
      .filter((id) => id.startsWith(prefix))
      .map((id) => id.slice(prefix.length));
  }
}

export async function transferErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toAppError(error).toTransferable();
  }
}

export interface WorkerContext {
  deps: WorkerDeps;
  db: MedevalDb;
  jobs: JobRegistry;
  http: HttpDeps;
  runDeps: CreateRunDeps;
  withJob: <T>(jobId: string, work: (signal: AbortSignal) => Promise<T>) => Promise<T>;
}

export function createWorkerContext(deps: WorkerDeps): WorkerContext {
  const jobs = new JobRegistry();
  return {
    deps,
    db: deps.db,
    jobs,
    http: { fetch: deps.fetch, random: Math.random, now: Date.now, sleep: abortableSleep },
    runDeps: {
      db: deps.db,
      now: Date.now,
      newId: () => crypto.randomUUID(),
      appVersion: deps.appVersion,
    },
    withJob: (jobId, work) => jobs.run(jobId, work),
  };
}
