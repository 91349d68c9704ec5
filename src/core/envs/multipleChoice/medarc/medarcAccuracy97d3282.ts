// Owns MedARC's multiple-choice verdict as the newest stored `multiple_choice_accuracy.py` (med-lm-envs
// 97d3282) computes it. Compared with 6568528 it first drops reasoning (text after the last `</think>`;
// an unclosed `<think>` leaves nothing), normalises dashes and quotes, and then, gold-aware:
//   1. direct_answer   the answer is just the gold letter;
//   2. anchored_token  the reply opens with an option label ("B. …", "(C) …") — unless different
//                      sentences open with different labels — or the last usable anchor ("answer is",
//                      "therefore", "<answer>", "most likely"…) names the gold: anchors negated
//                      ("answer is not C"), corrected later in the sentence ("C, but D") or part of a
//                      list ("A and C") are skipped; any letter it finds counts as an explicit choice;
//   3. last_token      when no explicit choice was made: a lone option on the last line, or a short
//                      final clause ending in one ("I think it's C");
//   4. answer_text     when no explicit choice was made: the gold option's text near the start or the
//                      end of the reply, not preceded in its sentence by a negation (strictly and then
//                      with punctuation loosened).
// A caller's `prefix` (LongHealth's "The correct answer is") is looked for before those anchors.
// Written for this app from that behaviour and checked verdict for verdict against the reference's own
// output (test/fixtures/reference). Pure.
import {
  B,
  DIGIT,
  flexibleLiteral,
  pyIsAlpha,
  pyIsDigit,
  pyLstrip,
  pySplit,
  pySplitlines,
  pyStrip,
  SPACE,
  SPACE_CLASS,
  W,
} from '../python/pythonRegex';
import { normLetter, type MedarcVerdict } from './medarcAccuracy6568528';
import { casefold, stripTex } from './pythonText';

/** Python's `$` (no MULTILINE): the end, or just before a final "\n". */
const END = '(?=\\n?$)';
const S = SPACE;
const OPT = `([A-Za-z]|${DIGIT}{1,2})`;
const NOT_OPTION_AROUND = `[${W}+\\-/]`;
const MARKDOWN = '[*_`~]';

const PUNCT: Readonly<Record<string, string>> = {
  '\u00a0': ' ',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
};
const PUNCT_KEYS = /[\u00a0\u2010-\u2015\u2212\u2018\u2019\u201c\u201d]/gu;

const THINK_OPEN = new RegExp(`<${S}*think${B}[^>]*>`, 'iu');
const THINK_CLOSE = new RegExp(`</${S}*think${S}*>`, 'giu');

const ANCHOR_WORDS = [
  `${B}final${S}+answer${B}`,
  `${B}answer${B}`,
  `${B}ans${B}`,
  `${B}choice${B}`,
  `${B}option${B}`,
  `${B}selected${B}`,
  `${B}i${S}+choose${B}`,
  `${B}i${S}+pick${B}`,
  `${B}therefore${B}`,
  `${B}thus${B}`,
  `${B}so${B}`,
  `${B}conclusion${B}`,
  `${B}in${S}+conclusion${B}`,
  `${B}most${S}+likely${B}`,
  `${B}best[\\-${SPACE_CLASS}]+supported${S}+answer${B}`,
  '<answer>',
].join('|');
const ANCHOR = new RegExp(
  `(?:${ANCHOR_WORDS})${S}*[:\\-–—]?${S}*(?:is${S}*)?(?<neg>not${S}+|isn['’]t${S}+)?` +
    `(?:${MARKDOWN}+${S}*)*[\\(\\[\\{<【]*${S}*(?<opt>[A-Za-z]|${DIGIT}{1,2})${S}*[\\)\\]\\}>】]*` +
    `${S}*[\\)\\.:]?${S}*(?:${MARKDOWN}+${S}*)*(?!${NOT_OPTION_AROUND})`,
  'giud',
);
const TOKEN_SOURCE = `(?<!${NOT_OPTION_AROUND})[\\(\\[\\{<【]*${S}*${OPT}${S}*[\\)\\]\\}>】]*[\\)\\.:]?(?!${NOT_OPTION_AROUND})`;
const TOKEN = new RegExp(TOKEN_SOURCE, 'giud');
const LEADING_BODY =
  `${S}*(?:>${S}*)?(?:(?:[\\-*+]${S}+)|(?:${DIGIT}{1,3}[.)]${S}+))?${S}*(?:${MARKDOWN}+)?${S}*\\(?${S}*${OPT}${S}*` +
  `(?:[\\)\\.:]${S}*\\)?${S}*(?:${MARKDOWN}+)?${S}*|(?=${S}*(?:\\(|[\\-–—])))(?![${W}])`;
