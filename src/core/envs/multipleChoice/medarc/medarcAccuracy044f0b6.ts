// Owns MedARC's multiple-choice verdict as the stored `multiple_choice_accuracy.py` @ 044f0b6 computes
// it: the 97d3282 matcher (medarcAccuracy97d3282.ts) except for `_strip_tex`, which returns the text
// unchanged unless it looks like TeX (`_LIKELY_TEX_RE`: a backslash command or a dollar sign, and a
// rarer escape pattern below) and only then runs pylatexenc. The difference shows on plain replies that
// pylatexenc alters: it reads `%` as a comment, so under 97d3282 "About 50% of patients improve, so
// the answer is C" loses everything after the `%` and scores 0; under 044f0b6 it scores 1. Which of
// the two is newer cannot be told from the stored copies (no dates in the index). Pure.
import { medarcAccuracyWith } from './medarcAccuracy97d3282';
import type { MedarcVerdict } from './medarcAccuracy6568528';
import { stripTex } from './pythonText';

/**
 * `_LIKELY_TEX_RE = re.compile(r"\\[A-Za-z]+|\\[$\\()\\[\\]{}]|[$]")`, read as Python reads it: the
 * character class closes at the first unescaped `]`, so the middle branch is a backslash, one of
 * `$ \ ( ) [`, then the literal text `{}]` — `\(` alone does not count as TeX; `\[A-Za-z]` is ASCII.
 */
const LIKELY_TEX = /\\[A-Za-z]+|\\[$\\()[]\{\}\]|\$/;

/** `_strip_tex` at 044f0b6: pylatexenc only for text that matches `_LIKELY_TEX_RE`. */
export function stripLikelyTex(text: string): string {
  if (text === '' || !LIKELY_TEX.test(text)) return text;
  return stripTex(text);
}

export function medarcAccuracy044f0b6(
  llmAnswer: string,
  answerLetter: string,
  answerText: string,
): MedarcVerdict {
  return medarcAccuracyWith(stripLikelyTex, llmAnswer, answerLetter, answerText);
}
