// Turns a row of ncbi/MedCalc-Bench-v1.2 (test) into an example as MedARC maps it: every row is
// kept (no filter); the ground truth and limits are kept as Python's str() prints them. Pure.
import { z } from '../../zod';
import { pyFloatRepr } from '../multipleChoice/python/pythonRepr';
import type { RowContext, RowOutcome } from '../types';
import type { MedcalcPayload } from './payload';
import { medcalcKind } from './scoreMedcalc';

const Scalar = z.union([z.string(), z.number(), z.bigint(), z.null()]).optional();
const RowSchema = z.object({
  'Calculator ID': z.union([z.number().int(), z.bigint(), z.string().trim().regex(/^\d+$/)]),
  'Calculator Name': Scalar,
  'Patient Note': z.string(),
  Question: z.string(),
  'Ground Truth Answer': Scalar,
  'Lower Limit': Scalar,
  'Upper Limit': Scalar,
  'Row Number': Scalar,
});

/** str(value) of a cell: floats print as Python's repr, ints as digits, None as "None". */
function pyText(value: string | number | bigint | null | undefined): string {
  if (value === null || value === undefined) return 'None';
  // A Parquet double is a Python float (`3.0`); an int64 arrives as a bigint.
  if (typeof value === 'number') return pyFloatRepr(value);
  return String(value);
}

export function rowToExample(row: Readonly<Record<string, unknown>>, ctx: RowContext): RowOutcome {
  const parsed = RowSchema.safeParse(row);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { skip: `unreadable row: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}` };
  }
  const data = parsed.data;
  const payload: MedcalcPayload = {
    calcId: Number(data['Calculator ID']),
    calculator: pyText(data['Calculator Name']),
    note: data['Patient Note'],
    question: data.Question,
    groundTruth: pyText(data['Ground Truth Answer']),
    lower: pyText(data['Lower Limit']),
    upper: pyText(data['Upper Limit']),
  };
  const rowNumber = data['Row Number'];
  return {
    example: {
      id: rowNumber === null || rowNumber === undefined ? String(ctx.rowIndex) : String(rowNumber),
      group: `${medcalcKind(payload.calcId)}: ${payload.calculator}`,
      question: payload.question,
      answer: payload.groundTruth,
      payload,
    },
  };
}