/** Matched at a given position (Python's `pattern.match(text, pos)`), with the sticky flag. */
const LEADING = new RegExp(LEADING_BODY, 'iudy');
const TERMINAL_LINE = new RegExp(
  `^(?:${S}*(?:>${S}*)?(?:(?:[\\-*+]${S}+)|(?:${DIGIT}{1,3}[.)]${S}+))?${S}*(?:\\\\boxed\\{${S}*)?(?:<answer>${S}*)?` +
    `[\\(\\[\\{<【]*${S}*${MARKDOWN}*${S}*(?<opt>[A-Za-z]|${DIGIT}{1,2})${S}*${MARKDOWN}*[\\)\\]\\}>】]*` +
    `${S}*(?:</answer>${S}*)?(?:\\}${S}*)?${S}*[.!?]?${S}*${END})$`,
  'iud',
);
const FINAL_CLAUSE = new RegExp(
  `(?<!${NOT_OPTION_AROUND})[\\(\\[\\{<【]*${S}*${MARKDOWN}*${S}*(?<opt>[A-Za-z]|${DIGIT}{1,2})${S}*${MARKDOWN}*[\\)\\]\\}>】]*${S}*[.!?]?${S}*${END}`,
  'iud',
);
const NEGATION_BEFORE = new RegExp(
  `(?:${B}not${B}|${B}isn['’]t${B}|${B}aren['’]t${B}|${B}wasn['’]t${B}|${B}weren['’]t${B}|${B}incorrect${B}|${B}wrong${B}|${B}false${B}|${B}except(?:${S}+for)?${B}|${B}rather${S}+than${B})(?:[^${W}]+[${W}]+){0,3}[^${W}]*${END}`,
  'iu',
);
const NEGATIVE_AFTER = new RegExp(
  `^${S}*(?:is|are|was|were)${S}+(?:incorrect|wrong|false|not${S}+correct)${B}|^${S}*not${S}+correct${B}`,
  'iu',
);
const CONTRAST = new RegExp(
  `${B}(?:but|however|instead(?!${S}+of${B}))${B}[^\\n]{0,40}?(?<!${NOT_OPTION_AROUND})\\(?${S}*${OPT}${S}*[\\)\\.:]?(?!${NOT_OPTION_AROUND})`,
  'iud',
);
const SENTENCE_BOUNDARY = new RegExp(`[.!?]${S}+|\\n+`, 'gu');
const GLUE = new RegExp(
  `${B}(?:and|or|both|y|e|ou|und|et|plus)${B}|${B}(?:as well as|together with|followed by|correct choices?${S}+are|choices?${S}+are)${B}|[,:;/&+\\-|]`,
  'giu',
);
const CONNECTOR = new RegExp(
  `${B}(?:and|or|nor|to|through|then|plus)${B}|${B}as${S}+well${S}+as${B}|${B}together${S}+with${B}|${B}followed${S}+by${B}`,
  'iu',
);
const CONNECTOR_BEFORE = new RegExp(
  `(?<!${NOT_OPTION_AROUND})[\\(\\[\\{<]*${MARKDOWN}*${S}*(?:[A-Za-z]|${DIGIT}{1,2})${S}*${MARKDOWN}*[\\)\\]\\}>]*[${SPACE_CLASS},;]*(?:and|or|nor|to|through|then|plus)${S}*${END}`,
  'iu',
);
const ARTICLE_AFTER = new RegExp(`^${S}+[a-z]{2,}${B}`, 'u');
const INNER_PUNCT_SPACING = new RegExp(`${S}*([()\\[\\]{}.,;:])${S}*`, 'gu');
const TRAILING_TERMINAL_PUNCT = new RegExp(`(?<=[${W}])[.!?,;:]+${END}`, 'u');
const RESIDUE = new RegExp(`[${SPACE_CLASS}\\[\\]\\(\\)\\{\\}<>*_\`~.!?]+`, 'gu');

/** A regex match as the reference uses it: its span and its option's span (group `opt` or 1). */
interface OptionMatch {
  start: number;
  end: number;
  optStart: number;
  optEnd: number;
  opt: string;
  negated: boolean;
}

