// How a long text is cut for display (#10: a 10 MB model reply laid out at once froze the page for
// 12 s): a preview that ends at a line break when one is near, and the pieces a virtualised view
// renders a few at a time — each line, with very long lines cut in fixed-size pieces. Pure.

/** Where a preview of at most `limit` characters ends: the text's end, a line break near the limit, or the limit. */
export function previewEnd(text: string, limit: number): number {
  if (text.length <= limit) return text.length;
  // A line break in the last tenth before the limit makes a cleaner cut than mid-sentence.
  const lineEnd = text.lastIndexOf('\n', limit);
  if (lineEnd >= limit * 0.9) return lineEnd;
  return safeCut(text, limit);
}

/** `at`, or one less when that would split a surrogate pair (an emoji would become two "?"s). */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}

export interface TextPieces {
  /** Start offset of each piece. */
  starts: number[];
  /** End offset (exclusive, line break excluded) of each piece. */
  ends: number[];
}

/**
 * The text as pieces: one per line, a line longer than `maxChars` cut into pieces of at most that
 * many characters. A 10 MB text of ordinary lines makes some tens of thousands of pieces, found in
 * one pass of `indexOf`.
 */
export function textPieces(text: string, maxChars: number): TextPieces {
  const starts: number[] = [];
  const ends: number[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const found = text.indexOf('\n', lineStart);
    const lineEnd = found === -1 ? text.length : found;
    let start = lineStart;
    do {
      // At least one character per piece, so a piece limit of 1 cannot stall on a surrogate pair.
      const end =
        lineEnd - start > maxChars ? Math.max(start + 1, safeCut(text, start + maxChars)) : lineEnd;
      starts.push(start);
      ends.push(end);
      start = end;
    } while (start < lineEnd);
    if (found === -1) break;
    lineStart = found + 1;
  }
  return { starts, ends };
}
