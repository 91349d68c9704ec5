// The stored shape of an SCT-Public example: the case's three texts as the CSV gives them, the
// expert panel's score for each rating (-2 … +2), and the prompt templates of the loaded commit (the
// guideline, the test case and the five worked examples), so a run can build any of MedARC's prompt
// variants. Pure.
import { AppError } from '../../errors';
import { z } from '../../zod';
import type { EnvExample } from '../types';

export const SCT_RATINGS = ['-2', '-1', '0', '+1', '+2'] as const;

export const SctTemplatesSchema = z.object({
  guideline: z.string(),
  testcase: z.string(),
  /** `example_{rating}.md`, in the order -2, -1, 0, +1, +2. */
  examples: z.array(z.string()).length(5),
});

const SctPayloadSchema = z.object({
  scenario: z.string(),
  hypothesis: z.string(),
  additional: z.string(),
  /** The panel's scores for ratings -2, -1, 0, +1, +2 (MedARC's `ans_distribution`). */
  distribution: z.array(z.number()).length(5),
  templates: SctTemplatesSchema,
});
export type SctPayload = z.infer<typeof SctPayloadSchema>;

export function readSctPayload(example: EnvExample): SctPayload {
  const parsed = SctPayloadSchema.safeParse(example.payload);
  if (!parsed.success) {
    throw new AppError('dataset_format', `Example ${example.id} is not an SCT-Public example.`, {
      nextStep: 'Load the dataset again.',
    });
  }
  return parsed.data;
}
