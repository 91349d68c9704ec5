// Owns what the model is sent for a multiple-choice example (spec more-environments.md §2). Every
// current preset sends MedARC's messages byte for byte (medarc/medarcLayouts.ts: the system prompt of
// the answer format and the environment's own user message). Runs stored before presets keep the
// prompt medeval wrote then, described below. Pure.
//
// Legacy system: an instruction to reason step by step (inside <think>…</think> with `useThink`) and then
// give only the letter, inside <answer></answer> (`xml`) or \boxed{} (`boxed`). No example letter is
// shown, so the instruction does not suggest one.
//
// Legacy user, exactly (the Context block only when the example has context, i.e. PubMedQA):
//
//   Context:
//   BACKGROUND. <text>
//   RESULTS. <text>
//   <blank line>
//   <question>
//   <blank line>
//   A. <option text>
//   B. <option text>
//   Answer:
import type { ChatMessage } from '../../schema/chat';
import type { EnvExample } from '../types';
import { readChoicePayload, type ChoiceOption, type ContextSection } from './choicePayload';
import type { ChoiceSettings } from './choiceSettings';
import {
  MEDQA_LAYOUT,
  medarcSystemPrompt,
  sourceQuestion,
  type MedarcLayout,
} from './medarc/medarcLayouts';
import { presentOptions } from './shuffleOptions';

const ROLE = 'You are a medical expert answering a multiple-choice question.';
const REASON = 'Think through the question step by step, then give';
const REASON_IN_THINK =
  'Think through the question step by step inside <think></think> tags. After </think>, give';
const WHERE: Record<ChoiceSettings['answerFormat'], string> = {
  xml: 'inside <answer></answer> tags.',
  boxed: 'inside \\boxed{}.',
};

export function choiceSystemPrompt(
  settings: Pick<ChoiceSettings, 'answerFormat' | 'useThink'>,
): string {
  const reason = settings.useThink ? REASON_IN_THINK : REASON;
  return `${ROLE} ${reason} only the letter of the single best option ${WHERE[settings.answerFormat]}`;
}

export function choiceUserMessage(
  question: string,
  options: readonly ChoiceOption[],
  context: readonly ContextSection[] = [],
): string {
  const lines: string[] = [];
  if (context.length > 0) {
    lines.push('Context:', ...context.map((section) => `${section.label}. ${section.text}`), '');
  }
  lines.push(
    question,
    '',
    ...options.map((option) => `${option.letter}. ${option.text}`),
    'Answer:',
  );
  return lines.join('\n');
}

/** The options as these settings present them for `example` in an environment with this layout. */
export function presentedFor(
  example: EnvExample,
  settings: ChoiceSettings,
  layout: MedarcLayout = MEDQA_LAYOUT,
): ReturnType<typeof presentOptions> {
  const payload = readChoicePayload(example);
  return presentOptions(
    payload,
    { legacy: example.id, medarc: layout.rowId(example, payload) },
    settings,
    layout.optionText,
  );
}

/** The messages for `example`, with its options in the order these settings present them. */
export function buildChoicePrompt(
  example: EnvExample,
  settings: ChoiceSettings,
  layout: MedarcLayout = MEDQA_LAYOUT,
): ChatMessage[] {
  const payload = readChoicePayload(example);
  const presented = presentedFor(example, settings, layout);
  if (settings.preset === 'medeval-legacy') {
    return [
      { role: 'system', content: choiceSystemPrompt(settings) },
      {
        role: 'user',
        content: choiceUserMessage(example.question, presented.options, payload.context),
      },
    ];
  }
  const system =
    layout.systemPrompt === undefined
      ? medarcSystemPrompt(settings.answerFormat, settings.useThink)
      : layout.systemPrompt;
  const user: ChatMessage = {
    role: 'user',
    content: layout.userMessage(sourceQuestion(example, payload), payload, presented.options, {
      settings,
      rowId: layout.rowId(example, payload),
    }),
  };
  // verifiers sends a system message only when the environment's system prompt is truthy.
  return system === null || system === '' ? [user] : [{ role: 'system', content: system }, user];
}
