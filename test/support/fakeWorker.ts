// A worker API for UI tests: the methods a test gives, and every other one rejecting, so a component
// that calls something the test did not expect fails loudly. Typed against the interface, no casts:
// a method added to the worker must be added here too.
import type { WorkerApi } from '../../src/worker/workerApi';

const unfaked = (name: string) => () =>
  Promise.reject(new Error(`worker.${name} is not faked in this test`));

export function fakeWorker(methods: Partial<WorkerApi> = {}): WorkerApi {
  return {
    ping: unfaked('ping'),
    cancel: unfaked('cancel'),
    ingestGithub: unfaked('ingestGithub'),
    loadBenchmark: unfaked('loadBenchmark'),
    importFiles: unfaked('importFiles'),
    reprocess: unfaked('reprocess'),
    deleteDataset: unfaked('deleteDataset'),
    saveSourceSettings: unfaked('saveSourceSettings'),
    createRun: unfaked('createRun'),
    rescoreRun: unfaked('rescoreRun'),
    startRun: unfaked('startRun'),
    stopRun: unfaked('stopRun'),
    activeRuns: unfaked('activeRuns'),
    retryFailed: unfaked('retryFailed'),
    deleteRun: unfaked('deleteRun'),
    undoDeleteRun: unfaked('undoDeleteRun'),
    purgeDeletedRuns: unfaked('purgeDeletedRuns'),
    renameRun: unfaked('renameRun'),
    duplicateRun: unfaked('duplicateRun'),
    annotateRollout: unfaked('annotateRollout'),
    runOverview: unfaked('runOverview'),
    searchRollouts: unfaked('searchRollouts'),
    exportRun: unfaked('exportRun'),
    importResults: unfaked('importResults'),
    importResultsFromUrl: unfaked('importResultsFromUrl'),
    testConnection: unfaked('testConnection'),
    listModels: unfaked('listModels'),
    storageReport: unfaked('storageReport'),
    deleteEverything: unfaked('deleteEverything'),
    corpusOverview: unfaked('corpusOverview'),
    corpusBrowse: unfaked('corpusBrowse'),
    corpusSearch: unfaked('corpusSearch'),
    corpusLoad: unfaked('corpusLoad'),
    corpusSample: unfaked('corpusSample'),
    corpusExport: unfaked('corpusExport'),
    corpusDelete: unfaked('corpusDelete'),
    refreshRunDigests: unfaked('refreshRunDigests'),
    leaderboardWinRates: unfaked('leaderboardWinRates'),
    createSuiteRun: unfaked('createSuiteRun'),
    estimateSuiteRun: unfaked('estimateSuiteRun'),
    startSuiteRun: unfaked('startSuiteRun'),
    stopSuiteRun: unfaked('stopSuiteRun'),
    retrySuiteRun: unfaked('retrySuiteRun'),
    saveSuite: unfaked('saveSuite'),
    deleteSuite: unfaked('deleteSuite'),
    ...methods,
  };
}
