import { describe, expect, it } from 'vitest';
import { ROLLOUT_ROW_VERSION, type RolloutRow } from '../../../src/core/results/rolloutRow';
import {
  DEFAULT_RESULTS_QUERY,
  filterRows,
  parseResultsQuery,
  regexProblem,
  sortRows,
  toParams,
  type ResultsQuery,
} from '../../../src/core/results/resultsQuery';

function row(key: string, overrides: Partial<RolloutRow> = {}): RolloutRow {
  const [example = '0', index = '0'] = key.split(':');
  return {
    v: ROLLOUT_ROW_VERSION,
    runId: 'run-1',
    key,
    example_id: Number(example),
    rollout_index: Number(index),
    exampleKey: `ex-${example}`,
    section: 'PLAN',
    status: 'done',
    reward: 0.5,
    jury_score: 3,
    criterion_means: { accuracy: 3, completeness: 3, clarity: 3 },
    judges: [],
    judgeSpread: null,
    inputTokens: 100,
    outputTokens: 20,
    latencyMs: 1000,
    costUsd: 0.001,
    hasNote: false,
    ratings: { accuracy: null, completeness: null, clarity: null },
    errorKind: null,
    updatedAt: 1,
    ...overrides,
  };
}

const query = (changes: Partial<ResultsQuery>): ResultsQuery => ({
  ...DEFAULT_RESULTS_QUERY,
  ...changes,
});
const parse = (search: string) => parseResultsQuery(new URLSearchParams(search));

describe('parseResultsQuery', () => {
  it.each<[string, Partial<ResultsQuery>]>([
    ['', {}],
    ['q=hernia', { q: 'hernia' }],
    ['q=mesh%7Cplug&re=1', { q: 'mesh|plug', isRegex: true }],
    ['re=0', { isRegex: false }],
    ['status=error,unscored', { status: ['error', 'unscored'] }],
    ['status=error,error', { status: ['error'] }],
    ['section=PLAN', { section: 'PLAN' }],
    ['rmin=0.25&rmax=.75', { rewardMin: 0.25, rewardMax: 0.75 }],
    ['rmin=-1', { rewardMin: -1 }],
    ['spread=2', { spread: 2 }],
    ['note=1', { hasNote: true }],
    ['sort=reward:desc', { sort: { column: 'reward', direction: 'desc' } }],
    ['sort=judge2:asc', { sort: { column: 'judge2', direction: 'asc' } }],
    ['cols=example,reward,status', { cols: ['example', 'reward', 'status'] }],
    ['tab=judges', { tab: 'judges' }],
    ['open=12:3', { open: '12:3' }],
    ['run=abc&other=1', {}],
  ])('reads %j', (search, expected) => {
    const { query: parsed, problems } = parse(search);
    expect(problems).toEqual([]);
    expect(parsed).toEqual(query(expected));
  });

  it.each<[string, Partial<ResultsQuery>, RegExp]>([
    ['rmin=abc', {}, /^rmin="abc": not a number/],
    ['rmin=1e400', {}, /^rmin=/],
    ['rmin=Infinity&rmax=0.5', { rewardMax: 0.5 }, /^rmin=/],
    ['spread=-1', {}, /^spread="-1"/],
    ['note=yes', {}, /^note="yes"/],
    ['re=true&q=x', { q: 'x' }, /^re="true"/],
    ['status=done,bogus', { status: ['done'] }, /^status: ignored "bogus"/],
    ['status=__proto__', {}, /^status: ignored "__proto__"/],
    ['sort=reward', {}, /^sort="reward": not column:asc/],
    ['sort=password:asc', {}, /^sort="password:asc": unknown column/],
    ['sort=reward:up', {}, /^sort=/],
    ['cols=reward,nope', { cols: ['reward'] }, /^cols: ignored "nope"/],
    ['cols=nope', {}, /^cols: ignored "nope"/],
    ['tab=admin', {}, /^tab="admin"/],
    ['open=../../etc', {}, /^open=/],
    [`q=${'x'.repeat(501)}`, {}, /^q="x{60}…"/],
    [`section=${'S'.repeat(201)}`, {}, /^section=/],
  ])('drops the tampered value in %j and says so', (search, expected, problem) => {
    const { query: parsed, problems } = parse(search);
    expect(parsed).toEqual(query(expected));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
  });

  it('never throws, whatever the link holds', () => {
    const junk = ['%', '\u0000', '=,=', ':', 'NaN', ',,,', '1:2:3', '{"a":1}', '\uD800'];
    for (const value of junk) {
      for (const name of ['q', 're', 'status', 'rmin', 'spread', 'sort', 'cols', 'tab', 'open']) {
        const params = new URLSearchParams();
        params.set(name, value);
        expect(() => parseResultsQuery(params)).not.toThrow();
      }
    }
  });

  it('round-trips through toParams', () => {
    const full = query({
      q: 'a b&c',
      isRegex: true,
      status: ['error', 'unscored'],
      section: 'PLAN',
      rewardMin: 0.1,
      rewardMax: 0.9,
      spread: 2,
      hasNote: true,
      sort: { column: 'cost', direction: 'asc' },
      cols: ['example', 'cost'],
      tab: 'summary',
      open: '4:1',
    });
    for (const q of [full, DEFAULT_RESULTS_QUERY]) {
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(toParams(q))) {
        if (value !== null) params.set(name, value);
      }
      expect(parse(params.toString())).toEqual({ query: q, problems: [] });
    }
  });

  it('writes null for every default, so the parameter is removed', () => {
    expect(Object.values(toParams(DEFAULT_RESULTS_QUERY)).every((v) => v === null)).toBe(true);
  });
});

