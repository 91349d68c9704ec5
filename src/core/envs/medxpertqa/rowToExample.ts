// Turns one row of TsinghuaC3I/MedXpertQA (Text, test; one question type: the part's filter) into a
// stored example as MedARC's medxpertqa maps it: the options struct (A–J), the gold
// `str(label).strip().upper()`, grouped by medical task. The question keeps its embedded
// "Answer Choices: (A) …" (the prompt replaces it with the presented options; the shuffle's row id is
// the raw question). Total: a malformed row is skipped with a reason.
import { z } from '../../zod';
import { choiceExample, nonBlank, rowIssue } from '../multipleChoice/choiceExample';
import { letteredStruct, OptionStructSchema } from '../multipleChoice/medarc/medarcRows';
import { pyStrip } from '../multipleChoice/python/pythonRegex';
import type { RowContext, RowOutcome } from '../types';

const MedxpertqaRowSchema = z.object({
  id: z.string().nullish(),
  question: z.string(),
  options: OptionStructSchema,
  label: z.string(),
  medical_task: z.string().nullish(),
});

export function rowToExample(row: Readonly<Record<string, unknown>>, ctx: RowContext): RowOutcome {
  const parsed = MedxpertqaRowSchema.safeParse(row);
  if (!parsed.success) return { skip: rowIssue(parsed.error) };
  const { id, question, options, label, medical_task } = parsed.data;
  return choiceExample({
    id: nonBlank(id) ?? `${ctx.variant.id}-${ctx.rowIndex}`,
    group: nonBlank(medical_task),
    question,
    options: letteredStruct(options),
    gold: pyStrip(label).toUpperCase(),
  });
}
