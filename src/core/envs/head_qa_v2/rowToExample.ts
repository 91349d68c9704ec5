// Turns one row of alesi12/head_qa_v2 (en, train) into a stored example as MedARC's head_qa_v2 maps
// it: the question and each answer text stripped, the answers numbered 1…n in list order (their own
// `aid` is ignored), the gold `str(ra)`. A row with an empty question, no answers or `ra` outside 1…n
// is dropped by the reference (here skipped with a reason). The shuffle's row id is the stripped
// question. Total.
import { z } from '../../zod';
import { choiceExample, nonBlank, rowIssue } from '../multipleChoice/choiceExample';
import { pyStrip } from '../multipleChoice/python/pythonRegex';
import type { RowContext, RowOutcome } from '../types';

const HeadQaRowSchema = z.object({
  qtext: z.string().nullish(),
  ra: z.union([z.number().int(), z.bigint()]),
  answers: z.array(z.object({ atext: z.string() })).nullish(),
  category: z.string().nullish(),
});

export function rowToExample(row: Readonly<Record<string, unknown>>, ctx: RowContext): RowOutcome {
  const parsed = HeadQaRowSchema.safeParse(row);
  if (!parsed.success) return { skip: rowIssue(parsed.error) };
  const question = pyStrip(parsed.data.qtext ?? '');
  const answers = parsed.data.answers ?? [];
  const ra = Number(parsed.data.ra);
  if (question === '') return { skip: 'qtext is empty' };
  if (answers.length === 0) return { skip: 'answers is empty' };
  if (!(ra >= 1 && ra <= answers.length)) {
    return { skip: `ra: ${ra} is not between 1 and ${answers.length}` };
  }
  return choiceExample({
    id: `train-${ctx.rowIndex}`,
    group: nonBlank(parsed.data.category),
    question,
    options: answers.map((answer, index) => ({
      letter: String(index + 1),
      text: pyStrip(answer.atext),
    })),
    gold: String(ra),
  });
}
