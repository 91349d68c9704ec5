// The comlink surface: a handful of methods, plain data in and out. Long jobs write their progress
// and results to IndexedDB (the UI observes it); cancellation is by job id because AbortSignal cannot
// cross the boundary. Errors leave as transferable AppErrors so the UI gets their kind back.
import { AppError, toAppError } from '../core/errors';
import type { InputCut } from '../core/envs/mtsamples/processNote';
import type { SourceSettings } from '../core/schema/sourceSettings';
import type { MedevalDb } from '../data/db';
import { deleteDataset } from '../data/datasetStore';
import { saveSourceSettings } from '../data/settingsStore';
import { abortableSleep } from './fetchWithRetry';
import { importDataset, type ImportSummary } from './importDataset';
import type { ImportFile } from './importers/readImport';
import { ingestGithub } from './ingestGithub';
import { processStoredNotes } from './processDataset';

export interface WorkerDeps {
  db: MedevalDb;
  fetch: typeof fetch;
}

async function transferErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toAppError(error).toTransferable();
  }
}

export function createWorkerApi(deps: WorkerDeps) {
  const jobs = new Map<string, AbortController>();
  const http = {
    fetch: deps.fetch,
    random: Math.random,
    now: Date.now,
    sleep: abortableSleep,
  };

  async function withJob<T>(jobId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (jobs.has(jobId)) throw new AppError('bad_request', `Job ${jobId} is already running.`);
    const controller = new AbortController();
    jobs.set(jobId, controller);
    try {
      return await work(controller.signal);
    } finally {
      jobs.delete(jobId);
    }
  }

  return {
    ping(): Promise<'pong'> {
      return Promise.resolve('pong');
    },
    /** Downloads or resumes the GitHub dataset; resolves with its id. */
    ingestGithub(jobId: string, settings: SourceSettings, inputCut: InputCut): Promise<string> {
      return transferErrors(() =>
        withJob(jobId, (signal) =>
          ingestGithub({ ...http, db: deps.db }, settings, inputCut, signal),
        ),
      );
    },
    importFiles(files: ImportFile[], inputCut: InputCut): Promise<ImportSummary> {
      return transferErrors(() =>
        importDataset(
          { db: deps.db, now: Date.now, newId: () => crypto.randomUUID() },
          files,
          inputCut,
        ),
      );
    },
    reprocess(datasetId: string, inputCut: InputCut): Promise<void> {
      return transferErrors(async () => {
        await processStoredNotes(deps.db, datasetId, inputCut, Date.now());
      });
    },
    deleteDataset(datasetId: string): Promise<void> {
      return transferErrors(() => deleteDataset(deps.db, datasetId));
    },
    saveSourceSettings(settings: SourceSettings): Promise<void> {
      return transferErrors(() => saveSourceSettings(deps.db, settings));
    },
    cancel(jobId: string): Promise<boolean> {
      const controller = jobs.get(jobId);
      controller?.abort();
      return Promise.resolve(controller !== undefined);
    },
  };
}

export type WorkerApi = ReturnType<typeof createWorkerApi>;
