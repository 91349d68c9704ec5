import { useEffect } from 'react';
import { isEmptyQuery } from '../../../core/corpora/rowQuery';
import type { CorpusTarget, RowQuery } from '../../../core/schema/corpus';
import type { CorpusPage } from '../../../worker/workerApi';
import { useServices } from '../../appContext';
import { useCorpusJob, type CorpusJob } from './useCorpusJob';

export const BROWSE_PAGE_ROWS = 100;

/**
 * The page of rows at `offset` for a split and query; refetched when any of them change, or when the
 * split becomes loaded (`loadedId`), after which pages come from IndexedDB.
 */
export function useCorpusRows(
  target: CorpusTarget,
  query: RowQuery,
  offset: number,
  loadedId: string | null,
): CorpusJob<CorpusPage> {
  const { worker } = useServices();
  const job = useCorpusJob<CorpusPage>();
  const { run } = job;
  const { dataset, config, split } = target;
  useEffect(() => {
    const page = { dataset, config, split };
    void run((jobId) =>
      isEmptyQuery(query)
        ? worker.corpusBrowse(jobId, page, offset, BROWSE_PAGE_ROWS)
        : worker.corpusSearch(jobId, page, query, offset, BROWSE_PAGE_ROWS),
    );
  }, [run, worker, dataset, config, split, query, offset, loadedId]);
  return job;
}
