// Owns the results-table columns of runs scored without a jury: their ids (valid in a results link)
// and the value each shows and sorts by, read from the row's compact env score. Pure.
import type { RolloutRow } from './rolloutRow';

/** Choice and reward runs: parsed answer, gold, credit; rubric runs: raw and clipped score. */
export const ENV_COLUMN_IDS = ['parsed', 'gold', 'correct', 'rubricRaw', 'rubricClipped'] as const;
export type EnvColumnId = (typeof ENV_COLUMN_IDS)[number];

const IDS: ReadonlySet<string> = new Set(ENV_COLUMN_IDS);

export function isEnvColumnId(id: string): id is EnvColumnId {
  return IDS.has(id);
}

/** The value an env column shows and sorts by; null when the row has none (not scored yet). */
export function envColumnValue(row: RolloutRow, column: EnvColumnId): string | number | null {
  const score = row.envScore;
  switch (column) {
    case 'parsed':
      return score?.kind === 'choice' || score?.kind === 'reward' ? score.parsed : null;
    case 'gold':
      return score?.kind === 'choice' || score?.kind === 'reward' ? score.gold : null;
    case 'correct':
      // An env's own reward may be partial credit (SCT, MedHallu's "unsure"): the credit itself.
      if (score?.kind === 'reward') return score.reward;
      return score?.kind === 'choice' ? (score.correct ? 1 : 0) : null;
    case 'rubricRaw':
      return score?.kind === 'rubric' ? score.raw : null;
    case 'rubricClipped':
      return score?.kind === 'rubric' ? score.clipped : null;
  }
}

/**
 * An imported file's reward functions: `metric0`… in the order the run's settings list them (at most
 * 16 columns; the summary lists every one). Each row's `metrics` record was built in that order.
 */
export const MAX_METRIC_COLUMNS = 16;
export const METRIC_COLUMN_IDS = Array.from(
  { length: MAX_METRIC_COLUMNS },
  (_, i) => `metric${i}`,
) as readonly string[];

/** The value of the row's `index`-th reward function; null when the file gives none. */
export function metricColumnValue(row: RolloutRow, index: number): number | null {
  const score = row.envScore;
  if (score?.kind !== 'metrics') return null;
  return Object.values(score.metrics)[index] ?? null;
}
