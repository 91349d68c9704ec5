// Owns the results table's state as it lives in the URL (`#/results?run=…&q=…&status=…`): reading it
// back (a shared or hand-edited link is untrusted input, so reading never throws — a bad value is dropped
// and named in `problems`), writing it, and the filtering and sorting it asks for. Pure.
import { z } from '../zod';
import { CRITERIA } from '../envs/mtsamples/judge';
import { RolloutStatusSchema, type RolloutStatus } from '../schema/run';
import {
  ENV_COLUMN_IDS,
  envColumnValue,
  isEnvColumnId,
  METRIC_COLUMN_IDS,
  metricColumnValue,
} from './envColumns';
import { rolloutOrderValue, sortByValue, type SortValue } from './rolloutOrder';
import type { RolloutRow } from './rolloutRow';

/** Judges a run may have (RunSettingsSchema: at most 8), so judge columns are judge0…judge7. */
const MAX_JUDGES = 8;

const RESULTS_COLUMN_IDS = [
  'example',
  'section',
  'reward',
  ...CRITERIA,
  ...Array.from({ length: MAX_JUDGES }, (_, i) => `judge${i}`),
  'status',
  'inputTokens',
  'outputTokens',
  'latency',
  'cost',
  'note',
  'rated',
  ...ENV_COLUMN_IDS,
  ...METRIC_COLUMN_IDS,
] as const;
const COLUMN_IDS: ReadonlySet<string> = new Set(RESULTS_COLUMN_IDS);
const ResultsColumnIdSchema = z.string().refine((id) => COLUMN_IDS.has(id), 'unknown column');

const RESULTS_TABS = ['rollouts', 'summary', 'judges'] as const;
const ResultsTabSchema = z.enum(RESULTS_TABS);
export type ResultsTab = z.infer<typeof ResultsTabSchema>;

const SortSchema = z.object({
  column: ResultsColumnIdSchema,
  direction: z.enum(['asc', 'desc']),
});
export type ResultsSort = z.infer<typeof SortSchema>;

const ResultsQuerySchema = z.object({
  q: z.string().max(500),
  isRegex: z.boolean(),
  status: z.array(RolloutStatusSchema),
  section: z.string().min(1).max(200).nullable(),
  rewardMin: z.number().nullable(),
  rewardMax: z.number().nullable(),
  /** Keep rollouts whose judges disagree by at least this much (judgeSpread ≥ n). */
  spread: z.number().min(0).nullable(),
  hasNote: z.boolean(),
  sort: SortSchema.nullable(),
  /** Visible columns in order; null = the default set. */
  cols: z.array(ResultsColumnIdSchema).min(1).nullable(),
  tab: ResultsTabSchema,
  /** The rollout whose detail is open (`example_id:rollout_index`). */
  open: z
    .string()
    .regex(/^\d{1,9}:\d{1,9}$/)
    .nullable(),
});
export type ResultsQuery = z.infer<typeof ResultsQuerySchema>;

export const DEFAULT_RESULTS_QUERY: ResultsQuery = {
  q: '',
  isRegex: false,
  status: [],
  section: null,
  rewardMin: null,
  rewardMax: null,
  spread: null,
  hasNote: false,
  sort: null,
  cols: null,
  tab: 'rollouts',
  open: null,
};

const NUMBER_TEXT = /^-?(\d+\.?\d*|\.\d+)$/;
const numberParam = z
  .string()
  .regex(NUMBER_TEXT, 'not a number')
  .transform(Number)
  .pipe(z.number());
const listParam = z
  .string()
  .transform((text) => text.split(',').filter((item) => item !== ''))
  .pipe(z.array(z.string()).max(64));

/** How each URL parameter reads into the query; the keys are the parameter names. */
const PARAMS = {
  q: { field: 'q', schema: ResultsQuerySchema.shape.q },
  re: { field: 'isRegex', schema: z.enum(['0', '1']).transform((v) => v === '1') },
  status: { field: 'status', schema: listParam },
  section: { field: 'section', schema: z.string().min(1).max(200) },
  rmin: { field: 'rewardMin', schema: numberParam },
  rmax: { field: 'rewardMax', schema: numberParam },
  spread: { field: 'spread', schema: numberParam.pipe(z.number().min(0)) },
  note: { field: 'hasNote', schema: z.literal('1').transform(() => true) },
  sort: {
    field: 'sort',
    schema: z
      .string()
      .regex(/^[\w]+:(asc|desc)$/, 'not column:asc or column:desc')
      .transform((text) => {
        const [column = '', direction] = text.split(':');
        return { column, direction };
      })
      .pipe(SortSchema),
  },
  cols: { field: 'cols', schema: listParam },
  tab: { field: 'tab', schema: ResultsTabSchema },
  open: { field: 'open', schema: ResultsQuerySchema.shape.open.unwrap() },
} as const satisfies Record<string, { field: keyof ResultsQuery; schema: z.ZodType }>;
export type ResultsParam = keyof typeof PARAMS;

