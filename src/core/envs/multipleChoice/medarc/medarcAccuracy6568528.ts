// Owns MedARC's multiple-choice verdict as med-lm-envs 6568528 (2025-10-31) computes it
// (`medarc_verifiers/rewards/multiple_choice_accuracy.py`): gold-aware layers, each of which can
// only say "correct" —
//   1. direct_answer   the whole (LaTeX-stripped, NFKC-casefolded) answer is the gold letter;
//   2. anchored_token  the LAST "answer/choice/option/therefore/so … X" reads the gold and no
//                      negation word is in its sentence (the anchor words are not word-bounded:
//                      "also C" counts);
//   3. last_token      the last standalone letter or 1–2 digit number is the gold, same negation rule;
//   4. answer_text     the gold option's text appears as a whole phrase, same negation rule.
// Anything else is incorrect. Written for this app from that behaviour and checked verdict for
// verdict against the reference's own output (test/fixtures/reference). Pure.
import {
  B,
  DIGIT,
  flexibleLiteral,
  pyIsAlpha,
  pyIsDigit,
  pyLen,
  pyStrip,
  SPACE,
  W,
} from '../python/pythonRegex';
import { nfkcCasefold, stripTex } from './pythonText';

export type MedarcMethod =
  'direct_answer' | 'anchored_token' | 'last_token' | 'answer_text' | 'none';

export interface MedarcVerdict {
  isCorrect: boolean;
  method: MedarcMethod;
}

const OPTION = `([A-Za-z]|${DIGIT}{1,2})`;
const ANCHOR = new RegExp(
  `(?:final${SPACE}+answer|answer|ans|choice|option|selected|i${SPACE}+choose|i${SPACE}+pick|therefore|thus|so)${SPACE}*[:\\-–—]?${SPACE}*(?:is${SPACE}*)?\\(?${SPACE}*${OPTION}${SPACE}*[\\)\\.:]?(?![${W}])`,
  'giu',
);
const TOKEN = new RegExp(`(?<![${W}])\\(?${SPACE}*${OPTION}${SPACE}*[\\)\\.:]?(?![${W}])`, 'giu');
const NEGATION = new RegExp(
  `${B}(?:not|isn['']t|no|incorrect|wrong|eliminat[${W}]+|except|rather${SPACE}+than)${B}`,
  'iu',
);
const SENTENCE_BOUNDARY = new RegExp(`[.!?]${SPACE}+|\\n+`, 'gu');

/** Python's `_norm_letter`: an upper-cased single letter, a digit string, or null. */
export function normLetter(token: string): string | null {
  const letter = pyStrip(token);
  if (letter === '') return null;
  if (pyIsDigit(letter)) return letter;
  if (pyIsAlpha(letter) && pyLen(letter) === 1) return letter.toUpperCase();
  return null;
}

/** The sentence (between `[.!?]\s+` / newlines) holding text[start, end). */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  let from = 0;
  for (const m of text.slice(0, start).matchAll(SENTENCE_BOUNDARY)) from = m.index + m[0].length;
  let to = text.length;
  for (const m of text.slice(end).matchAll(SENTENCE_BOUNDARY)) {
    to = end + m.index;
    break;
  }
  return [from, to];
}

function negatedNear(text: string, start: number, end: number): boolean {
  const [from, to] = sentenceAround(text, start, end);
  return NEGATION.test(text.slice(from, to));
}

function normalizeSpaces(text: string): string {
  return pyStrip(text.replace(new RegExp(`${SPACE}+`, 'gu'), ' '));
}

/**
 * `multiple_choice_accuracy(llm_answer, answer_letter, answer_text)` with the defaults the
 * environments use (no prefix, answer text accepted, LaTeX stripped).
 */
export function medarcAccuracy6568528(
  llmAnswer: string,
  answerLetter: string,
  answerText: string,
): MedarcVerdict {
  if (llmAnswer === '') return { isCorrect: false, method: 'none' };
  const answer = nfkcCasefold(stripTex(pyStrip(llmAnswer)));
  const gold = normLetter(answerLetter);
  const goldText = nfkcCasefold(normalizeSpaces(stripTex(answerText)));
  if (gold === null) throw new RangeError(`Invalid answer_letter '${answerLetter}'.`);

  if (gold === normLetter(answer)) return { isCorrect: true, method: 'direct_answer' };

  const anchored = [...answer.matchAll(ANCHOR)].at(-1);
  if (anchored !== undefined && normLetter(anchored[1] ?? '') === gold) {
    const end = anchored.index + anchored[0].length;
    if (!negatedNear(answer, anchored.index, end)) {
      return { isCorrect: true, method: 'anchored_token' };
    }
  }

  const last = [...answer.matchAll(TOKEN)].at(-1);
  if (last !== undefined && normLetter(last[1] ?? '') === gold) {
    if (!negatedNear(answer, last.index, last.index + last[0].length)) {
      return { isCorrect: true, method: 'last_token' };
    }
  }

  if (goldText !== '') {
    const pattern = new RegExp(`(?<![${W}])${flexibleLiteral(goldText)}(?![${W}])`, 'iu');
    const match = pattern.exec(answer);
    if (match !== null && !negatedNear(answer, match.index, match.index + match[0].length)) {
      return { isCorrect: true, method: 'answer_text' };
    }
  }
  return { isCorrect: false, method: 'none' };
}
