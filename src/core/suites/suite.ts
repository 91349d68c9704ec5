// Owns the suite model (issue 15): a suite is an ordered list of entries, each one evaluation of one
// environment with its MedARC env args, number of examples and rollouts. Entries keep MedARC's own
// env ids and env args (what a suite file says); which of our benchmarks and settings run them is
// decided when the suite is shown or run (resolveEntry.ts), so an entry lights up as soon as its
// environment is registered. Pure.
import { z } from '../zod';

export const SuiteSamplingSchema = z.object({
  temperature: z.number().min(0).max(2).optional(),
  max_tokens: z.number().int().min(1).max(2_000_000).optional(),
  top_p: z.number().min(0).max(1).optional(),
});
export type SuiteSampling = z.infer<typeof SuiteSamplingSchema>;

const SuiteEntrySchema = z.object({
  /** Unique in its suite: MedARC's env id, then `/` and the rendered name when there is one. */
  key: z.string().min(1).max(300),
  /** MedARC's env id as the suite file writes it (`med_mcqa`), not ours (`medmcqa`). */
  envId: z.string().min(1).max(200),
  /** The rendered `name` (`num_options-4__shuffle_seed-1618`), or null. */
  name: z.string().max(200).nullable(),
  /** `load_environment` keyword arguments, as written. */
  envArgs: z.record(z.string(), z.unknown()),
  /** Null = every example (`num_examples = -1`). */
  numExamples: z.number().int().min(1).nullable(),
  rolloutsPerExample: z.number().int().min(1).max(32),
  /** Sampling the file fixes for this entry; everything else comes from the user's endpoint. */
  sampling: SuiteSamplingSchema,
});
export type SuiteEntry = z.infer<typeof SuiteEntrySchema>;

export const SuiteSchema = z.object({
  id: z.string().min(1).max(200),
  label: z.string().min(1).max(200),
  description: z.string().max(2000),
  entries: z.array(SuiteEntrySchema).min(1).max(2000),
  /** What the file asked that a browser run replaces or ignores (endpoints, output folders…). */
  notes: z.array(z.string()),
});
export type Suite = z.infer<typeof SuiteSchema>;

/** A column of the leaderboard's macro average, or one of MedARC's shuffle-robustness repeats. */
export function isShuffleEntry(entry: Pick<SuiteEntry, 'envArgs'>): boolean {
  return entry.envArgs.shuffle_answers === true;
}

/** The entries MedARC reports as datasets (not their option-shuffled repeats). */
export function mainEntries(suite: Pick<Suite, 'entries'>): SuiteEntry[] {
  return suite.entries.filter((entry) => !isShuffleEntry(entry));
}

/** `medbullets · num_options-4`, or just the env id. */
export function entryLabel(entry: Pick<SuiteEntry, 'envId' | 'name'>): string {
  return entry.name === null ? entry.envId : `${entry.envId} · ${entry.name}`;
}
