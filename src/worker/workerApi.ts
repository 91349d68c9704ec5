// The comlink surface, by domain: what the UI may ask of the worker. Plain data in and out; long jobs
// write their progress and results to IndexedDB (the UI observes it) and are cancelled by job id;
// errors leave as transferable AppErrors. Types only: the UI imports this module, never the worker.
import type { CorporaApi } from './corpora/corporaApi';
import type { SuitesApi } from './suites/suitesApi';
import type { DatasetsApi } from './api/datasetsApi';
import type { EndpointsApi } from './api/endpointsApi';
import type { JobsApi } from './api/jobsApi';
import type { ResultsApi } from './api/resultsApi';
import type { RunsApi } from './api/runsApi';
import type { StorageApi } from './api/storageApi';

// The domains a part of the UI asks for on its own (so its fakes implement only those).
export type { DatasetsApi, JobsApi };

// What the methods take and return, for the UI to name: it imports no other worker module (lint).
export type { CorpusOverview } from './corpora/browseCorpus';
export type { CorpusPage, CorpusRow } from './corpora/corporaContext';
export type { CorpusExport, ExportRequest, ExportSelection } from './corpora/exportCorpus';
export type { LoadSummary } from './corpora/loadCorpus';
export type { CorpusSample } from './corpora/sampleCorpus';
export type { ExportFormat } from './results/exportRunFiles';
export type { ResultsAlreadyImported, ResultsImported } from './results/importResults';
export type { SuiteEstimate } from './suites/estimateSuiteRun';

export type WorkerApi = JobsApi &
  DatasetsApi &
  RunsApi &
  ResultsApi &
  EndpointsApi &
  StorageApi &
  CorporaApi &
  SuitesApi;
