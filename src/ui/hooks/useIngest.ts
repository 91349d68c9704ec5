import { useCallback, useState } from 'react';
import { toAppError, type AppError } from '../../core/errors';
import type { InputCut } from '../../core/envs/mtsamples/processNote';
import { githubDatasetId } from '../../core/schema/dataset';
import type { SourceSettings } from '../../core/schema/sourceSettings';
import { useServices } from '../appContext';

export interface IngestState {
  isRunning: boolean;
  error: AppError | null;
  /**
   * Why the last download of this dataset started in this tab failed, if it did: kept for the life of
   * the tab (a visit to another page, a dismissed banner), because its record may not say it — a full
   * disk refuses the write of the failure too, and the record still says it is downloading.
   */
  failureOf: (datasetId: string) => AppError | undefined;
  start: (settings: SourceSettings, inputCut: InputCut) => Promise<string | null>;
  cancel: () => void;
  clearError: () => void;
}

const failuresInThisTab = new Map<string, AppError>();

/** Starts, cancels and reports a download; progress itself is read live from the dataset record. */
export function useIngest(): IngestState {
  const { worker } = useServices();
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const start = useCallback(
    async (settings: SourceSettings, inputCut: InputCut) => {
      const datasetId = githubDatasetId(settings.repo, settings.folder, settings.commit);
      const id = `ingest:${datasetId}`;
      failuresInThisTab.delete(datasetId);
      setJobId(id);
      setError(null);
      try {
        return await worker.ingestGithub(id, settings, inputCut);
      } catch (caught) {
        const appError = toAppError(caught);
        // Cancelling is not an error: the record already says "cancelled".
        if (appError.kind !== 'aborted') {
          failuresInThisTab.set(datasetId, appError);
          setError(appError);
        }
        return null;
      } finally {
        setJobId(null);
      }
    },
    [worker],
  );

  const cancel = useCallback(() => {
    if (jobId !== null) void worker.cancel(jobId);
  }, [jobId, worker]);

  return {
    isRunning: jobId !== null,
    error,
    failureOf: (datasetId) => failuresInThisTab.get(datasetId),
    start,
    cancel,
    clearError: () => setError(null),
  };
}
