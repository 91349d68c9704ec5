// Owns the stored shape of a multiple-choice example (spec more-environments.md §2): the options as
// the source gives them, the gold letter, and any context passages (PubMedQA's abstract). Pure.
import { z } from '../../zod';
import { AppError } from '../../errors';
import type { EnvExample } from '../types';

const ChoiceOptionSchema = z.object({
  letter: z.string().min(1),
  text: z.string(),
  /** The text exactly as the source has it, when trimming changed it (reference prompts use it). */
  source: z.string().optional(),
});
/** One answer option. Not called `Option`: that name is a DOM global (the `<option>` constructor). */
export type ChoiceOption = z.infer<typeof ChoiceOptionSchema>;

/** One labelled passage shown before the question (PubMedQA: BACKGROUND, METHODS, …). */
const ContextSectionSchema = z.object({
  label: z.string(),
  text: z.string(),
  /** The passage exactly as the source has it, when trimming changed it. */
  source: z.string().optional(),
});
export type ContextSection = z.infer<typeof ContextSectionSchema>;

/**
 * A plain object schema (no refinement) so benchmarks can `.extend` it with their own fields; that
 * the gold is one of the options is checked when the example is made (choiceExample.ts) and read back.
 */
export const ChoicePayloadSchema = z.object({
  options: z.array(ChoiceOptionSchema).min(2),
  /** The letter of the correct option, as in the source (before any shuffle). */
  gold: z.string().min(1),
  context: z.array(ContextSectionSchema).optional(),
  /** The question exactly as the source has it, when trimming changed it. */
  sourceQuestion: z.string().optional(),
  /** Few-shot examples the environment's prompt puts before the question, as it writes them. */
  shots: z.string().optional(),
});
export type ChoicePayload = z.infer<typeof ChoicePayloadSchema>;

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The letter of the option at `index` (0 → A). */
export function optionLetter(index: number): string {
  const letter = LETTERS[index];
  if (letter === undefined) throw new RangeError(`No option letter for index ${index}.`);
  return letter;
}

/** Option letters in the order given, e.g. "A–D" for four options (for messages). */
export function letterRange(options: readonly ChoiceOption[]): string {
  const first = options[0]?.letter ?? '';
  const last = options[options.length - 1]?.letter ?? '';
  return options.length > 2 ? `${first}–${last}` : options.map((o) => o.letter).join(', ');
}

/**
 * The stored payload of `example`, checked. A failure here means the stored example was not written
 * by this benchmark (or by a version that stored something else): the dataset must be loaded again.
 */
export function readChoicePayload(example: EnvExample): ChoicePayload {
  const parsed = ChoicePayloadSchema.safeParse(example.payload);
  const problem = parsed.success ? goldProblem(parsed.data) : parsed.error.issues[0]?.message;
  if (!parsed.success || problem !== null) {
    throw new AppError(
      'dataset_format',
      `Example ${example.id} is not a readable multiple-choice example (${problem ?? 'unknown shape'}).`,
      { nextStep: 'Load the dataset again.' },
    );
  }
  return parsed.data;
}

/** Why the gold cannot be scored against these options, or null when it can. */
export function goldProblem(payload: Pick<ChoicePayload, 'options' | 'gold'>): string | null {
  if (payload.options.some((option) => option.letter === payload.gold)) return null;
  return `the gold answer "${payload.gold}" is not one of the options (${letterRange(payload.options)})`;
}
