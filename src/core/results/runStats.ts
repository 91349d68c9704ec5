// Owns the numbers of a run's results summary and judge-trust views, derived from its compact rows
// alone (spec mtsamples-procedures.md §5). Every mean carries its n; a value nothing supports is null,
// never 0. Unscored rollouts (reward null) are counted, and excluded from every reward mean. Pure.
import { helmJuryScore } from '../envs/mtsamples/helmJury';
import { CRITERIA, type Criterion } from '../envs/mtsamples/judge';
import { bootstrapMeanCI, type MeanInterval } from '../stats/bootstrap';
import {
  agreementMatrix,
  krippendorffAlphaOrdinal,
  LIKERT_CATEGORIES,
  pairwiseAgreement,
  spreadDistribution,
  type AgreementMatrix,
  type PairwiseAgreement,
  type Rater,
  type Rating,
  type SpreadDistribution,
} from '../stats/agreement';
import { PASS_THRESHOLD, passAtKTable, type PassAtKTable } from '../stats/passAtK';
import type { RolloutRow } from './rolloutRow';

/** Below this many paired items an agreement number is shown but flagged as too noisy to trust. */
export const MIN_TRUSTWORTHY_N = 20;
/** Histogram bins over [0, 1]; see `rewardHistogram` for the edges. */
const HISTOGRAM_BINS = 10;
/** Seed of every interval here: the same rows always show the same interval. */
export const STATS_SEED = 0;

export interface Mean {
  mean: number | null;
  n: number;
}

export interface RunCounts {
  total: number;
  done: number;
  unscored: number;
  /** Generation failed (status `error`). */
  error: number;
  /** Not finished yet: `pending`, `generating` or `judging`. */
  pending: number;
  /** Rows with a reward (normally = done). */
  scored: number;
}

interface RunUsage {
  inputTokens: number;
  outputTokens: number;
  /** Sum of the known costs; rows without one are counted in `rowsWithoutCost`, not guessed. */
  costUsd: number;
  rowsWithoutCost: number;
  /** Rows that report any token count: none in a file that records no usage (tokens unknown, not 0). */
  rowsWithTokens: number;
}

/** The few numbers every run list, header and comparison shows. */
export interface RunHeadline {
  counts: RunCounts;
  /** Mean reward over scored rows with its seeded 95% bootstrap interval. */
  reward: MeanInterval;
  /** HELM's 1–5 scale: mean over rows of their jury score (helmJury.ts: HELM's aggregate). */
  juryScore: Mean;
  usage: RunUsage;
}

interface JudgeStats {
  index: number;
  label: string;
  /** Mean of this judge's normalised score over the rows it scored. */
  score: Mean;
  criteria: Record<Criterion, Mean>;
  /** Rows on which this judge's call failed. */
  failed: number;
}

export interface HistogramBin {
  low: number;
  high: number;
  count: number;
}

export interface SectionStats {
  /** Null for rows without a section. */
  section: string | null;
  reward: MeanInterval;
  /** All rows of the section, scored or not. */
  total: number;
}

export interface PassAtKStats {
  threshold: number;
  rolloutsPerExample: number;
  /** Examples whose every rollout is scored: the only ones pass@k uses. */
  completeExamples: number;
  examples: number;
  table: PassAtKTable;
}

export interface RunStats extends RunHeadline {
  criterionMeans: Record<Criterion, Mean>;
  judges: JudgeStats[];
  histogram: HistogramBin[];
  bySection: SectionStats[];
  /** Null when every example has one rollout (pass@k is pass@1 = the mean then). */
  passAtK: PassAtKStats | null;
}

export function meanOf(values: readonly (number | null | undefined)[]): Mean {
  const present = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (present.length === 0) return { mean: null, n: 0 };
  return { mean: present.reduce((a, b) => a + b, 0) / present.length, n: present.length };
}

function scoredRewards(rows: readonly RolloutRow[]): number[] {
  return rows.flatMap((row) =>
    row.reward !== null && Number.isFinite(row.reward) ? [row.reward] : [],
  );
}

export function countRows(rows: readonly RolloutRow[]): RunCounts {
  const count = (...statuses: string[]) => rows.filter((r) => statuses.includes(r.status)).length;
  return {
    total: rows.length,
    done: count('done'),
    unscored: count('unscored'),
    error: count('error'),
    pending: count('pending', 'generating', 'judging'),
    scored: scoredRewards(rows).length,
  };
}

function usageOf(rows: readonly RolloutRow[]): RunUsage {
  const sum = (pick: (row: RolloutRow) => number | null) =>
    rows.reduce((total, row) => total + (pick(row) ?? 0), 0);
  return {
    inputTokens: sum((r) => r.inputTokens),
    outputTokens: sum((r) => r.outputTokens),
    costUsd: sum((r) => r.costUsd),
    rowsWithoutCost: rows.filter((r) => r.costUsd === null && r.status !== 'pending').length,
    rowsWithTokens: rows.filter((r) => r.inputTokens !== null || r.outputTokens !== null).length,
  };
}