function toOptionMatch(m: RegExpExecArray | RegExpMatchArray): OptionMatch {
  const indices = m.indices;
  const span = indices?.groups?.['opt'] ??
    indices?.[1] ?? [m.index ?? 0, (m.index ?? 0) + m[0].length];
  return {
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
    optStart: span[0],
    optEnd: span[1],
    opt: m.groups?.['opt'] ?? m[1] ?? m[0],
    negated: m.groups?.['neg'] !== undefined,
  };
}

function allMatches(pattern: RegExp, text: string): OptionMatch[] {
  return [...text.matchAll(pattern)].map(toOptionMatch);
}

function firstMatch(pattern: RegExp, text: string): OptionMatch | null {
  const m = pattern.exec(text);
  return m === null ? null : toOptionMatch(m);
}

function matchAt(text: string, pos: number): OptionMatch | null {
  LEADING.lastIndex = pos;
  const m = LEADING.exec(text);
  return m === null ? null : toOptionMatch(m);
}

function normalizeForStructure(text: string): string {
  return casefold(text.normalize('NFKC').replace(PUNCT_KEYS, (ch) => PUNCT[ch] ?? ch));
}

function normalizeForMatch(text: string): string {
  return pyStrip(normalizeForStructure(text).replace(new RegExp(`${S}+`, 'gu'), ' '));
}

function normalizeForAnswerTextMatch(text: string): string {
  return normalizeForMatch(text)
    .replace(INNER_PUNCT_SPACING, '$1')
    .replace(TRAILING_TERMINAL_PUNCT, '');
}

function kindMatches(predicted: string | null, gold: string): boolean {
  if (predicted === null) return false;
  return pyIsDigit(gold) ? pyIsDigit(predicted) : pyIsAlpha(predicted);
}

function removeThinkTags(text: string): string {
  const close = [...text.matchAll(THINK_CLOSE)].at(-1);
  if (close !== undefined) return pyLstrip(text.slice(close.index + close[0].length));
  return THINK_OPEN.test(text) ? '' : text;
}

function sentenceOf(text: string, m: OptionMatch): { from: number; to: number } {
  let from = 0;
  for (const b of text.slice(0, m.optStart).matchAll(SENTENCE_BOUNDARY))
    from = b.index + b[0].length;
  let to = text.length;
  for (const b of text.slice(m.optEnd).matchAll(SENTENCE_BOUNDARY)) {
    to = m.optEnd + b.index;
    break;
  }
  return { from, to };
}

function negatedNear(text: string, m: OptionMatch): boolean {
  const { from } = sentenceOf(text, m);
  return NEGATION_BEFORE.test(text.slice(from, m.optStart));
}

function negativeAfter(text: string, m: OptionMatch): boolean {
  const { to } = sentenceOf(text, m);
  return NEGATIVE_AFTER.test(text.slice(m.optEnd, to));
}

function contradictedLater(text: string, m: OptionMatch): boolean {
  const { to } = sentenceOf(text, m);
  const later = CONTRAST.exec(text.slice(m.optEnd, to));
  if (later === null) return false;
  const contrasted = normLetter(later[1] ?? '');
  return contrasted !== null && contrasted !== normLetter(m.opt);
}

function invalidCandidate(text: string, m: OptionMatch): boolean {
  return negatedNear(text, m) || negativeAfter(text, m) || contradictedLater(text, m);
}

function tailRegion(text: string, maxTokens = 64): string {
  const boundaries = [...text.matchAll(SENTENCE_BOUNDARY)];
  const last = boundaries.at(-1);
  let tail = pyStrip(last === undefined ? text : text.slice(last.index + last[0].length));
  if (tail === '') {
    const line = pySplitlines(text)
      .reverse()
      .find((l) => pyStrip(l) !== '');
    if (line !== undefined) tail = pyStrip(line);
  }
  const tokens = pySplit(tail);
  return tokens.length > maxTokens ? tokens.slice(-maxTokens).join(' ') : tail;
}

function lastNonemptyLine(text: string): string {
  const line = pySplitlines(text)
    .reverse()
    .find((l) => pyStrip(l) !== '');
  return line === undefined ? '' : pyStrip(line);
}

function ignorePriorToken(prefix: string, prior: OptionMatch): boolean {
  const raw = casefold(prior.opt);
  if (raw === 'i' && prior.start === 0) return true;
  if (raw === 'a' && ARTICLE_AFTER.test(prefix.slice(prior.end))) return true;
  const before = prefix[prior.start - 1];
  return raw === 's' && prior.start > 0 && (before === "'" || before === '’');
}

