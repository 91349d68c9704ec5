// The stored shape of a MedCalc-Bench example: the note and question the prompt shows, and what the
// reward compares with — the calculator id and the ground truth and its limits as Python's str()
// prints them. Pure.
import { AppError } from '../../errors';
import { z } from '../../zod';
import type { EnvExample } from '../types';

const MedcalcPayloadSchema = z.object({
  calcId: z.number().int(),
  calculator: z.string(),
  note: z.string(),
  question: z.string(),
  groundTruth: z.string(),
  lower: z.string(),
  upper: z.string(),
});
export type MedcalcPayload = z.infer<typeof MedcalcPayloadSchema>;

export function readMedcalcPayload(example: EnvExample): MedcalcPayload {
  const parsed = MedcalcPayloadSchema.safeParse(example.payload);
  if (!parsed.success) {
    throw new AppError('dataset_format', `Example ${example.id} is not a MedCalc-Bench example.`, {
      nextStep: 'Load the dataset again.',
    });
  }
  return parsed.data;
}
