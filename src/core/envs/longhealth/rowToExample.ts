// Turns one of LongHealth's prepared examples (prepareExamples.ts, the reference's list in its order)
// into a stored example: the id is the reference's row id ("patient_01::3", with "::negation" or
// "::identification" in task 2), grouped by question type. Pure.
import type { RowContext, RowOutcome } from '../types';
import { LongHealthPayloadSchema, type LongHealthPayload } from './payload';

const GROUPS: Readonly<Record<LongHealthPayload['kind'], string>> = {
  task1: 'Task 1',
  task2_negation: 'Task 2: negation',
  task2_identification: 'Task 2: identification',
};

export function rowToExample(row: Readonly<Record<string, unknown>>, _ctx: RowContext): RowOutcome {
  const parsed = LongHealthPayloadSchema.safeParse(row);
  if (!parsed.success) return { skip: 'not a prepared LongHealth example' };
  const payload = parsed.data;
  const gold = payload.options.find((option) => option.letter === payload.gold);
  return {
    example: {
      id: payload.rowId,
      group: GROUPS[payload.kind],
      question: payload.question,
      answer: `${payload.gold}: ${gold?.text ?? payload.correctText}`,
      payload,
    },
  };
}
