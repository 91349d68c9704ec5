// The comlink surface: a handful of methods, plain data in and out. Long jobs write their progress
// and results to IndexedDB (the UI observes it); cancellation is by job id because AbortSignal cannot
// cross the boundary. Errors leave as transferable AppErrors so the UI gets their kind back.
import { runLockName } from '../core/runLock';
import { AppError, toAppError } from '../core/errors';
import type { InputCut } from '../core/envs/mtsamples/processNote';
import type { SourceSettings } from '../core/schema/sourceSettings';
import type { MedevalDb } from '../data/db';
import { deleteDataset } from '../data/datasetStore';
import { readSourceSettings, saveSourceSettings } from '../data/settingsStore';
import { createCorporaApi } from './corpora/corporaApi';
import { createSuitesApi } from './suites/suitesApi';
import { abortableSleep, type Scheduler } from '../llm/scheduler';
import { hfBasesFrom } from './hf/hfBases';
import { deleteEverything, storageReport, type StoredItem } from '../data/storageReport';
import { importDataset, type ImportSummary } from './importDataset';
import type { ImportFile } from './importers/readImport';
import { ingestGithub } from './ingestGithub';
import { loadBenchmark, type LoadBenchmarkRequest } from './benchmarks/loadBenchmark';
import {
  fetchWithOriginTokens,
  gatedDatasetError,
  tokensForHosts,
  type OriginTokens,
} from './hf/hfTokenFetch';
import { processStoredNotes } from './processDataset';
import type { RunSettings, RunStatus } from '../core/schema/run';
import { patchRun } from '../data/runStore';
import { createRescoreRun, createRun, type RescoreOptions } from './run/createRun';
import { retryFailedRollouts } from './run/retryFailed';
import {
  annotateRollout,
  duplicateRun,
  purgeDeletedRuns,
  renameRun,
  softDeleteRun,
  undoDeleteRun,
} from './run/runAdmin';
import type { Annotation } from '../core/schema/run';
import { exportRunFiles, type ExportFormat, type ExportedFile } from './results/exportRunFiles';
import {
  importResults,
  type ImportResultsOptions,
  type ResultsImportSummary,
} from './results/importResults';
import { importResultsFromUrl } from './results/importResultsFromUrl';
import { searchRollouts, type SearchOptions } from './results/searchRollouts';
import { executeRun, type RunKeys, type StopReason } from './run/runEngine';
import type { EndpointConfig } from '../core/schema/endpoint';
import { listModels, testConnection, type ConnectionResult } from '../llm/testConnection';
import { watchProtocols } from '../llm/endpointProtocol';
import type { RunLiveState } from '../core/runLive';
import { saveEndpointProtocol } from '../data/settingsStore';

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

async function transferErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toAppError(error).toTransferable();
  }
}