describe('filterRows', () => {
  const rows = [
    row('0:0', { status: 'done', reward: 0.8, judgeSpread: 0 }),
    row('1:0', { status: 'error', reward: null, section: null }),
    row('2:0', { status: 'unscored', reward: null, hasNote: true }),
    row('3:0', { status: 'done', reward: 0.2, judgeSpread: 3, section: 'PROCEDURE' }),
    row('4:0', { status: 'done', reward: 0.5, judgeSpread: 1, hasNote: true }),
  ];
  const keys = (kept: RolloutRow[]) => kept.map((r) => r.key);

  it.each<[string, Partial<ResultsQuery>, Set<string> | null, string[]]>([
    ['no filter', {}, null, ['0:0', '1:0', '2:0', '3:0', '4:0']],
    ['one status', { status: ['error'] }, null, ['1:0']],
    ['two statuses', { status: ['error', 'unscored'] }, null, ['1:0', '2:0']],
    ['section', { section: 'PROCEDURE' }, null, ['3:0']],
    ['reward min (nulls dropped)', { rewardMin: 0.5 }, null, ['0:0', '4:0']],
    ['reward max (nulls dropped)', { rewardMax: 0.5 }, null, ['3:0', '4:0']],
    ['reward range inclusive', { rewardMin: 0.2, rewardMax: 0.5 }, null, ['3:0', '4:0']],
    ['reward min above max', { rewardMin: 0.9, rewardMax: 0.1 }, null, []],
    ['spread ≥ 1', { spread: 1 }, null, ['3:0', '4:0']],
    ['spread ≥ 0 drops rows without two judges', { spread: 0 }, null, ['0:0', '3:0', '4:0']],
    ['has note', { hasNote: true }, null, ['2:0', '4:0']],
    ['search keys', {}, new Set(['4:0', '1:0', 'x:y']), ['1:0', '4:0']],
    ['search with no match', {}, new Set<string>(), []],
    ['search and filter', { status: ['done'] }, new Set(['1:0', '3:0']), ['3:0']],
  ])('%s', (_name, changes, matching, expected) => {
    expect(keys(filterRows(rows, query(changes), matching))).toEqual(expected);
  });
});

describe('sortRows', () => {
  const rows = [
    row('0:0', { reward: 0.5, section: 'B', costUsd: null }),
    row('1:0', { reward: null, section: null, costUsd: 0.2 }),
    row('2:0', { reward: 0.9, section: 'A', costUsd: 0.1 }),
    row('3:0', { reward: 0.5, section: 'A', costUsd: null }),
    row('4:0', { reward: null, section: 'C', costUsd: 0.3 }),
    row('10:0', { reward: 0.1, section: 'A', costUsd: 0.3 }),
    row('2:1', { reward: 0.9, section: 'A', costUsd: 0.1 }),
  ];
  const keys = (sorted: RolloutRow[]) => sorted.map((r) => r.key);

  it.each<[string, 'asc' | 'desc', string[]]>([
    ['reward', 'asc', ['10:0', '0:0', '3:0', '2:0', '2:1', '1:0', '4:0']],
    ['reward', 'desc', ['2:0', '2:1', '0:0', '3:0', '10:0', '1:0', '4:0']],
    ['section', 'asc', ['2:0', '3:0', '10:0', '2:1', '0:0', '4:0', '1:0']],
    ['section', 'desc', ['4:0', '0:0', '2:0', '3:0', '10:0', '2:1', '1:0']],
    ['cost', 'desc', ['4:0', '10:0', '1:0', '2:0', '2:1', '0:0', '3:0']],
    ['example', 'asc', ['0:0', '1:0', '2:0', '2:1', '3:0', '4:0', '10:0']],
    ['example', 'desc', ['10:0', '4:0', '3:0', '2:1', '2:0', '1:0', '0:0']],
  ])('by %s %s: nulls last, ties in input order', (column, direction, expected) => {
    expect(keys(sortRows(rows, { column, direction }))).toEqual(expected);
  });

  it('by a judge column, with judges missing on some rows', () => {
    const judged = [
      row('0:0', { judges: [{ score: 0.4, criteria: row('x').ratings, failed: false }] }),
      row('1:0', { judges: [] }),
      row('2:0', { judges: [{ score: 0.8, criteria: row('x').ratings, failed: false }] }),
    ];
    expect(keys(sortRows(judged, { column: 'judge0', direction: 'desc' }))).toEqual([
      '2:0',
      '0:0',
      '1:0',
    ]);
  });

  it('leaves the order alone without a sort and never changes its input', () => {
    const before = keys(rows);
    expect(keys(sortRows(rows, null))).toEqual(before);
    sortRows(rows, { column: 'reward', direction: 'asc' });
    expect(keys(rows)).toEqual(before);
  });
});

describe('regexProblem', () => {
  it.each([
    ['mesh|plug', null],
    ['(unclosed', /^Invalid regular expression: /],
    ['[z-a]', /^Invalid regular expression: /],
  ])('%j', (pattern, expected) => {
    const problem = regexProblem(pattern);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});