export function computeRunHeadline(rows: readonly RolloutRow[], seed = STATS_SEED): RunHeadline {
  return {
    counts: countRows(rows),
    reward: bootstrapMeanCI(scoredRewards(rows), { seed }),
    juryScore: helmJuryScore(rows.map((r) => r.jury_score)),
    usage: usageOf(rows),
  };
}

/**
 * Ten equal bins: bin i holds rewards in [i/10, (i+1)/10), the last one [0.9, 1] with 1 included.
 * Rewards are sums of fifths divided by small counts, so a value meant to sit on an edge (0.7) can
 * arrive as 0.69999…; a 1e-9 nudge puts it in the bin that edge starts. Values outside [0, 1] (none
 * are expected) are clamped into the first or last bin rather than dropped.
 */
export function rewardHistogram(rewards: readonly number[]): HistogramBin[] {
  const bins = Array.from({ length: HISTOGRAM_BINS }, (_, i) => ({
    low: i / HISTOGRAM_BINS,
    high: (i + 1) / HISTOGRAM_BINS,
    count: 0,
  }));
  for (const reward of rewards) {
    const index = Math.min(
      HISTOGRAM_BINS - 1,
      Math.max(0, Math.floor(reward * HISTOGRAM_BINS + 1e-9)),
    );
    const bin = bins[index];
    if (bin !== undefined) bin.count++;
  }
  return bins;
}

function pushTo<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const group = groups.get(key);
  if (group === undefined) groups.set(key, [value]);
  else group.push(value);
}

/** Sections by name, rows without one last. */
export function rewardBySection(rows: readonly RolloutRow[], seed = STATS_SEED): SectionStats[] {
  const groups = new Map<string | null, RolloutRow[]>();
  for (const row of rows) pushTo(groups, row.section, row);
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([section, group]) => ({
      section,
      reward: bootstrapMeanCI(scoredRewards(group), { seed }),
      total: group.length,
    }));
}

/** pass@k over examples whose every rollout (as many as the most any example has) is scored. */
export function passAtKStats(rows: readonly RolloutRow[]): PassAtKStats | null {
  const byExample = new Map<number, RolloutRow[]>();
  for (const row of rows)
    byExample.set(row.example_id, [...(byExample.get(row.example_id) ?? []), row]);
  const groups = [...byExample.values()];
  const rolloutsPerExample = groups.reduce((max, g) => Math.max(max, g.length), 0);
  if (rolloutsPerExample <= 1) return null;
  const complete = groups
    .map(scoredRewards)
    .filter((rewards) => rewards.length === rolloutsPerExample);
  return {
    threshold: PASS_THRESHOLD,
    rolloutsPerExample,
    completeExamples: complete.length,
    examples: groups.length,
    table: passAtKTable(complete),
  };
}

function judgeCount(rows: readonly RolloutRow[], judgeLabels: readonly string[]): number {
  return rows.reduce((max, row) => Math.max(max, row.judges.length), judgeLabels.length);
}

/** Labels for judges by model; a model used twice gets "#2" so the two stay apart. */
export function judgeLabelsOf(judges: readonly { model: string }[]): string[] {
  return judges.map((judge, i) => {
    const twins = judges.filter((other) => other.model === judge.model).length;
    return twins > 1 ? `${judge.model} #${i + 1}` : judge.model;
  });
}

function labelAt(judgeLabels: readonly string[], index: number): string {
  return judgeLabels[index] ?? `Judge ${index + 1}`;
}

function criteriaMeans(pick: (criterion: Criterion) => (number | null)[]): Record<Criterion, Mean> {
  return {
    accuracy: meanOf(pick('accuracy')),
    completeness: meanOf(pick('completeness')),
    clarity: meanOf(pick('clarity')),
  };
}

function judgeStats(rows: readonly RolloutRow[], judgeLabels: readonly string[]): JudgeStats[] {
  return Array.from({ length: judgeCount(rows, judgeLabels) }, (_, index) => ({
    index,
    label: labelAt(judgeLabels, index),
    score: meanOf(rows.map((r) => r.judges[index]?.score ?? null)),
    criteria: criteriaMeans((c) => rows.map((r) => r.judges[index]?.criteria[c] ?? null)),
    failed: rows.filter((r) => r.judges[index]?.failed === true).length,
  }));
}

export function computeRunStats(
  rows: readonly RolloutRow[],
  judgeLabels: readonly string[],
  seed = STATS_SEED,
): RunStats {
  return {
    ...computeRunHeadline(rows, seed),
    criterionMeans: criteriaMeans((c) => rows.map((r) => r.criterion_means[c])),
    judges: judgeStats(rows, judgeLabels),
    histogram: rewardHistogram(scoredRewards(rows)),
    bySection: rewardBySection(rows, seed),
    passAtK: passAtKStats(rows),
  };
}

