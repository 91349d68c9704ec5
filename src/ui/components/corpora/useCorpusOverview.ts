import { useEffect } from 'react';
import type { CorpusOverview } from '../../../worker/workerApi';
import { useServices } from '../../appContext';
import { useCorpusJob, type CorpusJob } from './useCorpusJob';

/** What the viewer says about a dataset (splits, sizes, licence, features), asked when it changes. */
export function useCorpusOverview(dataset: string, config: string): CorpusJob<CorpusOverview> {
  const { worker } = useServices();
  const job = useCorpusJob<CorpusOverview>();
  const { run } = job;
  useEffect(() => {
    void run((jobId) => worker.corpusOverview(jobId, dataset, config));
  }, [run, worker, dataset, config]);
  return job;
}
