// The leaderboard's state in its link (#/leaderboard?…): which suite, the sort, whether shuffle
// repeats show, and the two rows picked for comparison. Only these: a link never carries a key, an
// endpoint or a result. Read defensively: a hand-edited link falls back to the defaults.
import {
  DEFAULT_VIEW,
  type LeaderboardViewState,
  type SortKey,
} from '../../../core/suites/leaderboardView';

export interface LeaderboardUrlState extends LeaderboardViewState {
  suiteId: string | null;
  /** Up to two model names. */
  picked: string[];
}

const PLAIN_SORTS = new Set(['macro', 'winrate', 'winrate_ln', 'model', 'cost']);
const MAX_PARAM = 300;

function sortOf(value: string | null): SortKey {
  if (value === null || value.length > MAX_PARAM) return DEFAULT_VIEW.sort;
  if (PLAIN_SORTS.has(value)) return value as SortKey;
  return value.startsWith('entry:') && value.length > 6 ? (value as SortKey) : DEFAULT_VIEW.sort;
}

export function readLeaderboardUrl(params: URLSearchParams): LeaderboardUrlState {
  const suite = params.get('suite');
  return {
    suiteId: suite !== null && suite.length <= MAX_PARAM ? suite : null,
    sort: sortOf(params.get('sort')),
    descending: params.get('dir') !== 'asc',
    showAll: params.get('all') === '1',
    picked: params
      .getAll('pick')
      .filter((model) => model.length <= MAX_PARAM)
      .slice(0, 2),
  };
}

export function leaderboardParams(state: LeaderboardUrlState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.suiteId !== null) params.set('suite', state.suiteId);
  if (state.sort !== DEFAULT_VIEW.sort) params.set('sort', state.sort);
  if (!state.descending) params.set('dir', 'asc');
  if (state.showAll) params.set('all', '1');
  for (const model of state.picked) params.append('pick', model);
  return params;
}
