// Turns one test row of MedARC's MedConceptsQA sample (sameedkhan/medconceptsqa-sample_medarc_2k,
// icd10cm_<difficulty>) into a stored example as MedARC's medconceptsqa maps it: the stem without the
// embedded option lines, options from option1…option4, the gold `answer_id` as written, and the
// four-shot block of its (vocab, level) from the dev split stored with it. The row index is the id;
// the shuffle's row id is `idx or stem` (row 0's index is falsy in Python, so its stem is used). Total.
import { choiceExample, nonBlank, rowIssue } from '../multipleChoice/choiceExample';
import type { RowContext, RowOutcome } from '../types';
import {
  medconceptsOptions,
  medconceptsShots,
  medconceptsStem,
  MedconceptsRowSchema,
} from './medconceptsRows';

/** `num_few_shot` as the suite runs it. */
export const MEDCONCEPTS_SHOTS = 4;

export function rowToExample(row: Readonly<Record<string, unknown>>, ctx: RowContext): RowOutcome {
  const parsed = MedconceptsRowSchema.safeParse(row);
  if (!parsed.success) return { skip: rowIssue(parsed.error) };
  const data = parsed.data;
  const shots = medconceptsShots(ctx.extras['shots'], data.vocab, data.level, MEDCONCEPTS_SHOTS);
  if (shots === null) return { skip: 'the dev rows for the few-shot block are malformed' };
  return choiceExample({
    id: `test-${ctx.rowIndex}`,
    group: nonBlank(data.level),
    question: medconceptsStem(data.question ?? ''),
    options: medconceptsOptions(data),
    gold: data.answer_id,
    extra: { shots },
  });
}
