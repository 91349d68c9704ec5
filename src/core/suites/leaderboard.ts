// Owns the leaderboard: models as rows, a suite's entries as columns. Each cell is one run's digest
// (runDigest.ts): its score with a 95% interval, coverage, tokens and cost. Per model: the macro
// average — the unweighted mean of its scores over the suite's main entries (MedARC's datasets, not
// their option-shuffle repeats, nor entries a browser cannot run) — and MedARC's own headline, the
// mean win rate, simple and ln-weighted (winRate.ts), over the same main entries. The win rates need
// every cell's per-example rewards, so they are computed apart (in the worker: `winRateRequest`, then
// `leaderboardWinRates`) and joined to the board when they arrive (`withWinRates`). Pure.
import type { RunRecord } from '../schema/run';
import type { RunDigest, RunRewards } from './runDigest';
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
  /** False until the win rates of these cells have been joined (`withWinRates`). */
  winRatesReady: boolean;
}

/** One main entry's runs, one per model, whose rewards the win rate compares. */
export interface WinRateRequest {
  id: string;
  runs: readonly (readonly [model: string, runId: string])[];
}

export type LeaderboardWinRates = Map<string, ModelWinRate>;

function isMainColumn(column: ResolvedEntry): boolean {
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

/** What the win rates of `board` need: per main entry, each model's run that has a digest. */
export function winRateRequest(board: Leaderboard): WinRateRequest[] {
  const mainKeys = board.columns.filter((c) => c.isMain).map((c) => c.entry.key);
  return mainKeys.map((key) => ({
    id: key,
    runs: board.rows.flatMap((row) => {
      const cell = row.cells.get(key);
      return cell?.digest === undefined ? [] : [[row.model, cell.runId] as const];
    }),
  }));
}

/** A key that changes when the request, or any digest (and so rewards) it covers, changes. */
export function winRateRequestKey(board: Leaderboard): string {
  return JSON.stringify(
    board.columns
      .filter((c) => c.isMain)
      .map((c) =>
        board.rows.map((row) => {
          const digest = row.cells.get(c.entry.key)?.digest;
          return digest === undefined ? null : [digest.runId, digest.runUpdatedAt, digest.rows];
        }),
      ),
  );
}

/** MedARC's win rates per model for `request`, from each run's stored rewards. */
export function leaderboardWinRates(
  request: readonly WinRateRequest[],
  rewardsOf: (runId: string) => Pick<RunRewards, 'exampleIds' | 'rewards'> | undefined,
): LeaderboardWinRates {
  const datasets: WinRateDataset[] = request.map(({ id, runs }) => {
    const byModel = new Map<string, ModelRewards>();
    for (const [model, runId] of runs) {
      const rewards = rewardsOf(runId);
      if (rewards !== undefined) byModel.set(model, rewards);
    }
    return { id, byModel };
  });
  return computeWinRates(datasets).byModel;
}

/** The board with its win rates joined (`undefined`: not computed yet). */
export function withWinRates(
  board: Leaderboard,
  winRates: ReadonlyMap<string, ModelWinRate> | undefined,
): Leaderboard {
  if (winRates === undefined) return board;
  return {
    ...board,
    winRatesReady: true,
    rows: board.rows.map((row) => ({ ...row, winRate: winRates.get(row.model) ?? null })),
  };
}

/** The board without win rates (see `withWinRates`). */
export function buildLeaderboard(
  entries: readonly ResolvedEntry[],
  runs: readonly LeaderboardRun[],
): Leaderboard {
  const columns = entries.map((entry) => ({ ...entry, isMain: isMainColumn(entry) }));
  const mainKeys = columns.filter((c) => c.isMain).map((c) => c.entry.key);
  const grouped = groupRuns(columns, runs);
  const rows = [...grouped.entries()].map(([model, byEntry]) => {
    const cells = new Map(
      [...byEntry.entries()].map(([key, list]) => [key, cellOf(list)] as const),
    );
    return {
      model,
      cells,
      macro: macroOf(cells, mainKeys),
      winRate: null,
      totals: totalsOf(cells.values()),
    };
  });
  rows.sort(
    (a, b) => (b.macro.mean ?? -1) - (a.macro.mean ?? -1) || a.model.localeCompare(b.model),
  );
  return { columns, rows, mainCount: mainKeys.length, winRatesReady: false };
}
