// Compact rollout rows for the results statistics tests: only what a test sets differs from a plain,
// finished, two-judge rollout.
import type { RolloutRow } from '../../../src/core/results/rolloutRow';

type Scores = { accuracy: number | null; completeness: number | null; clarity: number | null };
const NONE: Scores = { accuracy: null, completeness: null, clarity: null };

export interface RowSpec {
  example_id?: number;
  rollout_index?: number;
  section?: string | null;
  status?: string;
  reward?: number | null;
  jury_score?: number | null;
  criterion_means?: Partial<Scores>;
  /** Per judge: its score and criteria; `null` = the call failed. */
  judges?: ({ score: number | null; criteria?: Partial<Scores> } | null)[];
  ratings?: Partial<Scores>;
  inputTokens?: number | null;
  outputTokens?: number | null;
  costUsd?: number | null;
  runId?: string;
}

export function row(spec: RowSpec = {}): RolloutRow {
  const example_id = spec.example_id ?? 0;
  const rollout_index = spec.rollout_index ?? 0;
  return {
    v: 1,
    runId: spec.runId ?? 'run-a',
    key: `${example_id}:${rollout_index}`,
    example_id,
    rollout_index,
    exampleKey: `note-${example_id}`,
    section: spec.section === undefined ? 'Surgery' : spec.section,
    status: spec.status ?? 'done',
    reward: spec.reward === undefined ? 0.8 : spec.reward,
    jury_score: spec.jury_score === undefined ? 4 : spec.jury_score,
    criterion_means: { ...NONE, ...spec.criterion_means },
    judges: (spec.judges ?? []).map((judge) =>
      judge === null
        ? { score: null, criteria: NONE, failed: true }
        : { score: judge.score, criteria: { ...NONE, ...judge.criteria }, failed: false },
    ),
    judgeSpread: null,
    inputTokens: spec.inputTokens ?? null,
    outputTokens: spec.outputTokens ?? null,
    latencyMs: null,
    costUsd: spec.costUsd ?? null,
    hasNote: false,
    ratings: { ...NONE, ...spec.ratings },
    errorKind: null,
    updatedAt: 0,
  };
}
