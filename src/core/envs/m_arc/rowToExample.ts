// Turns one row of mkieffer/M-ARC (test) into a stored example as MedARC's m_arc maps it: the options
// struct without its empty ("") entries, the gold `answer.strip().upper()` (a row whose gold is not
// A–J is dropped by the reference; here skipped with a reason), and the five-shot block from
// MMLU-Pro's validation health questions stored with it. The row index is the id, the shuffle's row id
// and the age jitter's seed offset. Total.
import { z } from '../../zod';
import { choiceExample, rowIssue } from '../multipleChoice/choiceExample';
import { letteredStruct, OptionStructSchema } from '../multipleChoice/medarc/medarcRows';
import { pyStrip } from '../multipleChoice/python/pythonRegex';
import { mmluProShots } from '../mmlu_pro_health/mmluProRows';
import type { RowContext, RowOutcome } from '../types';

const MarcRowSchema = z.object({
  question: z.string().nullish(),
  options: OptionStructSchema.nullish(),
  answer: z.string().nullish(),
});

/** `num_few_shot` as the suite runs it. */
export const M_ARC_SHOTS = 5;

export function rowToExample(row: Readonly<Record<string, unknown>>, ctx: RowContext): RowOutcome {
  const parsed = MarcRowSchema.safeParse(row);
  if (!parsed.success) return { skip: rowIssue(parsed.error) };
  const gold = pyStrip(parsed.data.answer ?? '').toUpperCase();
  if (!/^[A-J]$/.test(gold)) return { skip: `answer: "${parsed.data.answer ?? ''}" is not A–J` };
  const shots = mmluProShots(ctx.extras['shots'], M_ARC_SHOTS, true);
  if (shots === null) return { skip: 'the few-shot rows are not in MMLU-Pro’s shape' };
  return choiceExample({
    id: `test-${ctx.rowIndex}`,
    group: null,
    question: parsed.data.question ?? '',
    options: letteredStruct(parsed.data.options ?? {}).filter((option) => option.text !== ''),
    gold,
    extra: { shots },
  });
}
