// Owns the comparison of two or more runs on the same examples: each example's reward per run (the
// mean over its scored rollouts), the difference from the first run (the baseline), wins / ties /
// losses, and a paired bootstrap interval of the mean difference. Pairing by example keeps the
// interval honest: examples differ in difficulty far more than models do. Pure.
import { pairedBootstrapDiffCI, type MeanInterval } from '../stats/bootstrap';
import type { RolloutRow } from './rolloutRow';
import { STATS_SEED } from './runStats';

/**
 * |Δ| below this is a tie. One judge's score moves in steps of 1/15 ≈ 0.067 (a single criterion
 * point), so a difference under 0.01 is averaging noise between rollouts, not a judged difference.
 */
export const TIE_EPSILON = 0.01;

export interface RunRows {
  runId: string;
  rows: readonly RolloutRow[];
}

export interface ExampleComparison {
  example_id: number;
  section: string | null;
  /** Per run (in the order given): mean reward over the example's scored rollouts; null = none. */
  rewards: (number | null)[];
  /** Per run: reward − baseline reward; null for the baseline itself or when either is missing. */
  deltas: (number | null)[];
  /** Largest |Δ| over the runs: the disagreement ranking key; null when nothing pairs. */
  maxAbsDelta: number | null;
}

interface PairedComparison {
  runId: string;
  /** Examples both this run and the baseline have a reward for. */
  paired: number;
  /** mean(run − baseline) over paired examples, with its 95% paired bootstrap interval. */
  diff: MeanInterval;
  /** The run scored higher by at least TIE_EPSILON. */
  wins: number;
  ties: number;
  losses: number;
  /** With a reward in the baseline only (absent here, or every rollout unscored). */
  onlyBaseline: number;
  /** With a reward in this run only. */
  onlyRun: number;
}

export interface RunComparison {
  runIds: string[];
  /** Every example any run has, largest disagreement first (unpaired last, then by id). */
  examples: ExampleComparison[];
  /** One entry per run after the baseline. */
  vsBaseline: PairedComparison[];
}

/** Mean reward per example over its scored rollouts; examples with rows but no score map to null. */
export function rewardsByExample(rows: readonly RolloutRow[]): Map<number, number | null> {
  const sums = new Map<number, { sum: number; n: number }>();
  for (const row of rows) {
    const entry = sums.get(row.example_id) ?? { sum: 0, n: 0 };
    if (row.reward !== null && Number.isFinite(row.reward)) {
      entry.sum += row.reward;
      entry.n++;
    }
    sums.set(row.example_id, entry);
  }
  return new Map([...sums].map(([id, { sum, n }]) => [id, n === 0 ? null : sum / n]));
}

export function outcomeOf(delta: number): 'win' | 'tie' | 'loss' {
  if (Math.abs(delta) < TIE_EPSILON) return 'tie';
  return delta > 0 ? 'win' : 'loss';
}

function pairWithBaseline(
  runId: string,
  baseline: Map<number, number | null>,
  other: Map<number, number | null>,
  seed: number,
): PairedComparison {
  const a: number[] = [];
  const b: number[] = [];
  const outcomes = { win: 0, tie: 0, loss: 0 };
  let onlyBaseline = 0;
  let onlyRun = 0;
  for (const id of new Set([...baseline.keys(), ...other.keys()])) {
    const base = baseline.get(id) ?? null;
    const mine = other.get(id) ?? null;
    if (base === null && mine === null) continue;
    if (mine === null) onlyBaseline++;
    else if (base === null) onlyRun++;
    else {
      a.push(mine);
      b.push(base);
      outcomes[outcomeOf(mine - base)]++;
    }
  }
  return {
    runId,
    paired: a.length,
    diff: pairedBootstrapDiffCI(a, b, { seed }),
    wins: outcomes.win,
    ties: outcomes.tie,
    losses: outcomes.loss,
    onlyBaseline,
    onlyRun,
  };
}

function sectionsOf(runs: readonly RunRows[]): Map<number, string | null> {
  const sections = new Map<number, string | null>();
  for (const { rows } of runs) {
    for (const row of rows) {
      if (!sections.has(row.example_id) || sections.get(row.example_id) === null) {
        sections.set(row.example_id, row.section);
      }
    }
  }
  return sections;
}

function byDisagreement(a: ExampleComparison, b: ExampleComparison): number {
  if (a.maxAbsDelta === null || b.maxAbsDelta === null) {
    if (a.maxAbsDelta !== b.maxAbsDelta) return a.maxAbsDelta === null ? 1 : -1;
  } else if (a.maxAbsDelta !== b.maxAbsDelta) return b.maxAbsDelta - a.maxAbsDelta;
  return a.example_id - b.example_id;
}

/** Compares every run with the first; throws with fewer than two runs (nothing to compare). */
export function compareRuns(runs: readonly RunRows[], seed = STATS_SEED): RunComparison {
  if (runs.length < 2) throw new RangeError(`comparing needs 2 or more runs, got ${runs.length}`);
  const perRun = runs.map((run) => rewardsByExample(run.rows));
  const baseline = perRun[0] ?? new Map<number, number | null>();
  const sections = sectionsOf(runs);
  const examples = [...sections.keys()].map((id): ExampleComparison => {
    const rewards = perRun.map((rewardsOf) => rewardsOf.get(id) ?? null);
    const base = rewards[0] ?? null;
    const deltas = rewards.map((reward, i) =>
      i === 0 || reward === null || base === null ? null : reward - base,
    );
    const present = deltas.filter((d): d is number => d !== null).map(Math.abs);
    return {
      example_id: id,
      section: sections.get(id) ?? null,
      rewards,
      deltas,
      maxAbsDelta: present.length === 0 ? null : Math.max(...present),
    };
  });
  return {
    runIds: runs.map((run) => run.runId),
    examples: examples.sort(byDisagreement),
    vsBaseline: runs
      .slice(1)
      .map((run, i) =>
        pairWithBaseline(
          run.runId,
          baseline,
          perRun[i + 1] ?? new Map<number, number | null>(),
          seed,
        ),
      ),
  };
}
