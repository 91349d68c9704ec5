// The stored shape of a Med-HALT reasoning example, as MedARC's `_map_example` leaves it: the
// stripped question, the options in the order and with the keys the prompt lists them, and what the
// reward compares with (the student's answer being right, for FCT; the gold index, for NOTA). Pure.
import { AppError } from '../../errors';
import { z } from '../../zod';
import type { EnvExample } from '../types';

const MedHaltPayloadSchema = z.object({
  /** `reasoning_FCT` (judge a student's answer) or `reasoning_nota` (pick "None of the above"). */
  test: z.enum(['fct', 'nota']),
  question: z.string(),
  /** `key: value` lines of the prompt, in order (FCT ends with the `correct answer` line). */
  options: z.array(z.tuple([z.string(), z.string()])),
  /** FCT: whether the student's answer is the right one (the model must say "yes"). */
  isCorrect: z.boolean().nullable(),
  /** NOTA: the gold option's index once "None of the above" is moved last; FCT: the row's. */
  correctIndex: z.number().int(),
  studentIndex: z.number().int().nullable(),
  dataset: z.string(),
  subject: z.string(),
});
export type MedHaltPayload = z.infer<typeof MedHaltPayloadSchema>;

export function readMedHaltPayload(example: EnvExample): MedHaltPayload {
  const parsed = MedHaltPayloadSchema.safeParse(example.payload);
  if (!parsed.success) {
    throw new AppError('dataset_format', `Example ${example.id} is not a Med-HALT example.`, {
      nextStep: 'Load the dataset again.',
    });
  }
  return parsed.data;
}
