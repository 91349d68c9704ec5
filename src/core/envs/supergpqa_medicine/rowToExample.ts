// Turns one row of m-a-p/SuperGPQA (train, discipline Medicine, one difficulty: the part's filter) into
// a stored example as MedARC's supergpqa_medicine maps it: options lettered A, B, … by position, then
// the empty ones dropped (letters stay), the gold `answer_letter.strip().upper()`. The row index among
// the kept rows is the id and the shuffle's row id. Total: a malformed row is skipped with a reason.
import { z } from '../../zod';
import { choiceExample, nonBlank, rowIssue } from '../multipleChoice/choiceExample';
import { letteredList } from '../multipleChoice/medarc/medarcRows';
import { pyStrip } from '../multipleChoice/python/pythonRegex';
import type { RowContext, RowOutcome } from '../types';

const SupergpqaRowSchema = z.object({
  question: z.string().nullish(),
  options: z.array(z.string().nullable()),
  answer_letter: z.string().nullish(),
  field: z.string().nullish(),
});

export function rowToExample(row: Readonly<Record<string, unknown>>, ctx: RowContext): RowOutcome {
  const parsed = SupergpqaRowSchema.safeParse(row);
  if (!parsed.success) return { skip: rowIssue(parsed.error) };
  const options = letteredList(parsed.data.options.map((text) => text ?? '')).filter(
    (option) => option.text !== '',
  );
  const gold = pyStrip(parsed.data.answer_letter ?? '').toUpperCase();
  if (!/^[A-J]$/.test(gold)) {
    return { skip: `answer_letter: "${parsed.data.answer_letter ?? ''}" is not one of A–J` };
  }
  return choiceExample({
    id: `${ctx.variant.id}-${ctx.rowIndex}`,
    group: nonBlank(parsed.data.field),
    question: parsed.data.question ?? '',
    options,
    gold,
  });
}
