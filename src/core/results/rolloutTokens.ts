// Whose tokens a number counts. The Results table's In / Out add every call of a rollout (model,
// judges, rubric grader); a rollout's detail shows the model's and the scorers' apart and their sum, so
// the two views read the same (#13: "Tokens 396 in / 209 out" was the model alone beside a table
// that counted the judges too). Pure.
import type { RolloutRecord } from '../schema/run';

export interface TokenCount {
  inputTokens: number;
  outputTokens: number;
}

export interface RolloutTokens {
  /** The model under test's generation. */
  model: TokenCount | null;
  /** The judges' (jury) or the grader's (rubric) calls. */
  scoring: TokenCount | null;
  /** Every call: what the Results table's In / Out columns show. */
  all: TokenCount | null;
}

type Usage = TokenCount | null | undefined;

/** The sum of the usages reported; null when no call reported one (unknown is not 0). */
export function sumUsage(usages: readonly Usage[]): TokenCount | null {
  const known = usages.filter(
    (usage): usage is TokenCount => usage !== null && usage !== undefined,
  );
  if (known.length === 0) return null;
  return {
    inputTokens: known.reduce((sum, usage) => sum + usage.inputTokens, 0),
    outputTokens: known.reduce((sum, usage) => sum + usage.outputTokens, 0),
  };
}

export function rolloutTokens(
  rollout: Pick<RolloutRecord, 'generation' | 'judges' | 'grades'>,
): RolloutTokens {
  const model = rollout.generation?.usage ?? null;
  const scoring = sumUsage(
    [...rollout.judges, ...(rollout.grades ?? [])].map((call) => call?.usage),
  );
  return { model, scoring, all: sumUsage([model, scoring]) };
}
