// The stored shape of a LongHealth example: the question with its options (before any answer
// shuffle) and gold, the text the matcher also accepts, the letters shown (already selected, cut and
// ordered for the variant's document seed) and the row id the answer shuffle is keyed by. Pure.
import { AppError } from '../../errors';
import { z } from '../../zod';
import type { EnvExample } from '../types';

export const LongHealthPayloadSchema = z.object({
  kind: z.enum(['task1', 'task2_negation', 'task2_identification']),
  patientId: z.string(),
  questionNo: z.union([z.string(), z.number(), z.boolean()]).nullable(),
  question: z.string(),
  options: z.array(z.object({ letter: z.string(), text: z.string() })).min(2),
  gold: z.string(),
  correctText: z.string(),
  docs: z.array(z.string()),
  hasAnswerDocs: z.boolean(),
  rowId: z.string(),
});
export type LongHealthPayload = z.infer<typeof LongHealthPayloadSchema>;

export function readLongHealthPayload(example: EnvExample): LongHealthPayload {
  const parsed = LongHealthPayloadSchema.safeParse(example.payload);
  if (!parsed.success) {
    throw new AppError('dataset_format', `Example ${example.id} is not a LongHealth example.`, {
      nextStep: 'Load the dataset again.',
    });
  }
  return parsed.data;
}
