// Owns the checks a results file's rows get as a whole, after each line has been read on its own:
// rewards that no reward of this file can be are line problems (issue 10 #6), and the example ids of
// verifiers 0.1.3–0.1.5, which numbered `id` as if each example's rollouts were next to each other
// while writing them rollout by rollout, are re-derived from the prompts. Pure.
import type { FileShape } from './fileMetrics';
import type { ImportedRow, LineProblem } from './parseResults';

/** An MTSamples reward, and every reward this app writes, is a fraction (results-format.md). */
const FRACTION = { low: 0, high: 1 };
/**
 * Another environment's reward is a weighted sum of its reward functions, which it alone defines. No
 * evaluation's reward comes near a million; past that a number is corruption (or an attack on the
 * statistics: one 1e308 turns every mean and interval into Infinity or NaN).
 */
const MAX_REWARD_MAGNITUDE = 1e6;

/** The rows whose reward and metrics can be what the file says they are; the rest as line problems. */
export function checkRewards(
  rows: readonly ImportedRow[],
  shape: FileShape,
): { rows: ImportedRow[]; problems: LineProblem[] } {
  const kept: ImportedRow[] = [];
  const problems: LineProblem[] = [];
  for (const row of rows) {
    const problem = rewardProblem(row, shape);
    if (problem === null) kept.push(row);
    else problems.push({ line: row.line, message: problem });
  }
  return { rows: kept, problems };
}

function rewardProblem(row: ImportedRow, shape: FileShape): string | null {
  const isFraction = shape.kind === 'jury' || row.medeval !== undefined;
  const { reward } = row;
  if (reward !== null && isFraction && (reward < FRACTION.low || reward > FRACTION.high)) {
    const whose = row.medeval !== undefined ? 'a reward this app writes' : 'an MTSamples reward';
    return `reward ${reward} is outside 0–1, the range of ${whose}`;
  }
  if (reward !== null && Math.abs(reward) > MAX_REWARD_MAGNITUDE) {
    return `reward ${reward} is beyond ±${MAX_REWARD_MAGNITUDE.toLocaleString('en-US')}: no reward of an evaluation is that large`;
  }
  for (const [name, value] of Object.entries(row.metrics ?? {})) {
    if (value !== null && Math.abs(value) > MAX_REWARD_MAGNITUDE) {
      return `metric ${name} = ${value} is beyond ±${MAX_REWARD_MAGNITUDE.toLocaleString('en-US')}: no reward function gives that`;
    }
  }
  for (const name of shape.metricNames) {
    const value = row.raw[name];
    if (typeof value === 'number' && Math.abs(value) > MAX_REWARD_MAGNITUDE) {
      return `metric ${name} = ${value} is beyond ±${MAX_REWARD_MAGNITUDE.toLocaleString('en-US')}: no reward function gives that`;
    }
  }
  return null;
}

/**
 * verifiers 0.1.3–0.1.5 wrote `id = i // rollouts_per_example` while `evaluate()` returned rollouts
 * rollout by rollout (q0 q1 q2 q0 q1 q2): with more than one rollout per example, one `id` covers
 * different questions. When rows keyed `id` disagree with their prompts, each distinct prompt becomes
 * an example, numbered in order of first appearance (the dataset's order, as `evaluate()` took it);
 * the file's `id` is kept as `fileId`. Rows keyed `example_id` are never touched.
 */
export function reidentifyLegacyIds(rows: readonly ImportedRow[]): ImportedRow[] {
  if (rows.length === 0 || rows.some((row) => row.idKey !== 'id')) return [...rows];
  const promptsById = new Map<number, Set<string>>();
  for (const row of rows) {
    const prompts = promptsById.get(row.example_id) ?? new Set<string>();
    prompts.add(JSON.stringify(row.prompt));
    promptsById.set(row.example_id, prompts);
  }
  if ([...promptsById.values()].every((prompts) => prompts.size === 1)) return [...rows];
  const idByPrompt = new Map<string, number>();
  return rows.map((row) => {
    const key = JSON.stringify(row.prompt);
    const id = idByPrompt.get(key) ?? idByPrompt.size;
    idByPrompt.set(key, id);
    return { ...row, example_id: id, fileId: row.example_id };
  });
}
