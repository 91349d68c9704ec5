// Owns splitting a completion's `<think>…</think>` reasoning from its answer, for display: the stored
// completion keeps its think blocks (spec §3) and the reviewer sees them apart, folded away. What the
// judges were shown is a different question, answered by `judgeVisibleText` (prompt.ts). Pure.

export interface ThinkSplit {
  /** The text outside every think block, in order, trimmed. */
  answer: string;
  /** Each think block's inner text, in order, trimmed. */
  reasoning: string[];
  /** The last block was never closed (e.g. the reply was cut off by max tokens). */
  isUnclosed: boolean;
}

const TAG = /<(\/?)think>/gi;

/**
 * Splits `text` into its think blocks and the rest. A `</think>` with no opening tag before it closes
 * a block that began at the start of the text: some chat templates (DeepSeek-R1, Qwen3) put the
 * opening `<think>` in the prompt, so the completion carries only the closing one.
 */
export function splitThink(text: string): ThinkSplit {
  const answer: string[] = [];
  const reasoning: string[] = [];
  let openAt: number | null = null;
  let cursor = 0;
  for (const match of text.matchAll(TAG)) {
    const isClose = match[1] === '/';
    const at = match.index;
    if (!isClose && openAt === null) {
      answer.push(text.slice(cursor, at));
      openAt = at + match[0].length;
    } else if (isClose && openAt !== null) {
      reasoning.push(text.slice(openAt, at));
      openAt = null;
    } else if (isClose && reasoning.length === 0 && answer.length === 0) {
      // A leading block whose opening tag was in the prompt.
      reasoning.push(text.slice(0, at));
    } else {
      // A nested `<think>` or a stray `</think>`: kept as text where it stands.
      continue;
    }
    cursor = at + match[0].length;
  }
  const isUnclosed = openAt !== null;
  if (openAt === null) answer.push(text.slice(cursor));
  else reasoning.push(text.slice(openAt));
  return {
    answer: answer
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .join('\n\n'),
    reasoning: reasoning.map((part) => part.trim()).filter((part) => part !== ''),
    isUnclosed,
  };
}