function quoted(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

/** Keeps the known items of a list parameter; names the rest. */
function knownItems<T extends string>(
  name: string,
  items: readonly string[],
  isKnown: (item: string) => item is T,
  problems: string[],
): T[] {
  const unknown = items.filter((item) => !isKnown(item));
  if (unknown.length > 0) problems.push(`${name}: ignored ${unknown.map(quoted).join(', ')}`);
  return [...new Set(items.filter(isKnown))];
}

const isStatus = (item: string): item is RolloutStatus =>
  RolloutStatusSchema.safeParse(item).success;
const isColumn = (item: string): item is string => COLUMN_IDS.has(item);

/** The query a URL asks for. Never throws: each unreadable value is left out and named in `problems`. */
export function parseResultsQuery(params: URLSearchParams): {
  query: ResultsQuery;
  problems: string[];
} {
  const query: Record<string, unknown> = { ...DEFAULT_RESULTS_QUERY };
  const problems: string[] = [];
  for (const [name, { field, schema }] of Object.entries(PARAMS)) {
    const text = params.get(name);
    if (text === null || text === '') continue;
    const parsed = schema.safeParse(text);
    if (!parsed.success) {
      problems.push(`${name}=${quoted(text)}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      continue;
    }
    query[field] = parsed.data;
  }
  const result = query as ResultsQuery;
  result.status = knownItems('status', result.status, isStatus, problems);
  const cols = knownItems('cols', result.cols ?? [], isColumn, problems);
  result.cols = cols.length === 0 ? null : cols;
  return { query: result, problems };
}

function numberText(value: number | null): string | null {
  return value === null ? null : String(value);
}

/** Every parameter the query owns, null where it has its default (so `withParams` removes it). */
export function toParams(query: ResultsQuery): Record<ResultsParam, string | null> {
  return {
    q: query.q === '' ? null : query.q,
    re: query.isRegex ? '1' : null,
    status: query.status.length === 0 ? null : query.status.join(','),
    section: query.section,
    rmin: numberText(query.rewardMin),
    rmax: numberText(query.rewardMax),
    spread: numberText(query.spread),
    note: query.hasNote ? '1' : null,
    sort: query.sort === null ? null : `${query.sort.column}:${query.sort.direction}`,
    cols: query.cols === null ? null : query.cols.join(','),
    tab: query.tab === 'rollouts' ? null : query.tab,
    open: query.open,
  };
}

/** Why `pattern` is not a usable regular expression, or null when it is. */
export function regexProblem(pattern: string): string | null {
  try {
    new RegExp(pattern, 'i');
    return null;
  } catch (error) {
    // Engines word this differently; V8 repeats "Invalid regular expression:" itself.
    const reason = (error instanceof Error ? error.message : String(error)).replace(
      /^Invalid regular expression:\s*/,
      '',
    );
    return `Invalid regular expression: ${reason}`;
  }
}

/**
 * The rows the query's filters keep, in their order. `matchingKeys` is the full-text search's answer
 * (null: no search). A bound on reward or spread drops rows that have no value for it.
 */
export function filterRows(
  rows: readonly RolloutRow[],
  query: ResultsQuery,
  matchingKeys: ReadonlySet<string> | null,
): RolloutRow[] {
  const statuses = query.status.length === 0 ? null : new Set<string>(query.status);
  const { rewardMin, rewardMax, spread } = query;
  return rows.filter(
    (row) =>
      (statuses === null || statuses.has(row.status)) &&
      (query.section === null || row.section === query.section) &&
      (rewardMin === null || (row.reward !== null && row.reward >= rewardMin)) &&
      (rewardMax === null || (row.reward !== null && row.reward <= rewardMax)) &&
      (spread === null || (row.judgeSpread !== null && row.judgeSpread >= spread)) &&
      (!query.hasNote || row.hasNote) &&
      (matchingKeys === null || matchingKeys.has(row.key)),
  );
}

/** The value a column shows and sorts by. */
function sortValue(row: RolloutRow, column: string): SortValue {
  switch (column) {
    case 'example':
      return rolloutOrderValue(row);
    case 'section':
      return row.section;
    case 'reward':
      return row.reward;
    case 'accuracy':
    case 'completeness':
    case 'clarity':
      return row.criterion_means[column];
    case 'status':
      return row.status;
    case 'inputTokens':
      return row.inputTokens;
    case 'outputTokens':
      return row.outputTokens;
    case 'latency':
      return row.latencyMs;
    case 'cost':
      return row.costUsd;
    case 'note':
      return row.hasNote ? 1 : 0;
    case 'rated':
      return isRated(row) ? 1 : 0;
    default:
      if (isEnvColumnId(column)) return envColumnValue(row, column);
      if (/^metric\d+$/.test(column)) return metricColumnValue(row, Number(column.slice(6)));
      return column.startsWith('judge')
        ? (row.judges[Number(column.slice(5))]?.score ?? null)
        : null;
  }
}

export function isRated(row: RolloutRow): boolean {
  return CRITERIA.some((criterion) => row.ratings[criterion] !== null);
}

/** Sorted by one column; rows without a value come last in both directions; ties keep their order. */
export function sortRows(rows: readonly RolloutRow[], sort: ResultsSort | null): RolloutRow[] {
  if (sort === null) return [...rows];
  return sortByValue(rows, (row) => sortValue(row, sort.column), sort.direction);
}

/**
 * A run's version for the search cache: how many rollouts it has and when the latest changed. Rows
 * carry their rollout's `updatedAt`, so the UI can name the version of the rows it shows for free.
 */
export function searchVersion(rollouts: readonly { updatedAt: number }[]): string {
  let latest = 0;
  for (const rollout of rollouts) latest = Math.max(latest, rollout.updatedAt);
  return `${rollouts.length}:${latest}`;
}
