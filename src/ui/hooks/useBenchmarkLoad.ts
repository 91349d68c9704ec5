import { useCallback, useSyncExternalStore } from 'react';
import { toAppError, type AppError } from '../../core/errors';
import type { SourceSettings } from '../../core/schema/sourceSettings';
import { useServices } from '../appContext';
import type { VariantRequest } from '../components/benchmarks/benchmarkRequest';
import { hfTokensFor } from '../components/settings/hfTokenHosts';
import { keyStore } from '../keys/keyStore';
import type { DatasetsApi, JobsApi, WorkerApi } from '../../worker/workerApi';

// Starts, cancels and deletes benchmark loads; progress is read live from each dataset record. Which
// loads run, and the errors their calls ended with, live outside any component: a load goes on in
// the worker while the user visits other pages, and its Cancel button must still reach it on return.

/** A failed call on a benchmark dataset, with what was being done. */
export interface BenchmarkCallError {
  action: 'load' | 'cancel' | 'delete';
  error: AppError;
}

interface LoadsSnapshot {
  running: ReadonlySet<string>;
  errors: ReadonlyMap<string, BenchmarkCallError>;
}

/** What the loads ask of the worker. */
export type BenchmarkWorker = Pick<DatasetsApi, 'loadBenchmark' | 'deleteDataset'> &
  Pick<JobsApi, 'cancel'>;

export class BenchmarkLoads {
  private snapshot: LoadsSnapshot = { running: new Set(), errors: new Map() };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly worker: BenchmarkWorker) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LoadsSnapshot => this.snapshot;

  async load(settings: SourceSettings, request: VariantRequest): Promise<string | null> {
    const { datasetId, ...workerRequest } = request;
    if (this.snapshot.running.has(datasetId)) return null;
    this.update(datasetId, true, null);
    try {
      // Each Hugging Face host's token, if the user gave one; the worker sends it to that host only.
      const tokens = hfTokensFor(keyStore.getSnapshot(), settings);
      return await this.worker.loadBenchmark(jobIdOf(datasetId), settings, workerRequest, tokens);
    } catch (caught) {
      const error = toAppError(caught);
      // Cancelling is not an error: the record already says "cancelled".
      this.update(datasetId, false, error.kind === 'aborted' ? null : { action: 'load', error });
      return null;
    } finally {
      if (this.snapshot.running.has(datasetId)) this.update(datasetId, false, undefined);
    }
  }

  cancel(datasetId: string): void {
    this.worker.cancel(jobIdOf(datasetId)).catch((caught: unknown) => {
      const error = toAppError(caught);
      this.update(datasetId, this.snapshot.running.has(datasetId), { action: 'cancel', error });
    });
  }

  async remove(datasetId: string): Promise<void> {
    this.update(datasetId, false, null);
    try {
      await this.worker.deleteDataset(datasetId);
    } catch (caught) {
      this.update(datasetId, false, { action: 'delete', error: toAppError(caught) });
    }
  }

  clearError(datasetId: string): void {
    this.update(datasetId, this.snapshot.running.has(datasetId), null);
  }

  /** `error` undefined keeps the current one; null clears it. */
  private update(
    datasetId: string,
    isRunning: boolean,
    error: BenchmarkCallError | null | undefined,
  ): void {
    const running = new Set(this.snapshot.running);
    if (isRunning) running.add(datasetId);
    else running.delete(datasetId);
    const errors = new Map(this.snapshot.errors);
    if (error === null) errors.delete(datasetId);
    else if (error !== undefined) errors.set(datasetId, error);
    this.snapshot = { running, errors };
    for (const listener of this.listeners) listener();
  }
}

function jobIdOf(datasetId: string): string {
  return `benchmark:${datasetId}`;
}

// One set of loads per worker: the worker (and so every load) lives as long as the page.
const loadsByWorker = new WeakMap<WorkerApi, BenchmarkLoads>();

function loadsFor(worker: WorkerApi): BenchmarkLoads {
  let loads = loadsByWorker.get(worker);
  if (loads === undefined) {
    loads = new BenchmarkLoads(worker);
    loadsByWorker.set(worker, loads);
  }
  return loads;
}

export interface BenchmarkLoadState {
  isRunning: (datasetId: string) => boolean;
  /** The error the last load or delete of this dataset ended with (never a cancel). */
  errorOf: (datasetId: string) => BenchmarkCallError | null;
  /** Loads a variant; resolves with its dataset id, or null if it failed or was cancelled. */
  load: (settings: SourceSettings, request: VariantRequest) => Promise<string | null>;
  cancel: (datasetId: string) => void;
  remove: (datasetId: string) => Promise<void>;
  clearError: (datasetId: string) => void;
}

export function useBenchmarkLoad(): BenchmarkLoadState {
  const { worker } = useServices();
  const loads = loadsFor(worker);
  const snapshot = useSyncExternalStore(loads.subscribe, loads.getSnapshot);
  const isRunning = useCallback((id: string) => snapshot.running.has(id), [snapshot]);
  const errorOf = useCallback((id: string) => snapshot.errors.get(id) ?? null, [snapshot]);
  return {
    isRunning,
    errorOf,
    load: (settings, request) => loads.load(settings, request),
    cancel: (id) => loads.cancel(id),
    remove: (id) => loads.remove(id),
    clearError: (id) => loads.clearError(id),
  };
}
