// Owns how the `verifiers` library (v0.1.6.post0 – v0.1.10, identical for one assistant message)
// finds the answer in a reply, for the parsers MedARC's multiple-choice environments build:
// - XML (`XMLParser(fields=["answer"] or ["think", "answer"])`): the FIRST `<answer>…</answer>` of
//   the last assistant message that has one — exact lower-case tags, closed tags only, inner
//   whitespace trimmed; the think field plays no part in reading the answer;
// - boxed without think (`Parser(extract_boxed_answer)`): the last `\boxed{…}` with balanced braces,
//   else the WHOLE reply;
// - boxed with think (`ThinkParser(extract_boxed_answer)`): only the text after the last `</think>`
//   (nothing at all when there is none), then as above.
// A reply with nothing to read gives "" (the environments pass `parse_answer(...) or ""`). Pure.
import { pyStrip, SPACE } from '../python/pythonRegex';
import type { AnswerFormat } from '../choiceSettings';

const ANSWER_TAG = new RegExp(`<answer>${SPACE}*([\\s\\S]*?)${SPACE}*</answer>`, 'u');

/** `XMLParser.parse_answer` for one assistant message; null when it has no closed answer tag. */
export function xmlAnswer(content: string): string | null {
  const match = ANSWER_TAG.exec(content);
  return match === null ? null : pyStrip(match[1] ?? '');
}

/** `extract_boxed_answer`: the last `\boxed{…}`'s inside, or the text itself when there is none. */
export function extractBoxedAnswer(text: string): string {
  const start = text.lastIndexOf('\\boxed{');
  if (start === -1) return text;
  const contentStart = start + 7;
  let depth = 1;
  let i = contentStart;
  while (i < text.length && depth > 0) {
    if (text[i] === '{') depth += 1;
    else if (text[i] === '}') depth -= 1;
    i += 1;
  }
  return depth === 0 ? text.slice(contentStart, i - 1) : text;
}

/** `ThinkParser.parse` before its extract function: after the last `</think>`, else nothing. */
export function afterThink(text: string): string {
  const at = text.lastIndexOf('</think>');
  return at === -1 ? '' : pyStrip(pyStrip(text.slice(at + '</think>'.length)));
}

/**
 * What the environment's `accuracy` reward hands to the matcher: `parser.parse_answer(completion) or
 * ""` for a completion holding this one assistant reply.
 */
export function verifiersParsedAnswer(
  reply: string,
  answerFormat: AnswerFormat,
  useThink: boolean,
): string {
  if (answerFormat === 'xml') return xmlAnswer(reply) ?? '';
  return extractBoxedAnswer(useThink ? afterThink(reply) : reply);
}
