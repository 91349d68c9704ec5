// Owns the flat CSV of a run: one row per rollout, one column per number, for spreadsheets. RFC 4180
// (CRLF, fields quoted when they hold a comma, quote or line break), a UTF-8 BOM so that Excel reads
// non-ASCII text, and a guard against formula injection: a text cell starting with = + - @ tab or CR
// gets a leading `'` so a spreadsheet shows it instead of running it (OWASP "CSV injection"). Numbers
// are written as numbers and never guarded. Pure.
import { CRITERIA, type Criterion } from '../envs/mtsamples/judge';
import type { EnvSummaryKind } from '../envs/types';
import type { RolloutRecord, RunRecord } from '../schema/run';
import { summaryKindOf } from './envSummary';
import { sortByCodeUnit } from '../sortByCodeUnit';

type Cell = string | number | boolean | null | undefined;

interface Column {
  header: string;
  value: (rollout: RolloutRecord) => Cell;
}

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function toResultsCsv(run: RunRecord, rollouts: readonly RolloutRecord[]): string {
  const columns = csvColumns(run, rollouts);
  const sorted = [...rollouts].sort(
    (a, b) => a.example_id - b.example_id || a.rollout_index - b.rollout_index,
  );
  const lines = [
    columns.map((column) => csvCell(column.header)),
    ...sorted.map((rollout) => columns.map((column) => csvCell(column.value(rollout)))),
  ];
  return BOM + lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

/** One CSV field: guarded against formulas, then quoted per RFC 4180 when needed. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

function csvColumns(run: RunRecord, rollouts: readonly RolloutRecord[]): Column[] {
  // A choice or rubric run has its env's columns in place of the jury's (none of which it fills).
  const kind = summaryKindOf(run.settings, rollouts);
  return [
    { header: 'example_id', value: (r) => r.example_id },
    { header: 'rollout_index', value: (r) => r.rollout_index },
    { header: 'status', value: (r) => r.status },
    { header: 'reward', value: (r) => r.score?.reward },
    ...(kind === 'jury' ? juryColumns(run, rollouts) : envColumns(kind, rollouts)),
    { header: 'unscored_reason', value: (r) => r.unscoredReason },
    { header: 'empty_response', value: (r) => r.emptyResponse ?? false },
    { header: 'error', value: (r) => (r.error ? `${r.error.kind}: ${r.error.message}` : null) },
    { header: 'finish_reason', value: (r) => r.generation?.finishReason },
    { header: 'input_tokens', value: (r) => r.generation?.usage?.inputTokens },
    { header: 'output_tokens', value: (r) => r.generation?.usage?.outputTokens },
    { header: 'latency_ms', value: (r) => r.generation?.latencyMs },
    { header: 'cost_usd', value: costOf },
    ...CRITERIA.map((name) => ({
      header: `rating_${name}`,
      value: (r: RolloutRecord) => r.ratings?.[name],
    })),
    { header: 'note', value: (r) => r.notes },
  ];
}

function juryColumns(run: RunRecord, rollouts: readonly RolloutRecord[]): Column[] {
  const judgeCount = rollouts.reduce(
    (max, r) => Math.max(max, r.judges.length),
    run.settings.judges.length,
  );
  const judgeColumns = Array.from({ length: judgeCount }, (_, i) => columnsForJudge(run, i));
  return [
    { header: 'jury_score', value: (r) => r.score?.jury_score },
    ...CRITERIA.map((name) => ({
      header: `${name}_mean`,
      value: (r: RolloutRecord) => r.score?.criterion_means[name],
    })),
    ...judgeColumns.flat(),
  ];
}

/** Choice: how the answer was read; rubric: the score, raw and clipped, per axis, and the verdicts. */
function envColumns(kind: Exclude<EnvSummaryKind, 'jury'>, rollouts: readonly RolloutRecord[]) {
  const choice = (r: RolloutRecord) =>
    r.envScore?.kind === 'choice' || r.envScore?.kind === 'reward' ? r.envScore : undefined;
  const rubric = (r: RolloutRecord) => (r.envScore?.kind === 'rubric' ? r.envScore : undefined);
  if (kind === 'accuracy') {
    return [
      { header: 'parsed', value: (r) => choice(r)?.parsed },
      { header: 'gold', value: (r) => choice(r)?.gold },
      { header: 'correct', value: (r) => choice(r)?.correct },
      {
        header: 'matched_by',
        value: (r) => (r.envScore?.kind === 'choice' ? r.envScore.matchedBy : undefined),
      },
    ] satisfies Column[];
  }
  const axes = sortByCodeUnit(
    new Set(rollouts.flatMap((r) => Object.keys(rubric(r)?.byAxis ?? {}))),
  );
  return [
    { header: 'rubric_raw', value: (r) => rubric(r)?.raw },
    { header: 'rubric_clipped', value: (r) => rubric(r)?.clipped },
    ...axes.map((axis) => ({
      header: `axis_${axis}`,
      value: (r: RolloutRecord) => rubric(r)?.byAxis[axis],
    })),
    { header: 'items_met', value: (r) => rubric(r)?.met },
    { header: 'items_not_met', value: (r) => rubric(r)?.notMet },
    { header: 'items_unparseable', value: (r) => rubric(r)?.unparseable },
    { header: 'items_failed', value: (r) => rubric(r)?.failed },
  ] satisfies Column[];
}

function columnsForJudge(run: RunRecord, index: number): Column[] {
  const model = run.settings.judges[index]?.model ?? 'judge';
  const prefix = `judge_${index + 1}_${model.replace(/[^A-Za-z0-9._-]+/g, '_')}`;
  const criterion = (name: Criterion): Column => ({
    header: `${prefix}_${name}`,
    value: (r) => r.judges[index]?.parsed?.[name].score,
  });
  return [
    {
      header: `${prefix}_score`,
      value: (r) => r.score?.judge_scores[index] ?? r.judges[index]?.score,
    },
    ...CRITERIA.map(criterion),
  ];
}

/** Reported cost of the calls this rollout paid for (cache hits were paid before); blank if none. */
function costOf(rollout: RolloutRecord): number | null {
  const calls = [rollout.generation, ...rollout.judges, ...(rollout.grades ?? [])];
  let total: number | null = null;
  for (const call of calls) {
    if (call?.costUsd === null || call?.costUsd === undefined || call.cached) continue;
    total = (total ?? 0) + call.costUsd;
  }
  return total;
}
