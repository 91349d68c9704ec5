// Turns a row of UTAustin-AIHealth/MedHallu into one of its two examples, as MedARC's environment
// maps it: the variant reads the split twice, part 0 showing the ground truth (label "0") and part 1
// the hallucinated answer (label "1"), so every factual example precedes every hallucinated one,
// as `concatenate_datasets([factual, hallucinated])` orders them. Pure.
import { z } from '../../zod';
import { pyStrip } from '../multipleChoice/python/pythonRegex';
import { pyStr } from '../multipleChoice/python/pythonRepr';
import type { RowContext, RowOutcome } from '../types';
import type { MedhalluPayload } from './medhalluPayload';

const Cell = z.union([z.string(), z.null()]);
const MedhalluRowSchema = z.object({
  Question: Cell,
  'Ground Truth': Cell,
  'Hallucinated Answer': Cell,
  'Difficulty Level': Cell.optional(),
  'Category of Hallucination': Cell.optional(),
  Knowledge: z.union([z.string(), z.null(), z.array(z.string().nullable())]).optional(),
});

export function rowToExample(row: Readonly<Record<string, unknown>>, ctx: RowContext): RowOutcome {
  const parsed = MedhalluRowSchema.safeParse(row);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { skip: `unreadable row: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}` };
  }
  const data = parsed.data;
  const isFactual = ctx.part === 0;
  const difficulty = data['Difficulty Level'];
  const payload: MedhalluPayload = {
    shown: isFactual ? 'factual' : 'hallucinated',
    label: isFactual ? '0' : '1',
    // f-strings print str(value): None becomes "None".
    question: pyStr(data.Question),
    answer: pyStr(isFactual ? data['Ground Truth'] : data['Hallucinated Answer']),
    // `ex.get("Knowledge", "")`: the column always exists, so a missing cell is a null (Parquet
    // readers give undefined for a null list) and prints None; a list prints as its repr.
    knowledge: pyStr(data.Knowledge ?? null),
    // `str(ex.get("Difficulty Level", ""))`.
    difficulty: pyStr(difficulty ?? null),
    category: pyStr(data['Category of Hallucination'] ?? null),
  };
  return {
    example: {
      id: `${ctx.rowIndex}:${payload.shown}`,
      group: payload.shown,
      question: payload.question,
      answer: `${payload.label} (${payload.shown})`,
      payload,
    },
  };
}

/** MedARC's difficulty filter: `str(ex.get("Difficulty Level", "")).strip().lower() == difficulty`. */
export function hasDifficulty(payload: MedhalluPayload, difficulty: string): boolean {
  return difficulty === 'all' || pyStrip(payload.difficulty).toLowerCase() === difficulty;
}
