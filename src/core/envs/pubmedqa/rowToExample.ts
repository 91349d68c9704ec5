// Turns one row of qiaojin/PubMedQA `pqa_labeled` into a stored example (spec more-environments.md
// §2): the abstract's sections become the context, the yes/no/maybe decision the gold among fixed
// options A. Yes, B. No, C. Maybe, and the row is marked in or out of the official test set (from the
// variant's `testSubset` extra file). Total: a malformed row is skipped with a reason.
import { z } from '../../zod';
import { choiceExample, rowIssue } from '../multipleChoice/choiceExample';
import type { ChoiceOption } from '../multipleChoice/choicePayload';
import type { RowContext, RowOutcome } from '../types';
import { isInTestSubset } from './testSubset';

const PUBMEDQA_OPTIONS: readonly ChoiceOption[] = [
  { letter: 'A', text: 'Yes' },
  { letter: 'B', text: 'No' },
  { letter: 'C', text: 'Maybe' },
];

const GOLD: Readonly<Record<string, string>> = { yes: 'A', no: 'B', maybe: 'C' };

const PubmedqaRowSchema = z.object({
  // int32 in the dataset; a bigint or a string of digits is the same id.
  pubid: z.union([z.number().int(), z.bigint(), z.string().trim().regex(/^\d+$/)]),
  question: z.string(),
  context: z.object({ contexts: z.array(z.string()), labels: z.array(z.string()) }),
  final_decision: z.string().trim().toLowerCase(),
});

export function rowToExample(row: Readonly<Record<string, unknown>>, ctx: RowContext): RowOutcome {
  const parsed = PubmedqaRowSchema.safeParse(row);
  if (!parsed.success) return { skip: rowIssue(parsed.error) };
  const { pubid, question, context, final_decision } = parsed.data;
  const gold = GOLD[final_decision];
  if (gold === undefined) {
    return { skip: `final_decision: "${final_decision}" is not yes, no or maybe` };
  }
  if (context.contexts.length !== context.labels.length) {
    return { skip: 'context: the abstract has a different number of sections and labels' };
  }
  const id = String(pubid);
  return choiceExample({
    id,
    group: null,
    question,
    options: PUBMEDQA_OPTIONS,
    gold,
    context: context.contexts.map((text, index) => ({
      label: context.labels[index] ?? '',
      text: text.trim(),
      ...(text.trim() === text ? {} : { source: text }),
    })),
    extra: { inTestSubset: isInTestSubset(ctx.extras['testSubset'], id) },
  });
}