export function createWorkerApi(deps: WorkerDeps) {
  const jobs = new Map<string, AbortController>();
  // Every response this worker receives tells its host's protocol; the run form reads what was seen.
  const protocols = watchProtocols((origin, protocol) => {
    saveEndpointProtocol(deps.db, origin, protocol).catch((error: unknown) => {
      console.warn('Could not remember an endpoint protocol', error);
    });
  });
  const stopReasons = new Map<string, StopReason>();
  const runDeps = {
    db: deps.db,
    now: Date.now,
    newId: () => crypto.randomUUID(),
    appVersion: deps.appVersion,
  };
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

  /** Runs or resumes one run under its lock and job; a suite passes its shared schedulers. */
  const runOne = (runId: string, keys: RunKeys, schedulers?: Map<string, Scheduler>) => {
    const lock = deps.withExclusiveLock ?? ((_name, work) => work());
    return lock(runLockName(runId), () =>
      withJob(`run:${runId}`, (signal) =>
        executeRun(
          {
            db: deps.db,
            fetch: deps.fetch,
            now: Date.now,
            protocolOf: (url: string) => protocols.protocolOf(url),
            storageEstimate: async () => navigator.storage.estimate(),
            ...(deps.reportLive === undefined ? {} : { onLive: deps.reportLive }),
            ...(schedulers === undefined ? {} : { schedulers }),
          },
          runId,
          keys,
          signal,
          () => stopReasons.get(runId) ?? 'pause',
        ),
      ),
    );
  };

  const stopRun = (runId: string, reason: StopReason): Promise<boolean> => {
    const controller = jobs.get(`run:${runId}`);
    if (controller === undefined) {
      // Not running here (e.g. interrupted by a reload): record the user's choice directly.
      if (reason === 'cancel') {
        return transferErrors(async () => {
          await patchRun(deps.db, runId, { status: 'cancelled', updatedAt: Date.now() });
          return false;
        });
      }
      return Promise.resolve(false);
    }
    stopReasons.set(runId, reason);
    controller.abort();
    return Promise.resolve(true);
  };

  return {
    ...createSuitesApi({
      db: deps.db,
      runDeps,
      withJob,
      transferErrors,
      runOne,
      stopRun,
      cancelJob: (jobId) => {
        const controller = jobs.get(jobId);
        controller?.abort();
        return controller !== undefined;
      },
    }),
    ...createCorporaApi({
      db: deps.db,
      http,
      now: Date.now,
      withJob,
      transferErrors,
      hfBases: async () => hfBasesFrom(await readSourceSettings(deps.db)),
    }),
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
    /**
     * Loads (or finds already loaded) a Hugging Face benchmark variant; resolves with its dataset id.
     * `hfTokens`: the user's Hugging Face tokens by the origin each was entered for (memory only).
     */
    loadBenchmark(
      jobId: string,
      settings: SourceSettings,
      request: LoadBenchmarkRequest,
      hfTokens: OriginTokens = {},
    ): Promise<string> {
      return transferErrors(() =>
        withJob(jobId, async (signal) => {
          // Only to the Hugging Face hosts the user saved in Settings: a link that names another
          // host as Hugging Face never turns that host's key into a dataset token.
          const saved = hfBasesFrom(await readSourceSettings(deps.db));
          const authed = fetchWithOriginTokens(
            http.fetch,
            tokensForHosts(hfTokens, [saved.hubBase, saved.viewerBase]),
          );
          try {
            return await loadBenchmark(
              { ...http, fetch: authed.fetch, db: deps.db },
              settings,
              request,
              signal,
            );
          } catch (error) {
            throw gatedDatasetError(error, authed.sentTo);
          }
        }),
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
    createRun(settings: RunSettings, name: string): Promise<string> {
      return transferErrors(() => createRun(runDeps, settings, name));
    },
    rescoreRun(parentRunId: string, options: RescoreOptions, name: string): Promise<string> {
      return transferErrors(() => createRescoreRun(runDeps, parentRunId, options, name));
    },
    /** Runs or resumes a run; resolves with its status when it ends, pauses or stops. */
    startRun(runId: string, keys: RunKeys): Promise<RunStatus> {
      return transferErrors(() => runOne(runId, keys));
    },
    stopRun,
    retryFailed(runId: string): Promise<number> {
      return transferErrors(() => retryFailedRollouts(deps.db, runId, Date.now()));
    },
    /** Hides a run at once; `undoDeleteRun` brings it back until it is purged. */
    deleteRun(runId: string): Promise<void> {
      return transferErrors(() => softDeleteRun(deps.db, runId, Date.now()));
    },
    undoDeleteRun(runId: string): Promise<void> {
      return transferErrors(() => undoDeleteRun(deps.db, runId));
    },
    purgeDeletedRuns(): Promise<number> {
      return transferErrors(() => purgeDeletedRuns(deps.db, Date.now()));
    },
    renameRun(runId: string, name: string): Promise<void> {
      return transferErrors(() => renameRun(deps.db, runId, name, Date.now()));
    },
    duplicateRun(runId: string, name: string): Promise<string> {
      return transferErrors(() => duplicateRun(runDeps, runId, name));
    },
    annotateRollout(runId: string, key: string, annotation: Annotation): Promise<void> {
      return transferErrors(() => annotateRollout(deps.db, runId, key, annotation, Date.now()));
    },
    /** One tiny request that tells CORS, auth, model, rate-limit and network failures apart. */
    testConnection(endpoint: EndpointConfig, apiKey: string): Promise<ConnectionResult> {
      return transferErrors(() => testConnection(endpoint, apiKey, { fetch: deps.fetch }));
    },
    listModels(endpoint: EndpointConfig, apiKey: string): Promise<string[]> {
      return transferErrors(() => listModels(endpoint, apiKey, { fetch: deps.fetch }));
    },
    /** Keys of the run's rollouts whose notes, response, reference or judge explanations match. */
    searchRollouts(runId: string, query: string, options: SearchOptions): Promise<string[]> {
      return transferErrors(() => searchRollouts(deps.db, runId, query, options));
    },
    exportRun(runId: string, format: ExportFormat): Promise<ExportedFile> {
      return transferErrors(() => exportRunFiles(deps.db, runId, format));
    },
    /** Imports results.jsonl (+ metadata.json) or a zip of them as a new, read-only run. */
    importResults(
      files: ImportFile[],
      options: ImportResultsOptions = {},
    ): Promise<ResultsImportSummary> {
      return transferErrors(() =>
        importResults(
          {
            db: deps.db,
            now: Date.now,
            newId: () => crypto.randomUUID(),
            appVersion: deps.appVersion,
          },
          files,
          options,
        ),
      );
    },
    storageReport(): Promise<StoredItem[]> {
      return transferErrors(() => storageReport(deps.db));
    },
    /** Deletes every dataset, run, note and cached response (keys live on the main thread). */
    deleteEverything(): Promise<void> {
      return transferErrors(async () => {
        for (const controller of jobs.values()) controller.abort();
        await deleteEverything(deps.db);
      });
    },
    /** Opens published results (results.jsonl + metadata.json beside it, or our zip) from a URL. */
    importResultsFromUrl(
      url: string,
      options: ImportResultsOptions = {},
    ): Promise<ResultsImportSummary> {
      return transferErrors(() =>
        importResultsFromUrl(
          {
            db: deps.db,
            fetch: deps.fetch,
            now: Date.now,
            newId: () => crypto.randomUUID(),
            appVersion: deps.appVersion,
          },
          url,
          options,
        ),
      );
    },
    activeRuns(): Promise<string[]> {
      return Promise.resolve(
        [...jobs.keys()].filter((id) => id.startsWith('run:')).map((id) => id.slice(4)),
      );
    },
    cancel(jobId: string): Promise<boolean> {
      const controller = jobs.get(jobId);
      controller?.abort();
      return Promise.resolve(controller !== undefined);
    },
  };
}

export type WorkerApi = ReturnType<typeof createWorkerApi>;
