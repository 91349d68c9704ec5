// MedCalc-Bench's zero-shot prompt as MedARC's environment sends it (med-lm-envs
// environments/medcalc_bench/medcalc_bench/prompts.py `zero_shot_prompt`, stripped, formatted with the
// note and question) under medarc's XML system prompt. Facts of the benchmark, byte for byte. Pure.
import type { ChatMessage } from '../../schema/chat';
import type { MedcalcPayload } from './payload';

const MEDCALC_SYSTEM_PROMPT =
  'Please reason step by step, then give your final answer within <answer>...</answer> XML tags.';

export function medcalcPrompt(payload: MedcalcPayload): ChatMessage[] {
  const user =
    'You are a helpful assistant for calculating a score for a given patient note. Please think step-by-step to solve the question and then generate the required score.\n\n' +
    'When you are finished with all computations, please write your final answer value without any units, using the following formats inside the indicated answer tag:\n\n' +
    '- Decimal Answer Format: 17.29\n' +
    '- Score-Based Answer Format: 5\n' +
    '- Estimated Date Answer Format: 5/21/2021\n' +
    '- Estimated Age Answer Format: (4 weeks, 3 days)\n\n' +
    `Patient Note:\n\n${payload.note}\n\nQuestion:\n\n${payload.question}`;
  return [
    { role: 'system', content: MEDCALC_SYSTEM_PROMPT },
    { role: 'user', content: user },
  ];
}
