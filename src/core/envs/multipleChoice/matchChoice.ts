// Owns reading which option an extracted answer chooses (spec more-environments.md §2), after NFKC
// normalisation, case-blind except where case tells a letter from a word (letterTokens.ts), in
// layers tried in order; the first that reads a letter decides:
//   letter      the answer is just a letter: "C", "(c)", "C.", "Option C", "C. <option C's text>";
//   anchored    the last "answer is C" / "answer: C" / "therefore C" / "best option is C" /
//               "choose C" whose clause has no negation; bare "option C" only when none of those;
//   last_letter the last standalone option letter (letterTokens.ts says what counts), ignoring
//               letters inside a quoted option text ("Hepatitis B infection") and in a negated
//               clause ("B fits. The answer is not C." reads B: the spec's plain "last letter"
//               would read C);
//   option_text exactly one option's full text appears in a clause that does not negate it
//               (several → no answer; "<text> is wrong" → no answer).
// Correctness is decided by the caller (parsed letter vs gold). Pure.
import type { ChoiceScore } from '../types';
import { letterRange, type ChoiceOption } from './choicePayload';
import { findAnchoredLetter } from './anchoredLetter';
import { comparableText, letterTokens, scanOptionTexts } from './letterTokens';
import { isNegated } from './negatedClause';

export interface ChoiceMatch {
  /** The option letter the answer was read as, or null. */
  parsed: string | null;
  matchedBy: ChoiceScore['matchedBy'];
  /** How it was read, in one sentence. */
  why: string;
}

export function matchChoice(answer: string, options: readonly ChoiceOption[]): ChoiceMatch {
  const text = normalizeAnswer(answer);
  const letters = new Set(options.map((option) => option.letter));
  const alone = justLetter(text, options, letters);
  if (alone !== null) {
    return { parsed: alone, matchedBy: 'letter', why: `The answer is the letter ${alone}.` };
  }
  const anchored = findAnchoredLetter(text, options, letters);
  if (anchored !== null) {
    const why = `Read ${anchored.letter} from "${clip(anchored.phrase)}", the last anchored phrase without a negation.`;
    return { parsed: anchored.letter, matchedBy: 'anchored', why };
  }
  const scan = scanOptionTexts(text, options);
  const last = letterTokens(scan.masked, letters)
    .filter((token) => !isNegated(text, token.at, token.end, options))
    .at(-1);
  if (last !== undefined) {
    const why = `${last.letter} is the last standalone option letter in the answer.`;
    return { parsed: last.letter, matchedBy: 'last_letter', why };
  }
  // An option's text counts only where its clause does not negate it ("Patent ductus arteriosus is
  // wrong" names D to reject it, so it is no answer).
  const affirmed = scan.found.filter((letter) =>
    (scan.spans.get(letter) ?? []).some((span) => !isNegated(text, span.start, span.end, options)),
  );
  return byOptionText(affirmed, scan.found, options);
}

/**
 * The answer as matched: NFKC (fullwidth "Ｃ" → "C", circled letters → letters), LaTeX text wrappers
 * unwrapped (`\text{C}` → `C`), and Markdown emphasis, code ticks and math dollars dropped.
 */
export function normalizeAnswer(answer: string): string {
  let text = answer.normalize('NFKC');
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(/\\(?:text|textbf|textit|textrm|mathrm|mathbf|mbox)\s*\{([^{}]*)\}/g, '$1');
  }
  return text.replace(/[*`$]/g, '').trim();
}

const JUST_LETTER =
  /^(?:(?:option|choice)\s*)?[([]?\s*(\p{L})\s*[)\]]?(?![\p{L}\p{N}])\s*[.:)\-–—]?\s*([\s\S]*)$/iu;

/** The letter when the answer is only a letter, or a letter followed by that same option's text. */
function justLetter(
  text: string,
  options: readonly ChoiceOption[],
  letters: ReadonlySet<string>,
): string | null {
  const match = JUST_LETTER.exec(text);
  const letter = match?.[1]?.toUpperCase();
  if (match === null || letter === undefined || !letters.has(letter)) return null;
  const rest = comparableText(match[2] ?? '');
  if (rest === '') return letter;
  const own = options.find((option) => option.letter === letter);
  return own !== undefined && comparableText(own.text) === rest ? letter : null;
}

function byOptionText(
  found: readonly string[],
  named: readonly string[],
  options: readonly ChoiceOption[],
): ChoiceMatch {
  const [only] = found;
  if (found.length === 1 && only !== undefined) {
    const text = options.find((option) => option.letter === only)?.text ?? '';
    const why = `The answer contains the text of option ${only} ("${clip(text)}") and of no other option.`;
    return { parsed: only, matchedBy: 'option_text', why };
  }
  const why =
    found.length > 1
      ? `The answer quotes several options (${[...found].sort().join(', ')}) and no letter.`
      : named.length > 0
        ? `The answer names option ${[...named].sort().join(', ')} only in a negated clause.`
        : `No option letter (${letterRange(options)}) or option text was found in the answer.`;
  return { parsed: null, matchedBy: 'none', why };
}

function clip(text: string, max = 80): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}
