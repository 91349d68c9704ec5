// Owns how much of an extracted answer a choice score stores: the reply itself is stored in full
// elsewhere, so the score keeps at most EXTRACTED_MAX_CHARS of what was matched. Pure.
import type { ChoiceScore } from '../types';

/** Stored with each rollout; the reply itself is stored in full elsewhere. */
const EXTRACTED_MAX_CHARS = 500;

/**
 * A whole reply is clipped from the front (its answer is read from the end); a tag's inside from the
 * back.
 */
export function clipExtracted(text: string, source: ChoiceScore['source']): string {
  if (text.length <= EXTRACTED_MAX_CHARS) return text;
  return source === 'whole_reply'
    ? `…${text.slice(-(EXTRACTED_MAX_CHARS - 1))}`
    : `${text.slice(0, EXTRACTED_MAX_CHARS - 1)}…`;
}
