import { useCallback } from 'react';
import { DEFAULT_RESULTS_QUERY, type ResultsQuery } from '../../../../core/results/resultsQuery';
import { RolloutStatusSchema } from '../../../../core/schema/run';
import type { ResultsQueryState } from './useResultsQuery';
import type { RolloutSearch } from './useRolloutSearch';
import { GroupFilter } from './GroupFilter';
import { NumberFilter } from './NumberFilter';
import { SearchBox } from './SearchBox';

interface ResultsToolbarProps {
  query: ResultsQuery;
  update: ResultsQueryState['update'];
  /** The run's example groups (sections, subjects…) and what its benchmark calls them. */
  groups: { label: string; values: readonly string[] };
  /** A jury run: the judges' spread can be filtered on. */
  hasJudges: boolean;
  search: RolloutSearch;
  counts: { shown: number; total: number };
}

const STATUSES = RolloutStatusSchema.options;

const NO_FILTERS: Partial<ResultsQuery> = {
  q: DEFAULT_RESULTS_QUERY.q,
  status: DEFAULT_RESULTS_QUERY.status,
  section: null,
  rewardMin: null,
  rewardMax: null,
  spread: null,
  hasNote: false,
};

const isFiltered = (query: ResultsQuery) =>
  query.q !== '' ||
  query.status.length > 0 ||
  query.section !== null ||
  query.rewardMin !== null ||
  query.rewardMax !== null ||
  query.spread !== null ||
  query.hasNote;

/** Search and filters for the results table; every value lives in the URL. */
export function ResultsToolbar(props: ResultsToolbarProps) {
  const { query, update, groups, hasJudges, search, counts } = props;
  const onSearch = useCallback((q: string) => update({ q }), [update]);
  const onRegexChange = useCallback((isRegex: boolean) => update({ isRegex }), [update]);
  return (
    <div className="results-filters" role="search">
      <SearchBox
        value={query.q}
        isRegex={query.isRegex}
        onSearch={onSearch}
        onRegexChange={onRegexChange}
        onFocus={search.warm}
      />
      <label>
        Status
        <select
          multiple
          size={3}
          value={query.status}
          onChange={(event) =>
            update({
              status: [...event.target.selectedOptions].map(
                (option) => option.value as ResultsQuery['status'][number],
              ),
            })
          }
          data-testid="filter-status"
        >
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
      </label>
      {/* No groups to choose from (an imported file of another environment): no filter for them. */}
      {(groups.values.length > 0 || query.section !== null) && (
        <GroupFilter
          label={groups.label}
          groups={groups.values}
          value={query.section}
          onChange={(section) => update({ section })}
        />
      )}
      <NumberFilter
        label="Reward ≥"
        value={query.rewardMin}
        onChange={(rewardMin) => update({ rewardMin })}
        step={0.05}
        testId="filter-reward-min"
      />
      <NumberFilter
        label="Reward ≤"
        value={query.rewardMax}
        onChange={(rewardMax) => update({ rewardMax })}
        step={0.05}
        testId="filter-reward-max"
      />
      {hasJudges && (
        <NumberFilter
          label="Judges differ by ≥"
          value={query.spread}
          onChange={(spread) => update({ spread })}
          step={1}
          min={0}
          testId="filter-spread"
        />
      )}
      <label className="inline">
        <input
          type="checkbox"
          checked={query.hasNote}
          onChange={(event) => update({ hasNote: event.target.checked })}
          data-testid="filter-has-note"
        />{' '}
        Has a note
      </label>
      <p className="results-status" aria-live="polite">
        <span data-testid="results-count">
          {counts.shown.toLocaleString('en-US')} of {counts.total.toLocaleString('en-US')} rollouts
        </span>
        {search.isSearching && <span className="muted"> · searching…</span>}
        {search.error !== null && (
          <span className="search-error" role="alert" data-testid="results-search-error">
            {' '}
            · {search.error} (search not applied)
          </span>
        )}
        {isFiltered(query) && (
          <button type="button" className="link-button" onClick={() => update(NO_FILTERS)}>
            Clear filters
          </button>
        )}
      </p>
    </div>
  );
}
