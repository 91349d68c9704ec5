// The worker's own housekeeping on the comlink surface: is it alive, and cancel a job by the id the
// UI gave it (an AbortSignal cannot cross the boundary).
import type { WorkerContext } from './workerContext';

export interface JobsApi {
  ping(): Promise<'pong'>;
  /** Cancels a running job (a download, load, run…); false when no such job runs. */
  cancel(jobId: string): Promise<boolean>;
}

export function createJobsApi(ctx: WorkerContext): JobsApi {
  return {
    ping: () => Promise.resolve('pong'),
    cancel: (jobId) => Promise.resolve(ctx.jobs.cancel(jobId)),
  };
}
