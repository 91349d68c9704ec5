// Owns finding the answer in a reply to a multiple-choice prompt (spec more-environments.md §2): the
// text after the last `</think>`, then the last `<answer>…</answer>` or the last `\boxed{…}` in it,
// else the whole visible reply. What the answer *says* is matchChoice.ts's job. Pure.
import type { ChoiceScore } from '../types';
import type { ChoiceSettings } from './choiceSettings';

type AnswerSource = ChoiceScore['source'];

export interface ExtractedAnswer {
  /** The text to match, trimmed. */
  text: string;
  source: AnswerSource;
  /** Something worth telling the reader about how it was found (a fallback, a cut-off), or null. */
  note: string | null;
}

type AnswerSettings = Pick<ChoiceSettings, 'answerFormat' | 'useThink'>;

export function extractChoiceAnswer(reply: string, settings: AnswerSettings): ExtractedAnswer {
  const visible = visibleReply(reply, settings.useThink);
  if (visible.text === '') return { text: '', source: 'empty', note: visible.note };
  const tagged = taggedAnswer(visible.text, settings.answerFormat);
  if (tagged !== null) return { ...tagged, note: joinNotes(visible.note, tagged.note) };
  return { text: visible.text, source: 'whole_reply', note: visible.note };
}

const THINK_OPEN = /<think>/gi;
const THINK_CLOSE = /<\/think>/gi;

/**
 * The reply minus its reasoning. Only the text after the last `</think>` counts, whether or not think
 * was asked for: reasoning models emit think blocks unasked, and a letter inside one is not an answer.
 * A `<think>` that is never closed means the reply was cut off mid-reasoning: there is no answer.
 */
function visibleReply(reply: string, useThink: boolean): { text: string; note: string | null } {
  const close = lastMatch(reply, THINK_CLOSE);
  if (close !== null) return { text: reply.slice(close.end).trim(), note: null };
  if (lastMatch(reply, THINK_OPEN) !== null) {
    return {
      text: '',
      note: 'The <think> block was never closed (cut off?), so the reply has no answer.',
    };
  }
  const note = useThink ? 'No </think> in the reply: all of it was read.' : null;
  return { text: reply.trim(), note };
}

type TaggedSource = 'answer_tag' | 'boxed';

const READERS: Record<TaggedSource, (text: string) => string | null> = {
  answer_tag: (text) => lastAnswerTag(text),
  boxed: (text) => lastBoxed(text),
};
const LABELS: Record<TaggedSource, string> = { answer_tag: '<answer> tag', boxed: '\\boxed{}' };

/** The last answer in the asked-for format, else in the other one (and say so). */
function taggedAnswer(
  text: string,
  format: ChoiceSettings['answerFormat'],
): { text: string; source: TaggedSource; note: string | null } | null {
  const [asked, other]: [TaggedSource, TaggedSource] =
    format === 'xml' ? ['answer_tag', 'boxed'] : ['boxed', 'answer_tag'];
  const askedText = READERS[asked](text);
  if (askedText !== null) return { text: askedText, source: asked, note: null };
  const otherText = READERS[other](text);
  if (otherText === null) return null;
  const note = `No ${LABELS[asked]}; read the last ${LABELS[other]} instead.`;
  return { text: otherText, source: other, note };
}

/** The inside of the last `<answer>…</answer>`, trimmed (a `\boxed{}` inside it is unwrapped). */
function lastAnswerTag(text: string): string | null {
  const match = lastMatch(text, /<answer>([\s\S]*?)<\/answer>/gi);
  if (match === null) return null;
  const inside = match.groups[0] ?? '';
  return (lastBoxed(inside) ?? inside).trim();
}

/**
 * The inside of the last complete `\boxed{…}`, trimmed, with nested braces kept whole
 * (`\boxed{\text{C}}` → `\text{C}`). A box cut off before its closing brace is passed over.
 */
export function lastBoxed(text: string): string | null {
  const starts = [...text.matchAll(/\\boxed\s*\{/g)].map((m) => m.index + m[0].length).reverse();
  for (const start of starts) {
    let depth = 1;
    for (let i = start; i < text.length; i += 1) {
      if (text[i] === '{') depth += 1;
      else if (text[i] === '}') depth -= 1;
      if (depth === 0) return text.slice(start, i).trim();
    }
  }
  return null;
}

function lastMatch(
  text: string,
  pattern: RegExp,
): { end: number; groups: (string | undefined)[] } | null {
  let last: RegExpExecArray | null = null;
  for (const match of text.matchAll(pattern)) last = match;
  if (last === null) return null;
  return { end: last.index + last[0].length, groups: last.slice(1) };
}

function joinNotes(...notes: (string | null)[]): string | null {
  const present = notes.filter((note): note is string => note !== null);
  return present.length === 0 ? null : present.join(' ');
}
