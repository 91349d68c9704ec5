import { describe, expect, it } from 'vitest';
import { previewEnd, textPieces } from '../../../src/core/text/longText';

/** The text back from its pieces: pieces of one line joined as they are, lines by "\n". */
function rejoin(text: string, pieces: ReturnType<typeof textPieces>): string {
  let out = '';
  pieces.starts.forEach((start, i) => {
    if (i > 0 && start !== pieces.ends[i - 1]) out += '\n';
    out += text.slice(start, pieces.ends[i]);
  });
  return out;
}

describe('previewEnd', () => {
  it.each([
    ['short text, whole', 'abc', 10, 3],
    ['a line break near the limit', `${'a'.repeat(95)}\n${'b'.repeat(50)}`, 100, 95],
    ['no line break near: the limit', `${'a'.repeat(50)}\n${'b'.repeat(100)}`, 100, 100],
    ['never inside a surrogate pair', `${'a'.repeat(99)}😀${'b'.repeat(10)}`, 100, 99],
  ])('%s', (_name, text, limit, expected) => {
    expect(previewEnd(text, limit)).toBe(expected);
  });
});

describe('textPieces', () => {
  it.each([
    ['empty', ''],
    ['one line', 'hello'],
    ['lines, blank ones and a final break', 'a\n\nbb\nccc\n'],
    ['a long line', 'x'.repeat(25)],
    ['long and short lines', `${'x'.repeat(23)}\nshort\n${'y'.repeat(10)}`],
    ['emoji at the cut', `${'a'.repeat(9)}😀😀${'b'.repeat(12)}`],
  ])('%s: pieces of at most 10 characters that rebuild the text', (_name, text) => {
    const pieces = textPieces(text, 10);
    expect(rejoin(text, pieces)).toBe(text);
    pieces.starts.forEach((start, i) => {
      const piece = text.slice(start, pieces.ends[i]);
      expect(piece.length).toBeLessThanOrEqual(10);
      expect(piece).not.toContain('\n');
      expect(piece).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/); // no pair cut in two
    });
  });

  it('gives one piece per line for ordinary text, and a blank line its own piece', () => {
    expect(textPieces('a\n\nb', 10)).toEqual({ starts: [0, 2, 3], ends: [1, 2, 4] });
  });

  it('cuts 10 MB into pieces in one pass', () => {
    const text = `${'word '.repeat(20)}\n`.repeat(100_000);
    const pieces = textPieces(text, 2_000);
    expect(pieces.starts).toHaveLength(100_001);
  });
});