function isCompactMultiOptionList(input: string): boolean {
  const text = pyStrip(input);
  if (allMatches(TOKEN, text).length < 2) return false;
  const residue = text.replace(TOKEN, ' ').replace(GLUE, ' ').replace(RESIDUE, ' ');
  return pyStrip(residue) === '';
}

function terminalOptionLine(line: string): string | null {
  if (line === '') return null;
  const full = firstMatch(TERMINAL_LINE, line);
  if (full !== null) {
    const predicted = normLetter(full.opt);
    if (predicted === null) return null;
    const tokens = allMatches(TOKEN, line);
    const [only] = tokens;
    if (tokens.length !== 1 || only === undefined) return null;
    return invalidCandidate(line, only) ? null : predicted;
  }
  const leading = matchAt(line, 0);
  if (leading === null || isCompactMultiOptionList(line)) return null;
  const predicted = normLetter(leading.opt);
  if (predicted === null) return null;
  return invalidCandidate(line, leading) ? null : predicted;
}

function shortFinalClauseOption(text: string, maxWords = 12): string | null {
  const clause = pyStrip(tailRegion(text));
  if (clause === '' || pySplit(clause).length > maxWords) return null;
  if (isCompactMultiOptionList(clause)) return null;
  const match = firstMatch(FINAL_CLAUSE, clause);
  if (match === null || invalidCandidate(clause, match)) return null;
  const prefix = clause.slice(0, match.start);
  for (const prior of allMatches(TOKEN, prefix)) {
    if (normLetter(prior.opt) === null) continue;
    if (ignorePriorToken(prefix, prior)) continue;
    return null;
  }
  return normLetter(match.opt);
}

/** Python's `text[max(0, start - 20):start]`: twenty code points, not UTF-16 units. */
function twentyBefore(text: string, start: number): string {
  const before = Array.from(text.slice(0, start));
  return before.slice(Math.max(0, before.length - 20)).join('');
}

function inMultiAnswerPhrase(text: string, matches: readonly OptionMatch[], idx: number): boolean {
  const m = matches[idx] as OptionMatch;
  const current = normLetter(m.opt);
  if (current === null) return false;
  const connects = (between: string): boolean =>
    pySplit(between).length <= 5 && CONNECTOR.test(between);
  const prev = matches[idx - 1];
  if (prev !== undefined && connects(text.slice(prev.end, m.start))) return true;
  const next = matches[idx + 1];
  if (next !== undefined && connects(text.slice(m.end, next.start))) return true;
  if (CONNECTOR_BEFORE.test(twentyBefore(text, m.start))) return true;
  const { from, to } = sentenceOf(text, m);
  const sentence = text.slice(from, to);
  const localStart = m.optStart - from;
  const localEnd = m.optEnd - from;
  for (const token of allMatches(TOKEN, sentence)) {
    const letter = normLetter(token.opt);
    if (letter === null || letter === current) continue;
    let between = '';
    if (token.end <= localStart) between = sentence.slice(token.end, localStart);
    else if (localEnd <= token.start) between = sentence.slice(localEnd, token.start);
    if (between === '') continue;
    if (connects(between)) return true;
  }
  return false;
}

function multipleOptionLedSentences(text: string, gold: string): boolean {
  const starts = [0, ...[...text.matchAll(SENTENCE_BOUNDARY)].map((b) => b.index + b[0].length)];
  const distinct = new Set<string>();
  for (const start of starts) {
    const m = matchAt(text, start);
    if (m === null) continue;
    const token = normLetter(m.opt);
    if (token === null || !kindMatches(token, gold)) continue;
    distinct.add(token);
    if (distinct.size > 1) return true;
  }
  return false;
}

function answerTextFound(answer: string, goldText: string): boolean {
  const bufferTokens = pySplit(goldText).length + 15;
  const tokens = pySplit(answer);
  const beginning = tokens.slice(0, bufferTokens).join(' ');
  const end = (tokens.length > bufferTokens ? tokens.slice(-bufferTokens) : tokens).join(' ');
  const found = (text: string, phrase: string): boolean => {
    const pattern = new RegExp(`(?<![${W}])${flexibleLiteral(phrase)}(?![${W}])`, 'iu');
    const m = pattern.exec(text);
    if (m === null) return false;
    const whole = { start: m.index, end: m.index + m[0].length };
    const span: OptionMatch = {
      ...whole,
      optStart: whole.start,
      optEnd: whole.end,
      opt: m[0],
      negated: false,
    };
    return !negatedNear(text, span);
  };
  if (found(beginning, goldText) || found(end, goldText)) return true;
  const loose = normalizeForAnswerTextMatch(goldText);
  if (loose === '') return false;
  return (
    found(normalizeForAnswerTextMatch(beginning), loose) ||
    found(normalizeForAnswerTextMatch(end), loose)
  );
}

