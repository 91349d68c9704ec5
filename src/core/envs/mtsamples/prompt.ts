// Owns what the model under test is sent for one MTSamples example and what part of its reply the
// judges see (spec mtsamples-procedures.md §3). Pure: no I/O.
import { type JudgeVisibility, type PromptFormat } from '../../schema/mtsamples';
import type { ChatMessage } from '../../schema/chat';

/** The benchmark's own instruction, verbatim (grammar included: changing it changes the benchmark). */
export const INSTRUCTION =
  'Here are information about a patient, return a reasonable treatment plan for the patient.';

/** The environment's `use_think` instruction, verbatim. */
export const THINK_INSTRUCTION =
  'Here are information about a patient. Think step-by-step inside <think>...</think> tags about the key clinical details, then return a reasonable treatment plan for the patient.';

// Re-exported beside the logic that reads and computes them.
export { type PromptFormat, type JudgeVisibility } from '../../schema/mtsamples';

export interface PromptOptions {
  format: PromptFormat;
  useThink: boolean;
}

export function buildModelMessages(question: string, opts: PromptOptions): ChatMessage[] {
  const instruction = opts.useThink ? THINK_INSTRUCTION : INSTRUCTION;
  if (opts.format === 'helm') {
    return [{ role: 'user', content: `${instruction}\n\nPatient Notes: ${question}\nAnswer:` }];
  }
  return [
    { role: 'system', content: instruction },
    { role: 'user', content: question },
  ];
}

const THINK_CLOSE = '</think>';

/**
 * The part of a completion the judges are shown. With `after_think`, a completion that never closed its
 * think block (no `</think>`, e.g. cut off by max tokens) is shown whole: hiding it would turn a
 * truncated reply into an "empty response" scored 1, which hides the truncation instead of judging it.
 */
export function judgeVisibleText(completion: string, mode: JudgeVisibility): string {
  if (mode === 'full') return completion;
  const close = completion.lastIndexOf(THINK_CLOSE);
  if (close === -1) return completion;
  return completion.slice(close + THINK_CLOSE.length).trim();
}
