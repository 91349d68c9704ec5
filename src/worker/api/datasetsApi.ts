// The datasets part of the comlink surface: MTSamples from GitHub or imported files, Hugging Face
// benchmarks, reprocessing, deletion, and where they are fetched from (source settings).
import type { InputCut } from '../../core/envs/mtsamples/processNote';
import type { SourceSettings } from '../../core/schema/sourceSettings';
import { deleteDataset } from '../../data/datasetStore';
import { readSourceSettings, saveSourceSettings } from '../../data/settingsStore';
import { loadBenchmark, type LoadBenchmarkRequest } from '../benchmarks/loadBenchmark';
import { hfBasesFrom } from '../hf/hfBases';
import {
  fetchWithOriginTokens,
  gatedDatasetError,
  tokensForHosts,
  type OriginTokens,
} from '../hf/hfTokenFetch';
import { importDataset, type ImportSummary } from '../importDataset';
import type { ImportFile } from '../importers/readImport';
import { ingestGithub } from '../ingestGithub';
import { processStoredNotes } from '../processDataset';
import { transferErrors, type WorkerContext } from './workerContext';

export interface DatasetsApi {
  /** Downloads or resumes the GitHub dataset; resolves with its id. */
  ingestGithub(jobId: string, settings: SourceSettings, inputCut: InputCut): Promise<string>;
  /**
   * Loads (or finds already loaded) a Hugging Face benchmark variant; resolves with its dataset id.
   * `hfTokens`: the user's Hugging Face tokens by the origin each was entered for (memory only).
   */
  loadBenchmark(
    jobId: string,
    settings: SourceSettings,
    request: LoadBenchmarkRequest,
    hfTokens?: OriginTokens,
  ): Promise<string>;
  importFiles(files: ImportFile[], inputCut: InputCut): Promise<ImportSummary>;
  reprocess(datasetId: string, inputCut: InputCut): Promise<void>;
  deleteDataset(datasetId: string): Promise<void>;
  saveSourceSettings(settings: SourceSettings): Promise<void>;
}

export function createDatasetsApi(ctx: WorkerContext): DatasetsApi {
  const { db, http, withJob } = ctx;
  return {
    ingestGithub(jobId, settings, inputCut) {
      return transferErrors(() =>
        withJob(jobId, (signal) => ingestGithub({ ...http, db }, settings, inputCut, signal)),
      );
    },
    loadBenchmark(jobId, settings, request, hfTokens = {}) {
      return transferErrors(() =>
        withJob(jobId, async (signal) => {
          // Only to the Hugging Face hosts the user saved in Settings: a link that names another
          // host as Hugging Face never turns that host's key into a dataset token.
          const saved = hfBasesFrom(await readSourceSettings(db));
          const authed = fetchWithOriginTokens(
            http.fetch,
            tokensForHosts(hfTokens, [saved.hubBase, saved.viewerBase]),
          );
          try {
            return await loadBenchmark(
              { ...http, fetch: authed.fetch, db },
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
    importFiles(files, inputCut) {
      return transferErrors(() =>
        importDataset({ db, now: Date.now, newId: () => crypto.randomUUID() }, files, inputCut),
      );
    },
    reprocess(datasetId, inputCut) {
      return transferErrors(async () => {
        await processStoredNotes(db, datasetId, inputCut, Date.now());
      });
    },
    deleteDataset(datasetId) {
      return transferErrors(() => deleteDataset(db, datasetId));
    },
    saveSourceSettings(settings) {
      return transferErrors(() => saveSourceSettings(db, settings));
    },
  };
}