/**
 * `multiple_choice_accuracy(llm_answer, answer_letter, answer_text)` at 97d3282 with the defaults the
 * environments use (no prefix, answer text accepted, LaTeX stripped).
 */
export function medarcAccuracy97d3282(
  llmAnswer: string,
  answerLetter: string,
  answerText: string,
): MedarcVerdict {
  return medarcAccuracyWith(stripTex, llmAnswer, answerLetter, answerText);
}

/**
 * The matches of the caller's `prefix` ("The correct answer is", LongHealth's), which when any exist
 * replace the generic anchors: the prefix casefolded and stripped, any run of spaces in it matching
 * any whitespace, then an optional ":"/dash, "is", a negation, "(", and the option.
 */
function prefixMatches(prefix: string, answer: string): OptionMatch[] {
  const norm = pyStrip(normalizeForStructure(prefix));
  if (norm === '') return [];
  const pattern = new RegExp(
    `${flexibleLiteral(norm)}${S}*[:\\-–—]?${S}*(?:is${S}*)?(?<neg>not${S}+|isn['’]t${S}+)?` +
      `\\(?${S}*(?<opt>[A-Za-z]|${DIGIT}{1,2})${S}*[\\)\\.:]?(?!${NOT_OPTION_AROUND})`,
    'giud',
  );
  return allMatches(pattern, answer);
}

/**
 * The 97d3282 matcher with its `_strip_tex` step given: 044f0b6 is the same function except that it
 * only hands text that looks like TeX to pylatexenc (medarcAccuracy044f0b6.ts).
 */
export function medarcAccuracyWith(
  texToText: (text: string) => string,
  llmAnswer: string,
  answerLetter: string,
  answerText: string,
  prefix?: string,
): MedarcVerdict {
  if (llmAnswer === '') return { isCorrect: false, method: 'none' };
  const original = texToText(removeThinkTags(llmAnswer));
  const answer = normalizeForStructure(original);
  const gold = normLetter(answerLetter);
  const goldText = normalizeForMatch(texToText(answerText));
  if (gold === null) throw new RangeError(`Invalid answer_letter '${answerLetter}'.`);

  let explicitChoice = false;
  const multiLed = multipleOptionLedSentences(original, gold);

  if (gold === normLetter(answer)) return { isCorrect: true, method: 'direct_answer' };

  const leading = multiLed ? null : matchAt(original, 0);
  if (leading !== null) {
    const predicted = normLetter(leading.opt);
    if (kindMatches(predicted, gold)) explicitChoice = true;
    if (predicted === gold) return { isCorrect: true, method: 'anchored_token' };
  }

  const prefixed = prefix === undefined ? [] : prefixMatches(prefix, answer);
  const anchors = prefixed.length > 0 ? prefixed : allMatches(ANCHOR, answer);
  for (let idx = anchors.length - 1; idx >= 0; idx -= 1) {
    const m = anchors[idx] as OptionMatch;
    const predicted = normLetter(m.opt);
    if (predicted === null || m.negated) continue;
    if (contradictedLater(answer, m)) continue;
    if (inMultiAnswerPhrase(answer, anchors, idx)) continue;
    if (kindMatches(predicted, gold)) explicitChoice = true;
    if (predicted === gold) return { isCorrect: true, method: 'anchored_token' };
    break;
  }

  if (!explicitChoice && !multiLed) {
    if (terminalOptionLine(lastNonemptyLine(answer)) === gold) {
      return { isCorrect: true, method: 'last_token' };
    }
    if (shortFinalClauseOption(answer) === gold) return { isCorrect: true, method: 'last_token' };
  }

  if (goldText !== '' && !explicitChoice) {
    if (multiLed) return { isCorrect: false, method: 'none' };
    if (answerTextFound(answer, goldText)) return { isCorrect: true, method: 'answer_text' };
  }
  return { isCorrect: false, method: 'none' };
}
