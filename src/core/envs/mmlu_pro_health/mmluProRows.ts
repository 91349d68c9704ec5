// Owns reading TIGER-Lab/MMLU-Pro rows the way MedARC's mmlu_pro_health and m_arc read them: the
// options list lettered A, B, … by position with the "N/A" padding dropped (letters are given before
// dropping, so a gap can appear), and the few-shot block built from the first validation rows of the
// health category — `Question: …\nOptions:\nA. …\nAnswer:\n<cot>\n\n` each, the cot without think tags
// and its "The answer is (X)" rewritten to "The answer is \boxed{X}". Pure.
import { z } from '../../zod';
import type { ChoiceOption } from '../multipleChoice/choicePayload';
import { letteredList, optionLines } from '../multipleChoice/medarc/medarcRows';
import { pyStrip, SPACE } from '../multipleChoice/python/pythonRegex';

/** `{chr(65 + i): v for i, v in enumerate(options) if v.strip().upper() != "N/A"}`, then empties dropped. */
export function mmluProOptions(options: readonly string[], keepEmpty = false): ChoiceOption[] {
  return letteredList(options).filter(
    (option) => pyStrip(option.text).toUpperCase() !== 'N/A' && (keepEmpty || option.text !== ''),
  );
}

/** `_build_question`: the question and its options as MMLU-Pro prompts write them. */
export function mmluProQuestion(question: string, options: readonly ChoiceOption[]): string {
  return `Question: ${question}\nOptions:\n${optionLines(options, '.')}`;
}

const ShotRowSchema = z.object({
  question: z.string(),
  options: z.array(z.string()),
  cot_content: z.string(),
});

const THINK_OPEN = new RegExp(`<think>${SPACE}*`, 'gu');
const THINK_CLOSE = new RegExp(`${SPACE}*</think>`, 'gu');

/** `_normalize_cot_answer` after the think tags are removed (use_think off). */
function normalizedCot(cot: string): string {
  const plain = cot.replace(THINK_OPEN, '').replace(THINK_CLOSE, '');
  if (plain.includes('boxed{')) return plain;
  return plain.replace(/The answer is \(([A-J])\)/g, 'The answer is \\boxed{$1}');
}

/**
 * The few-shot block from the collected validation rows (health only, in dataset order): the first
 * `count`, or all when there are fewer; `keepEmpty` for M-ARC, whose question builder prints empty
 * options where MMLU-Pro health's drops them. Null when a row is not in MMLU-Pro's shape.
 */
export function mmluProShots(rows: unknown, count: number, keepEmpty = false): string | null {
  const parsed = z.array(ShotRowSchema).safeParse(rows ?? []);
  if (!parsed.success) return null;
  return parsed.data
    .slice(0, count)
    .map((row) => {
      const question = mmluProQuestion(row.question, mmluProOptions(row.options, keepEmpty));
      return `${question}\nAnswer:\n${normalizedCot(row.cot_content)}\n\n`;
    })
    .join('');
}

/** The instruction both environments put first. */
export const MMLU_PRO_INSTRUCTION =
  'The following are multiple choice questions (with answers) about health. Think step by step and then finish your answer with "\\boxed{X}" where X is the correct letter choice.\n';
