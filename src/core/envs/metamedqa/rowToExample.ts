// Turns one row of maximegmd/MetaMedQA (test) into a stored example as MedARC's metamedqa maps it: the
// options struct, and as gold the first option (in letter order) whose text equals the `answer` text
// once both are stripped and lower-cased; a row where none does is dropped by the reference (here
// skipped with a reason). The row index is the id and the shuffle's row id. Total.
import { z } from '../../zod';
import { choiceExample, rowIssue } from '../multipleChoice/choiceExample';
import { letteredStruct, OptionStructSchema } from '../multipleChoice/medarc/medarcRows';
import { pyStrip } from '../multipleChoice/python/pythonRegex';
import type { RowContext, RowOutcome } from '../types';

const MetamedqaRowSchema = z.object({
  question: z.string(),
  options: OptionStructSchema,
  answer: z.string().nullish(),
});

const plain = (text: string): string => pyStrip(text).toLowerCase();

export function rowToExample(row: Readonly<Record<string, unknown>>, ctx: RowContext): RowOutcome {
  const parsed = MetamedqaRowSchema.safeParse(row);
  if (!parsed.success) return { skip: rowIssue(parsed.error) };
  const options = letteredStruct(parsed.data.options);
  const answer = plain(parsed.data.answer ?? '');
  const gold = options.find((option) => plain(option.text) === answer);
  if (gold === undefined) return { skip: 'answer: its text is none of the options' };
  return choiceExample({
    id: `test-${ctx.rowIndex}`,
    group: null,
    question: parsed.data.question,
    options,
    gold: gold.letter,
  });
}
