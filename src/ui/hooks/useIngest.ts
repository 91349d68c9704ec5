import { useCallback, useState } from 'react';
import { toAppError, type AppError } from '../../core/errors';
import type { InputCut } from '../../core/envs/mtsamples/processNote';
import { githubDatasetId } from '../../core/schema/dataset';
import type { SourceSettings } from '../../core/schema/sourceSettings';
import { useServices } from '../appContext';

export interface IngestState {
  isRunning: boolean;
  error: AppError | null;
  start: (settings: SourceSettings, inputCut: InputCut) => Promise<string | null>;
  cancel: () => void;
  clearError: () => void;
}

/** Starts, cancels and reports a download; progress itself is read live from the dataset record. */
export function useIngest(): IngestState {
  const { worker } = useServices();
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const start = useCallback(
    async (settings: SourceSettings, inputCut: InputCut) => {
      const id = `ingest:${githubDatasetId(settings.repo, settings.folder, settings.commit)}`;
      setJobId(id);
      setError(null);
      try {
        return await worker.ingestGithub(id, settings, inputCut);
      } catch (caught) {
        const appError = toAppError(caught);
        // Cancelling is not an error: the record already says "cancelled".
        if (appError.kind !== 'aborted') setError(appError);
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

  return { isRunning: jobId !== null, error, start, cancel, clearError: () => setError(null) };
}
