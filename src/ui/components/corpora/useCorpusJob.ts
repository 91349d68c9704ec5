import { useCallback, useEffect, useRef, useState } from 'react';
import { toAppError, type AppError } from '../../../core/errors';
import { useServices } from '../../appContext';

export interface CorpusJob<T> {
  result: T | null;
  error: AppError | null;
  isRunning: boolean;
  /** Starts `work` as a new job, cancelling the one before; resolves with its result (null if not). */
  run: (work: (jobId: string) => Promise<T>) => Promise<T | null>;
  cancel: () => void;
  clearError: () => void;
}

/**
 * One cancellable worker job at a time, with its last result and error. A newer run supersedes an
 * older one (its late answer is dropped); cancelling is not an error (STYLE: never shown as one).
 */
export function useCorpusJob<T>(): CorpusJob<T> {
  const { worker } = useServices();
  const current = useRef<string | null>(null);
  const [result, setResult] = useState<T | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [isRunning, setIsRunning] = useState(false);

  const cancel = useCallback(() => {
    if (current.current !== null) void worker.cancel(current.current);
  }, [worker]);

  const run = useCallback(
    async (work: (jobId: string) => Promise<T>) => {
      cancel();
      const jobId = `corpus:${crypto.randomUUID()}`;
      current.current = jobId;
      setIsRunning(true);
      setError(null);
      try {
        const value = await work(jobId);
        if (current.current === jobId) setResult(value);
        return value;
      } catch (caught) {
        const appError = toAppError(caught);
        if (current.current === jobId && appError.kind !== 'aborted') setError(appError);
        return null;
      } finally {
        if (current.current === jobId) {
          current.current = null;
          setIsRunning(false);
        }
      }
    },
    [cancel],
  );

  // A job whose component went away is of no use to anyone.
  useEffect(() => cancel, [cancel]);

  return { result, error, isRunning, run, cancel, clearError: () => setError(null) };
}
