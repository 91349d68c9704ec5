// Owns the two text questions the answer matcher keeps asking: where in a text are the standalone
// letters that read as option letters rather than words, and where are the options' own texts. Works
// on NFKC-normalised text in its original case, because case is what tells "a" the article from "A"
// the option. Pure.
import type { ChoiceOption } from './choicePayload';

export interface LetterToken {
  /** The letter, upper-case. */
  letter: string;
  /** Index of the letter itself (after any opening bracket). */
  at: number;
  /** Index just past the token (and its closing bracket). */
  end: number;
}

// A single letter, optionally bracketed, not part of a word ("Cis"), a hyphenated term ("B-cell"), a
// possessive ("A's"), a path ("A/B") or an abbreviation ("e.g.", "i.e.").
const TOKEN = /(?<![\p{L}\p{N}'’\\/-]|\p{L}\.)([([])?(\p{L})([)\]])?(?![\p{L}\p{N}'’/-]|\.\p{L})/gu;
const FOLLOWED_BY_WORD = /^[ \t]*[\p{L}\p{N}]/u;
const FOLLOWED_BY_LOWER_WORD = /^[ \t]+[\p{Ll}\p{N}]/u;
/** Upper-case letters that are also English words at the start of a phrase ("A patient", "I think"). */
const WORD_LETTERS = new Set(['A', 'I']);

/**
 * The standalone letters of `text` that read as option letters (only those in `letters`):
 * - bracketed ("(c)", "[B]", "C)") or followed by punctuation, a line break or the end: always;
 * - followed by a word: only upper-case, and in prose not "A"/"I" before a lower-case word or a
 *   number ("A 45-year-old", "I think"), which is the article or the pronoun. Right after an anchor
 *   ("the answer is A because…") the article reading is out, so `anchored` drops that exception.
 * So a lower-case "a" or "i" in running prose is never a letter.
 */
export function letterTokens(
  text: string,
  letters: ReadonlySet<string>,
  context: 'prose' | 'anchored' = 'prose',
): LetterToken[] {
  const tokens: LetterToken[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const [whole, open, raw = '', close] = match;
    const letter = raw.toUpperCase();
    if (!letters.has(letter)) continue;
    const at = match.index + (open === undefined ? 0 : 1);
    const end = match.index + whole.length;
    const after = text.slice(end, end + 24);
    const isBracketed = open !== undefined || close !== undefined;
    const isLetter =
      isBracketed ||
      !FOLLOWED_BY_WORD.test(after) ||
      (raw === letter && (context === 'anchored' || !isWordLetter(letter, after)));
    if (isLetter) tokens.push({ letter, at, end });
  }
  return tokens;
}

function isWordLetter(letter: string, after: string): boolean {
  return WORD_LETTERS.has(letter) && FOLLOWED_BY_LOWER_WORD.test(after);
}

/** An option's text as compared: NFKC, lower-case, spaces collapsed, no trailing full stop. */
export function comparableText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.\s]+$/, '');
}

export interface OptionTextScan {
  /** `text` with every option text found blanked out (same length, so indices still hold). */
  masked: string;
  /** Letters of the options whose text was found, longest text first. */
  found: string[];
  /** Where each found option's text is, by letter (every occurrence). */
  spans: Map<string, { start: number; end: number }[]>;
}

/**
 * Finds the options' texts in `text` as whole words, case-insensitively. Longer texts go first and are
 * blanked before shorter ones are looked for, so "Aspirin and clopidogrel" is not also "Aspirin".
 * One-character texts (blood groups "A", "B") are skipped: they cannot be told from letters.
 */
export function scanOptionTexts(text: string, options: readonly ChoiceOption[]): OptionTextScan {
  const byLength = options
    .map((option) => ({ letter: option.letter, text: comparableText(option.text) }))
    .filter((option) => option.text.length >= 2)
    .sort((a, b) => b.text.length - a.text.length);
  let masked = text;
  const found: string[] = [];
  const spans = new Map<string, { start: number; end: number }[]>();
  for (const option of byLength) {
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${wordsPattern(option.text)}(?![\\p{L}\\p{N}])`,
      'giu',
    );
    const hits = [...masked.matchAll(pattern)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
    }));
    if (hits.length === 0) continue;
    found.push(option.letter);
    spans.set(option.letter, hits);
    masked = masked.replace(pattern, (hit) => ' '.repeat(hit.length));
  }
  return { masked, found, spans };
}

function wordsPattern(text: string): string {
  return text
    .split(' ')
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
}