// --- judge trust -----------------------------------------------------------------------------------

export interface CriterionTrust {
  criterion: Criterion;
  /** Every pair of judges (and "human" when anyone rated), with alpha over all of them. */
  matrix: AgreementMatrix;
  /** Spread of the judges' scores per rollout on this criterion. */
  spread: SpreadDistribution;
}

export interface HumanAgreement {
  judgeIndex: number;
  label: string;
  /** The three criteria pooled: one item per (rollout, criterion) both rated. */
  overall: PairwiseAgreement;
  byCriterion: Record<Criterion, PairwiseAgreement>;
}

export interface JudgeTrust {
  judges: number;
  criteria: CriterionTrust[];
  /** Ordinal alpha over the judges, one unit per (rollout, criterion). */
  alpha: number | null;
  /** Units (rollout × criterion) with two or more judge scores: what alpha rests on. */
  alphaN: number;
  /** Judge spread per (rollout, criterion). */
  spread: SpreadDistribution;
  /** The judges' 1–5 scores: how many, and how many are a 4 or a 5 (what low variation looks like). */
  scores: { n: number; fourOrFive: number };
  /** Rollouts with at least one human rating. */
  humanRated: number;
  /** Empty when no one has rated a rollout. */
  human: HumanAgreement[];
}

const HUMAN_RATER_ID = 'human';

/** A 1–5 integer, or null: a stray value (an old import) must not throw inside the alpha code. */
function likert(value: number | null | undefined): Rating {
  return typeof value === 'number' && LIKERT_CATEGORIES.includes(value) ? value : null;
}

function judgeScores(rows: readonly RolloutRow[], index: number, c: Criterion): Rating[] {
  return rows.map((r) => likert(r.judges[index]?.criteria[c]));
}

function humanScores(rows: readonly RolloutRow[], c: Criterion): Rating[] {
  return rows.map((r) => likert(r.ratings[c]));
}

function criterionTrust(
  rows: readonly RolloutRow[],
  labels: readonly string[],
  criterion: Criterion,
  hasHuman: boolean,
): CriterionTrust {
  const raters: Rater[] = labels.map((label, i) => ({
    id: `judge-${i}`,
    label,
    scores: judgeScores(rows, i, criterion),
  }));
  const spread = spreadDistribution(
    rows.map((_, item) => raters.map((rater) => rater.scores[item] ?? null)),
  );
  if (hasHuman) {
    raters.push({ id: HUMAN_RATER_ID, label: 'Human', scores: humanScores(rows, criterion) });
  }
  return { criterion, matrix: agreementMatrix(raters), spread };
}

function humanAgreement(rows: readonly RolloutRow[], index: number, label: string): HumanAgreement {
  const pair = (c: Criterion) =>
    pairwiseAgreement({ raterA: humanScores(rows, c), raterB: judgeScores(rows, index, c) });
  return {
    judgeIndex: index,
    label,
    overall: pairwiseAgreement({
      raterA: CRITERIA.flatMap((c) => humanScores(rows, c)),
      raterB: CRITERIA.flatMap((c) => judgeScores(rows, index, c)),
    }),
    byCriterion: {
      accuracy: pair('accuracy'),
      completeness: pair('completeness'),
      clarity: pair('clarity'),
    },
  };
}

function scoreCounts(units: readonly Rating[][]): JudgeTrust['scores'] {
  const scores = units.flat().filter((score): score is number => score !== null);
  return { n: scores.length, fourOrFive: scores.filter((score) => score >= 4).length };
}

export function computeJudgeTrust(
  rows: readonly RolloutRow[],
  judgeLabels: readonly string[],
): JudgeTrust {
  const labels = Array.from({ length: judgeCount(rows, judgeLabels) }, (_, i) =>
    labelAt(judgeLabels, i),
  );
  const humanRated = rows.filter((r) => CRITERIA.some((c) => likert(r.ratings[c]) !== null)).length;
  // Judges' scores per criterion, computed once: [criterion][judge][row].
  const scores = CRITERIA.map((c) => labels.map((_label, i) => judgeScores(rows, i, c)));
  const units = scores.flatMap((byJudge) =>
    rows.map((_row, item) => byJudge.map((judge) => judge[item] ?? null)),
  );
  return {
    judges: labels.length,
    criteria: CRITERIA.map((c) => criterionTrust(rows, labels, c, humanRated > 0)),
    alpha: krippendorffAlphaOrdinal(units),
    alphaN: units.filter((unit) => unit.filter((v) => v !== null).length >= 2).length,
    spread: spreadDistribution(units),
    scores: scoreCounts(units),
    humanRated,
    human: humanRated > 0 ? labels.map((label, i) => humanAgreement(rows, i, label)) : [],
  };
}
