// Turns one row of mkieffer/Medbullets (op4_test or op5_test) into a stored example as MedARC's
// medbullets maps it: the options struct (option E dropped for four options, whatever it holds), the
// gold `answer.strip().upper()` (a row whose gold is not A–E is dropped by the reference; here it is
// skipped with a reason). The shuffle's row id is the raw question text. Total.
import { z } from '../../zod';
import { choiceExample, rowIssue } from '../multipleChoice/choiceExample';
import { letteredStruct, OptionStructSchema } from '../multipleChoice/medarc/medarcRows';
import { pyStrip } from '../multipleChoice/python/pythonRegex';
import type { RowContext, RowOutcome } from '../types';

const MedbulletsRowSchema = z.object({
  question: z.string().nullish(),
  options: OptionStructSchema.nullish(),
  answer: z.string().nullish(),
});

export function rowToExample(row: Readonly<Record<string, unknown>>, ctx: RowContext): RowOutcome {
  const parsed = MedbulletsRowSchema.safeParse(row);
  if (!parsed.success) return { skip: rowIssue(parsed.error) };
  const fourOptions = ctx.variant.id === 'op4';
  const options = letteredStruct(parsed.data.options ?? {}).filter(
    (option) => !(fourOptions && option.letter === 'E'),
  );
  const gold = pyStrip(parsed.data.answer ?? '').toUpperCase();
  if (!['A', 'B', 'C', 'D', 'E'].includes(gold)) {
    return { skip: `answer: "${parsed.data.answer ?? ''}" is not one of A–E` };
  }
  return choiceExample({
    id: `${ctx.variant.id}-${ctx.rowIndex}`,
    group: null,
    question: parsed.data.question ?? '',
    options,
    gold,
  });
}
