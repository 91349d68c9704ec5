// Owns the text normalisations MedARC's matchers apply before matching, as Python computes them:
// `unicodedata.normalize("NFKC", …)` then `str.casefold()` (full case folding: "ß" → "ss", final "ς"
// → "σ", unlike `toLowerCase`), and `_strip_tex` (pylatexenc; a failed conversion keeps the text).
// Pure.
import { LatexConversionError, latexToText } from '../latex/latexToText';

// Full case foldings (CaseFolding.txt status F) that `toLowerCase` does not produce and NFKC does not
// already decompose, plus the simple foldings that differ from lower-casing.
const FOLD: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'ss',
  ς: 'σ',
  ϐ: 'β',
  ϑ: 'θ',
  ϕ: 'φ',
  ϖ: 'π',
  ϰ: 'κ',
  ϱ: 'ρ',
  ϵ: 'ε',
  ẛ: 'ṡ',
  ᾳ: 'αι',
  ῃ: 'ηι',
  ῳ: 'ωι',
  ı: 'ı',
  İ: 'i̇',
  ŉ: 'ʼn',
  ǰ: 'ǰ',
  ΐ: 'ΐ',
  ΰ: 'ΰ',
  և: 'եւ',
  ẖ: 'ẖ',
  ẗ: 'ẗ',
  ẘ: 'ẘ',
  ẙ: 'ẙ',
  ẚ: 'aʾ',
};
const FOLD_KEYS = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'gu');

/** Python's `str.casefold()`. */
export function casefold(text: string): string {
  // Lower-case first: JavaScript turns a word-final "Σ" into "ς", which folding then makes "σ".
  return text.toLowerCase().replace(FOLD_KEYS, (ch) => FOLD[ch] ?? ch);
}

/** `unicodedata.normalize("NFKC", text).casefold()`. */
export function nfkcCasefold(text: string): string {
  return casefold(text.normalize('NFKC'));
}

/** MedARC's `_strip_tex`: LaTeX to text with pylatexenc, or the text unchanged when that fails. */
export function stripTex(text: string): string {
  const cached = recent.get(text);
  if (cached !== undefined) return cached;
  let plain: string;
  try {
    plain = latexToText(text);
  } catch (error) {
    if (!(error instanceof LatexConversionError)) throw error;
    plain = text;
  }
  // Scoring one reply converts the same reply once per option (to say which it would accept), and
  // the options again for every reply: a small memo of recent conversions saves most of the work.
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value as string);
  recent.set(text, plain);
  return plain;
}

const RECENT_LIMIT = 64;
const recent = new Map<string, string>();
