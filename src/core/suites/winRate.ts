// MedARC's leaderboard number, computed as `medarc-eval winrate` does (medarc_verifiers/cli/winrate/
// api.py, MedARC-AI/med-lm-envs main 2026-01-28; notes: /work/notes/medmarks/suite.md §4) with its
// defaults: missing policy "neg-inf", epsilon 1e-9, min_common 0, dataset weights ln(n_questions).
// Per dataset: each model's reward per example (mean over rollouts); for each pair of models, over the
// examples where at least one has a value, a missing value counts as −∞; win if the difference is over
// epsilon, loss if under −epsilon, else a tie (½); a model's dataset win rate is the mean over its
// opponents. Across datasets: the simple mean and the ln(n_questions)-weighted mean. Pure.

const WIN_EPSILON = 1e-9;

/**
 * One model's rewards on a dataset: example ids and, in the same order, each one's reward (null or
 * NaN: none). Run digests hold both as Float64Arrays.
 */
export interface ModelRewards {
  exampleIds: ArrayLike<number>;
  rewards: ArrayLike<number | null>;
}

export interface WinRateDataset {
  id: string;
  /** Per model (only the models that ran this dataset). */
  byModel: ReadonlyMap<string, ModelRewards>;
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

/**
 * A's win rate against B over aligned per-question rewards (NaN = no value), using the questions where
 * at least one has a value; null when there are none. Vectors keep this at a few milliseconds for
 * 10 models × 30 datasets × 1,000 questions.
 */
export function pairwiseWinRate(a: Float64Array, b: Float64Array): number | null {
  let used = 0;
  let score = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    const hasX = x === x;
    const hasY = y === y;
    if (!hasX && !hasY) continue;
    used++;
    const diff = (hasX ? x : -Infinity) - (hasY ? y : -Infinity);
    if (diff > WIN_EPSILON) score += 1;
    else if (!(diff < -WIN_EPSILON)) score += 0.5;
  }
  return used === 0 ? null : score / used;
}

function sameIds(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function toVector(rewards: ArrayLike<number | null>): Float64Array {
  const vector = new Float64Array(rewards.length);
  for (let i = 0; i < rewards.length; i++) vector[i] = rewards[i] ?? Number.NaN;
  return vector;
}

/** Each model's rewards laid out over the dataset's questions (the union of every model's ids). */
export function alignRewards(byModel: ReadonlyMap<string, ModelRewards>): {
  questions: number;
  vectors: Map<string, Float64Array>;
} {
  const all = [...byModel.values()];
  const first = all[0];
  // The usual case (every model ran the same questions) needs no id lookups.
  if (first !== undefined && all.every(({ exampleIds }) => sameIds(exampleIds, first.exampleIds))) {
    const vectors = new Map<string, Float64Array>();
    for (const [model, { rewards }] of byModel) vectors.set(model, toVector(rewards));
    return { questions: first.exampleIds.length, vectors };
  }
  const index = new Map<number, number>();
  for (const { exampleIds } of all) {
    for (let i = 0; i < exampleIds.length; i++) {
      const id = exampleIds[i] as number;
      if (!index.has(id)) index.set(id, index.size);
    }
  }
  const vectors = new Map<string, Float64Array>();
  for (const [model, { exampleIds, rewards }] of byModel) {
    const vector = new Float64Array(index.size).fill(Number.NaN);
    for (let i = 0; i < exampleIds.length; i++) {
      const reward = rewards[i];
      if (reward !== null && reward !== undefined) {
        vector[index.get(exampleIds[i] as number) ?? 0] = reward;
      }
    }
    vectors.set(model, vector);
  }
  return { questions: index.size, vectors };
}

function datasetWinRates(vectors: ReadonlyMap<string, Float64Array>): Map<string, number> {
  const models = [...vectors.keys()].sort();
  const means = new Map<string, number>();
  if (models.length <= 1) return means;
  const sums = new Map(models.map((m) => [m, { total: 0, n: 0 }]));
  for (const [i, a] of models.entries()) {
    for (const b of models.slice(i + 1)) {
      const wr = pairwiseWinRate(
        vectors.get(a) ?? new Float64Array(),
        vectors.get(b) ?? new Float64Array(),
      );
      if (wr === null) continue;
      const sa = sums.get(a);
      const sb = sums.get(b);
      if (sa !== undefined) {
        sa.total += wr;
        sa.n++;
      }
      if (sb !== undefined) {
        sb.total += 1 - wr;
        sb.n++;
      }
    }
  }
  for (const [model, { total, n }] of sums) if (n > 0) means.set(model, total / n);
  return means;
}

export function computeWinRates(datasets: readonly WinRateDataset[]): WinRates {
  const byDataset = new Map<string, Map<string, number>>();
  const questions = new Map<string, number>();
  for (const dataset of datasets) {
    const aligned = alignRewards(dataset.byModel);
    questions.set(dataset.id, aligned.questions);
    byDataset.set(dataset.id, datasetWinRates(aligned.vectors));
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
