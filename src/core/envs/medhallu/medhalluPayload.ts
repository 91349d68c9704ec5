// The stored shape of a MedHallu example: one question with one answer to judge, the factual one
// (label "0") or the hallucinated one (label "1"), each field already as Python's str() prints it
// into MedARC's prompt. Pure.
import { z } from '../../zod';
import { AppError } from '../../errors';
import type { EnvExample } from '../types';

const MedhalluPayloadSchema = z.object({
  /** Which answer of the row the model judges. */
  shown: z.enum(['factual', 'hallucinated']),
  /** The label MedARC expects: "0" factual, "1" hallucinated. */
  label: z.enum(['0', '1']),
  question: z.string(),
  answer: z.string(),
  /** str() of the row's `Knowledge` (a list prints as its Python repr). */
  knowledge: z.string(),
  /** str() of `Difficulty Level`, compared after strip().lower() with the difficulty setting. */
  difficulty: z.string(),
  category: z.string(),
});
export type MedhalluPayload = z.infer<typeof MedhalluPayloadSchema>;

export function readMedhalluPayload(example: EnvExample): MedhalluPayload {
  const parsed = MedhalluPayloadSchema.safeParse(example.payload);
  if (!parsed.success) {
    throw new AppError('dataset_format', `Example ${example.id} is not a MedHallu example.`, {
      nextStep: 'Load the dataset again.',
    });
  }
  return parsed.data;
}
