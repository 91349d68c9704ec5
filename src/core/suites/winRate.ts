// MedARC's leaderboard number, computed as `medarc-eval winrate` does (medarc_verifiers/cli/winrate/
// api.py, MedARC-AI/med-lm-envs main 2026-01-28; notes: /work/notes/medmarks/suite.md §4) with its
// defaults: missing policy "neg-inf", epsilon 1e-9, min_common 0, dataset weights ln(n_questions).
// Per dataset: each model's reward per example (mean over rollouts); for each pair of models, over the
// examples where at least one has a value, a missing value counts as −∞; win if the difference is over
// epsilon, loss if under −epsilon, else a tie (½); a model's dataset win rate is the mean over its
// opponents. Across datasets: the simple mean and the ln(n_questions)-weighted mean. Pure.

export const WIN_EPSILON = 1e-9;

export interface WinRateDataset {
  id: string;
  /** Per model (only the models that ran this dataset): example id → mean reward, or null. */
  byModel: ReadonlyMap<string, ReadonlyMap<number, number | null>>;
}

export interface ModelWinRate {
  /** Unweighted mean over the datasets the model has a win rate on. */
  simple: number;
  /** Weighted by ln(n_questions) of each dataset (the simple mean when every weight is 0). */
  weighted: number;
  datasets: number;
}

export interface WinRates {
  /** Per dataset, per model: mean win rate against the other models of that dataset. */
  byDataset: Map<string, Map<string, number>>;
  /** Distinct example ids per dataset, over every model. */
  questions: Map<string, number>;
  byModel: Map<string, ModelWinRate>;
}

/** A's win rate against B over the examples where at least one has a value; null when none. */
export function pairwiseWinRate(
  a: ReadonlyMap<number, number | null>,
  b: ReadonlyMap<number, number | null>,
  examples: Iterable<number>,
): number | null {
  let used = 0;
  let score = 0;
  for (const id of examples) {
    const x = a.get(id) ?? null;
    const y = b.get(id) ?? null;
    if (x === null && y === null) continue;
    used++;
    const diff = (x ?? -Infinity) - (y ?? -Infinity);
    if (diff > WIN_EPSILON) score += 1;
    else if (!(diff < -WIN_EPSILON)) score += 0.5;
  }
  return used === 0 ? null : score / used;
}

function datasetWinRates(
  dataset: WinRateDataset,
  examples: readonly number[],
): Map<string, number> {
  const models = [...dataset.byModel.keys()].sort();
  const means = new Map<string, number>();
  if (models.length <= 1) return means;
  const pair = new Map<string, number | null>();
  for (const [i, a] of models.entries()) {
    for (const b of models.slice(i + 1)) {
      const wr = pairwiseWinRate(
        dataset.byModel.get(a) ?? new Map(),
        dataset.byModel.get(b) ?? new Map(),
        examples,
      );
      pair.set(`${a}\u0000${b}`, wr);
    }
  }
  for (const model of models) {
    const rates: number[] = [];
    for (const other of models) {
      if (other === model) continue;
      const [first, second] = model < other ? [model, other] : [other, model];
      const wr = pair.get(`${first}\u0000${second}`) ?? null;
      if (wr === null) continue;
      rates.push(model === first ? wr : 1 - wr);
    }
    if (rates.length > 0) means.set(model, rates.reduce((x, y) => x + y, 0) / rates.length);
  }
  return means;
}

export function computeWinRates(datasets: readonly WinRateDataset[]): WinRates {
  const byDataset = new Map<string, Map<string, number>>();
  const questions = new Map<string, number>();
  for (const dataset of datasets) {
    const examples = new Set<number>();
    for (const values of dataset.byModel.values()) for (const id of values.keys()) examples.add(id);
    questions.set(dataset.id, examples.size);
    byDataset.set(dataset.id, datasetWinRates(dataset, [...examples]));
  }
  const byModel = new Map<string, ModelWinRate>();
  const models = new Set([...byDataset.values()].flatMap((means) => [...means.keys()]));
  for (const model of models) {
    const values: { value: number; weight: number }[] = [];
    for (const [id, means] of byDataset) {
      const value = means.get(model);
      if (value === undefined) continue;
      const nq = questions.get(id) ?? 0;
      values.push({ value, weight: nq > 0 ? Math.log(nq) : 0 });
    }
    const simple = values.reduce((s, v) => s + v.value, 0) / values.length;
    const totalWeight = values.reduce((s, v) => s + v.weight, 0);
    const weighted =
      totalWeight > 0 ? values.reduce((s, v) => s + v.value * v.weight, 0) / totalWeight : simple;
    byModel.set(model, { simple, weighted, datasets: values.length });
  }
  return { byDataset, questions, byModel };
}
