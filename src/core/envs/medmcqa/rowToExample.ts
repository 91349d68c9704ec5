// Turns one row of openlifescienceai/medmcqa or lighteval/med_mcqa (validation split; the test split's
// answers are withheld) into a stored example (spec more-environments.md §2): options in `opa`…`opd`,
// the gold in `cop` (0-based in openlifescienceai's copy, 1-based in lighteval's, which MedARC's
// med_mcqa reads), grouped by `subject_name`. Total: a malformed row is skipped with a reason.
import { z } from '../../zod';
import { choiceExample, nonBlank, rowIssue } from '../multipleChoice/choiceExample';
import { goldLetter, IndexCellSchema } from '../multipleChoice/goldLetter';
import type { RowContext, RowOutcome } from '../types';

const MedmcqaRowSchema = z.object({
  id: z.string().trim().min(1),
  question: z.string(),
  opa: z.string(),
  opb: z.string(),
  opc: z.string(),
  opd: z.string(),
  cop: IndexCellSchema,
  subject_name: z.string().nullish(),
});

/**
 * `cop` is 0–3 for A–D on the dataset's Parquet branch. If the source declares it as a ClassLabel,
 * its names decide instead (goldLetter.ts): 'a'…'d' map to their letters, '1'…'4' are read 1-based,
 * so a re-labelled copy cannot silently shift every gold by one.
 */
/** The variant MedARC's med_mcqa reads: lighteval/med_mcqa, whose `cop` is 1–4. */
export const LIGHTEVAL_VARIANT = 'lighteval';

/** `LETTER_INDICES[cop - 1]` for an int cop in [1, 2, 3, 4]; any other cop drops the row there. */
function lightevalGold(cop: unknown): string | null {
  const value = typeof cop === 'bigint' ? Number(cop) : cop;
  return typeof value === 'number' && [1, 2, 3, 4].includes(value)
    ? 'ABCD'.charAt(value - 1)
    : null;
}

export function rowToExample(row: Readonly<Record<string, unknown>>, ctx: RowContext): RowOutcome {
  const parsed = MedmcqaRowSchema.safeParse(row);
  if (!parsed.success) return { skip: rowIssue(parsed.error) };
  const { id, question, opa, opb, opc, opd, cop, subject_name } = parsed.data;
  const gold =
    ctx.variant.id === LIGHTEVAL_VARIANT
      ? lightevalGold(cop)
      : goldLetter(cop, ctx.classLabels['cop']);
  if (gold === null) return { skip: `cop: ${String(cop)} does not name an option` };
  return choiceExample({
    id,
    group: nonBlank(subject_name),
    question,
    options: [opa, opb, opc, opd].map((text, index) => ({ letter: 'ABCD'.charAt(index), text })),
    gold,
  });
}
