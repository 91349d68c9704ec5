// Turns one row of HPAI-BSC/CareQA (CareQA_en, test) into a stored example as MedARC's careqa maps
// it: options op1–op4 as A–D, the gold `"ABCD"[cop - 1]` (cop is 1-based), no id column (the row
// index is the id and the shuffle's row id). Total: a malformed row is skipped with a reason.
import { z } from '../../zod';
import { choiceExample, nonBlank, rowIssue } from '../multipleChoice/choiceExample';
import type { RowContext, RowOutcome } from '../types';

const CareqaRowSchema = z.object({
  question: z.string(),
  op1: z.string(),
  op2: z.string(),
  op3: z.string(),
  op4: z.string(),
  cop: z.union([z.number(), z.bigint()]),
  category: z.string().nullish(),
});

export function rowToExample(row: Readonly<Record<string, unknown>>, ctx: RowContext): RowOutcome {
  const parsed = CareqaRowSchema.safeParse(row);
  if (!parsed.success) return { skip: rowIssue(parsed.error) };
  const { question, op1, op2, op3, op4, cop, category } = parsed.data;
  const gold = ['A', 'B', 'C', 'D'][Number(cop) - 1];
  if (gold === undefined) return { skip: `cop: ${String(cop)} is not 1–4` };
  return choiceExample({
    id: `test-${ctx.rowIndex}`,
    group: nonBlank(category),
    question,
    options: [op1, op2, op3, op4].map((text, index) => ({ letter: 'ABCD'.charAt(index), text })),
    gold,
  });
}
