// Owns the leaderboard: models as rows, a suite's entries as columns. Each cell is one run's digest
// (runDigest.ts): its score with a 95% interval, coverage, tokens and cost. Per model: the macro
// average — the unweighted mean of its scores over the suite's main entries (MedARC's datasets, not
// their option-shuffle repeats, nor entries a browser cannot run) — and MedARC's own headline, the
// mean win rate, simple and ln-weighted (winRate.ts), over the same main entries. Pure.
import type { RunRecord } from '../schema/run';
import type { RunDigest } from './runDigest';
import { placeRun, type ResolvedEntry } from './placeRun';
import { isShuffleEntry } from './suite';
import {
  computeWinRates,
  type ModelRewards,
  type ModelWinRate,
  type WinRateDataset,
} from './winRate';
import { mean as meanOf } from '../stats/mean';

export interface LeaderboardRun {
  run: Pick<
    RunRecord,
    'id' | 'name' | 'status' | 'settings' | 'dataset' | 'origin' | 'importedMetadata' | 'createdAt'
  >;
  digest: RunDigest | undefined;
  /** The entry a suite run created this run for. */
  suiteEntryKey?: string;
}

export interface LeaderboardCell {
  runId: string;
  runName: string;
  status: RunRecord['status'];
  /** Undefined until the worker has digested the run. */
  digest: RunDigest | undefined;
  /** Other runs of the same model that answer this entry (not shown in the cell). */
  alternatives: number;
}

export interface LeaderboardColumn extends ResolvedEntry {
  /** Counts in the macro average and the win rate. */
  isMain: boolean;
}

export interface LeaderboardRow {
  model: string;
  cells: ReadonlyMap<string, LeaderboardCell>;
  /** Unweighted mean over the main entries this model has a score on; `entries` of `of` counted. */
  macro: { mean: number | null; entries: number; of: number };
  winRate: ModelWinRate | null;
  totals: {
    inputTokens: number;
    outputTokens: number;
    costUsd: number;
    rowsWithoutCost: number;
    scored: number;
    unscored: number;
    error: number;
    pending: number;
    total: number;
  };
}

export interface Leaderboard {
  columns: LeaderboardColumn[];
  rows: LeaderboardRow[];
  /** Main entries of the suite (27 for Medmarks verified). */
  mainCount: number;
}

export function isMainColumn(column: ResolvedEntry): boolean {
  return !isShuffleEntry(column.entry) && column.resolution.state !== 'blocked';
}

function modelOf(run: LeaderboardRun['run']): string {
  return run.settings.model.model;
}

/** The run a cell shows: a finished one first, then the most examples scored, then the newest. */
function better(a: LeaderboardRun, b: LeaderboardRun): boolean {
  const done = (r: LeaderboardRun) => (r.run.status === 'done' ? 1 : 0);
  if (done(a) !== done(b)) return done(a) > done(b);
  const scored = (r: LeaderboardRun) => r.digest?.score.n ?? 0;
  if (scored(a) !== scored(b)) return scored(a) > scored(b);
  return a.run.createdAt > b.run.createdAt;
}

function groupRuns(
  columns: readonly LeaderboardColumn[],
  runs: readonly LeaderboardRun[],
): Map<string, Map<string, LeaderboardRun[]>> {
  const byModel = new Map<string, Map<string, LeaderboardRun[]>>();
  for (const item of runs) {
    const key = placeRun(item.run as RunRecord, columns, item.suiteEntryKey);
    if (key === null) continue;
    const model = modelOf(item.run);
    const cells = byModel.get(model) ?? new Map<string, LeaderboardRun[]>();
    cells.set(key, [...(cells.get(key) ?? []), item]);
    byModel.set(model, cells);
  }
  return byModel;
}

function cellOf(candidates: readonly LeaderboardRun[]): LeaderboardCell {
  const best = candidates.reduce((a, b) => (better(b, a) ? b : a));
  return {
    runId: best.run.id,
    runName: best.run.name,
    status: best.run.status,
    digest: best.digest,
    alternatives: candidates.length - 1,
  };
}

function totalsOf(cells: Iterable<LeaderboardCell>): LeaderboardRow['totals'] {
  const totals = {
    inputTokens: 0,
    outputTokens: 0,
    costUsd: 0,
    rowsWithoutCost: 0,
    scored: 0,
    unscored: 0,
    error: 0,
    pending: 0,
    total: 0,
  };
  for (const { digest } of cells) {
    if (digest === undefined) continue;
    totals.inputTokens += digest.tokens.input;
    totals.outputTokens += digest.tokens.output;
    totals.costUsd += digest.costUsd;
    totals.rowsWithoutCost += digest.rowsWithoutCost;
    totals.scored += digest.counts.scored;
    totals.unscored += digest.counts.unscored;
    totals.error += digest.counts.error;
    totals.pending += digest.counts.pending;
    totals.total += digest.counts.total;
  }
  return totals;
}

function macroOf(
  cells: ReadonlyMap<string, LeaderboardCell>,
  mainKeys: readonly string[],
): LeaderboardRow['macro'] {
  const scores = mainKeys.flatMap((key) => {
    const mean = cells.get(key)?.digest?.score.mean;
    return mean === undefined || mean === null ? [] : [mean];
  });
  return {
    mean: meanOf(scores),
    entries: scores.length,
    of: mainKeys.length,
  };
}

function winRateDatasets(
  rows: readonly { model: string; cells: ReadonlyMap<string, LeaderboardCell> }[],
  mainKeys: readonly string[],
): WinRateDataset[] {
  return mainKeys.map((key) => {
    const byModel = new Map<string, ModelRewards>();
    for (const row of rows) {
      const digest = row.cells.get(key)?.digest;
      if (digest !== undefined) byModel.set(row.model, digest);
    }
    return { id: key, byModel };
  });
}

export function buildLeaderboard(
  entries: readonly ResolvedEntry[],
  runs: readonly LeaderboardRun[],
): Leaderboard {
  const columns = entries.map((entry) => ({ ...entry, isMain: isMainColumn(entry) }));
  const mainKeys = columns.filter((c) => c.isMain).map((c) => c.entry.key);
  const grouped = groupRuns(columns, runs);
  const partial = [...grouped.entries()].map(([model, byEntry]) => ({
    model,
    cells: new Map([...byEntry.entries()].map(([key, list]) => [key, cellOf(list)] as const)),
  }));
  const winRates = computeWinRates(winRateDatasets(partial, mainKeys));
  const rows = partial.map(({ model, cells }) => ({
    model,
    cells,
    macro: macroOf(cells, mainKeys),
    winRate: winRates.byModel.get(model) ?? null,
    totals: totalsOf(cells.values()),
  }));
  rows.sort(
    (a, b) => (b.macro.mean ?? -1) - (a.macro.mean ?? -1) || a.model.localeCompare(b.model),
  );
  return { columns, rows, mainCount: mainKeys.length };
}
