import { useCallback, useEffect, useState } from 'react';
import { toAppError } from '../../../../core/errors';
import { regexProblem } from '../../../../core/results/resultsQuery';
import { useServices } from '../../../appContext';

export interface RolloutSearch {
  /** Keys of the matching rollouts; null when there is no search (or it cannot run). */
  keys: ReadonlySet<string> | null;
  isSearching: boolean;
  error: string | null;
  /** Has the worker build the run's search text ahead of the first keystroke (e.g. on focus). */
  warm: () => void;
}

interface Answer {
  request: string;
  keys: ReadonlySet<string> | null;
  error: string | null;
}

const NO_ANSWER: Answer = { request: '', keys: null, error: null };

/**
 * Full-text search in the worker. `version` names the rows the caller shows, so the worker answers
 * from its cached text while they are unchanged. Until a new answer arrives the previous one stays,
 * so the table does not flash empty while typing.
 */
export function useRolloutSearch(
  runId: string,
  query: string,
  isRegex: boolean,
  version: string,
): RolloutSearch {
  const { worker } = useServices();
  const [answer, setAnswer] = useState<Answer>(NO_ANSWER);
  const problem = isRegex && query !== '' ? regexProblem(query) : null;
  const request =
    query === '' || problem !== null ? '' : JSON.stringify([runId, isRegex, version, query]);

  useEffect(() => {
    if (request === '') return;
    let isCurrent = true;
    performance.mark('medeval:results-search');
    worker.searchRollouts(runId, query, { isRegex, version }).then(
      (keys) => {
        performance.mark('medeval:results-search-done');
        if (isCurrent) setAnswer({ request, keys: new Set(keys), error: null });
      },
      (error: unknown) => {
        if (isCurrent) setAnswer({ request, keys: null, error: toAppError(error).message });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [worker, request, runId, query, isRegex, version]);

  const warm = useCallback(() => {
    // Only a head start: a failure here shows up, with its message, on the real search.
    worker.searchRollouts(runId, '', { isRegex: false, version }).then(
      () => undefined,
      () => undefined,
    );
  }, [worker, runId, version]);

  if (problem !== null) return { keys: null, isSearching: false, error: problem, warm };
  if (request === '') return { keys: null, isSearching: false, error: null, warm };
  if (answer.request === request) return { ...answer, isSearching: false, warm };
  return { keys: answer.keys, isSearching: true, error: null, warm };
}
