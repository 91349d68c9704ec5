// Assembles the comlink surface from its domains, all sharing one context (database, jobs, HTTP).
import { hfBasesFrom } from '../hf/hfBases';
import { readSourceSettings } from '../../data/settingsStore';
import { createCorporaApi } from '../corpora/corporaApi';
import { createSuitesApi } from '../suites/suitesApi';
import type { WorkerApi } from '../workerApi';
import { createDatasetsApi } from './datasetsApi';
import { createEndpointsApi } from './endpointsApi';
import { createJobsApi } from './jobsApi';
import { createResultsApi } from './resultsApi';
import { createRunControl, createRunsApi } from './runsApi';
import { createStorageApi } from './storageApi';
import { createWorkerContext, transferErrors, type WorkerDeps } from './workerContext';

export function createWorkerApi(deps: WorkerDeps): WorkerApi {
  const ctx = createWorkerContext(deps);
  const control = createRunControl(ctx);
  return {
    ...createJobsApi(ctx),
    ...createDatasetsApi(ctx),
    ...createRunsApi(ctx, control),
    ...createResultsApi(ctx),
    ...createEndpointsApi(ctx),
    ...createStorageApi(ctx),
    ...createCorporaApi({
      db: deps.db,
      http: ctx.http,
      now: Date.now,
      withJob: ctx.withJob,
      transferErrors,
      hfBases: async () => hfBasesFrom(await readSourceSettings(deps.db)),
    }),
    ...createSuitesApi({
      db: deps.db,
      runDeps: ctx.runDeps,
      withJob: ctx.withJob,
      transferErrors,
      runOne: (runId, keys, schedulers) => control.runOne(runId, keys, schedulers),
      stopRun: (runId, reason) => control.stopRun(runId, reason),
      cancelJob: (jobId) => ctx.jobs.cancel(jobId),
    }),
  };
}
