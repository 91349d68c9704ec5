// Turns one row of TIGER-Lab/MMLU-Pro's test split (health category: the part's filter) into a stored
// example as MedARC's mmlu_pro_health maps it: options lettered with the "N/A" padding dropped, the gold
// `answer.strip().upper()`, grouped by source; the five-shot block (validation, health) stored with it.
// The row index among the health rows is the id and the shuffle's row id. Total.
import { z } from '../../zod';
import { choiceExample, nonBlank, rowIssue } from '../multipleChoice/choiceExample';
import { pyStrip } from '../multipleChoice/python/pythonRegex';
import type { RowContext, RowOutcome } from '../types';
import { mmluProOptions, mmluProShots } from './mmluProRows';

const MmluProRowSchema = z.object({
  question: z.string().nullish(),
  options: z.array(z.string()),
  answer: z.string().nullish(),
  src: z.string().nullish(),
});

/** `num_few_shot` as the suite runs it. */
export const MMLU_PRO_SHOTS = 5;

export function rowToExample(row: Readonly<Record<string, unknown>>, ctx: RowContext): RowOutcome {
  const parsed = MmluProRowSchema.safeParse(row);
  if (!parsed.success) return { skip: rowIssue(parsed.error) };
  const gold = pyStrip(parsed.data.answer ?? '').toUpperCase();
  if (!/^[A-J]$/.test(gold)) return { skip: `answer: "${parsed.data.answer ?? ''}" is not A–J` };
  const shots = mmluProShots(ctx.extras['shots'], MMLU_PRO_SHOTS);
  if (shots === null) return { skip: 'the few-shot rows are not in MMLU-Pro’s shape' };
  return choiceExample({
    id: `test-${ctx.rowIndex}`,
    group: nonBlank(parsed.data.src),
    question: parsed.data.question ?? '',
    options: mmluProOptions(parsed.data.options),
    gold,
    extra: { shots },
  });
}
