// Turns one row of Joshua-Harris/PubHealthBench (reviewed) into a stored example as MedARC's
// pubhealthbench maps it: the options list lettered A, B, … by position, the gold
// `chr(65 + answer_index)`, grouped by category. `question_id` is the id and the shuffle's row id.
// Total: a malformed row is skipped with a reason.
import { z } from '../../zod';
import { choiceExample, nonBlank, rowIssue } from '../multipleChoice/choiceExample';
import { letteredList, OptionListSchema } from '../multipleChoice/medarc/medarcRows';
import type { RowContext, RowOutcome } from '../types';

const PubhealthbenchRowSchema = z.object({
  question_id: z.union([z.string(), z.number(), z.bigint()]).nullish(),
  question: z.string(),
  options: OptionListSchema,
  answer_index: z.union([z.number().int(), z.bigint()]),
  category: z.string().nullish(),
});

export function rowToExample(row: Readonly<Record<string, unknown>>, ctx: RowContext): RowOutcome {
  const parsed = PubhealthbenchRowSchema.safeParse(row);
  if (!parsed.success) return { skip: rowIssue(parsed.error) };
  const { question_id, question, options, answer_index, category } = parsed.data;
  const lettered = letteredList(options);
  const gold = lettered[Number(answer_index)];
  if (gold === undefined) return { skip: `answer_index: ${String(answer_index)} names no option` };
  return choiceExample({
    id:
      question_id === null || question_id === undefined
        ? `${ctx.variant.id}-${ctx.rowIndex}`
        : String(question_id),
    group: nonBlank(category),
    question,
    options: lettered,
    gold: gold.letter,
  });
}
