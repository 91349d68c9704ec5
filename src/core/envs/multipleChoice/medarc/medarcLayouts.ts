// Owns how each MedARC multiple-choice environment words its prompt and what it hands the option
// shuffle and the verdict (med-lm-envs 6568528; the newest stored versions are the same):
// - system prompt: medarc_verifiers.prompts (XML) or verifiers' data_utils (boxed), with or without
//   think — byte for byte, including the five spaces verifiers' line continuation leaves in the boxed
//   think prompt;
// - user message: MedQA `Question:{q}\nA. …\nAnswer:`, MedMCQA `Give a letter answer among A, B, C
//   or D.\nQuestion: {q}\nA. …\nAnswer:` (question and options stripped), PubMedQA `Select the best
//   answer.\n\nContext: …\n\nQuestion: …\n…\nAnswer: ` (trailing space);
// - the shuffle's row id: MedQA the test-split row index, MedMCQA the stripped question text, PubMedQA
//   the pubid;
// - answer_text for the verdict: the presented text of the gold option.
// MMLU has no MedARC environment: its layout here is MedQA's, and says so. Pure.
import type { EnvExample } from '../../types';
import type { ChoiceOption, ChoicePayload } from '../choicePayload';
import type { AnswerFormat, ChoiceSettings } from '../choiceSettings';
import { pyStrip } from '../python/pythonRegex';

/**
 * How an environment reads the answer, when it fixes its own parser rather than the answer format's
 * verifiers parser: `boxed` verifiers' `Parser(extract_boxed_answer)`, `xml-last` MedARC's XMLParser
 * (the last tag), `whole-reply` a plain `Parser()`, `json-answer` MedARC's JSONParser (medarcParsers.ts).
 */
export type MedarcParser = 'boxed' | 'xml-last' | 'whole-reply' | 'json-answer';

export interface MedarcLayout {
  /** The MedARC env_id whose prompt this is, or null (then `note` says what stands in). */
  envId: string | null;
  note: string | null;
  /**
   * The system message when the environment fixes its own (null: it sends none); absent, the answer
   * format's MedARC / verifiers system prompt.
   */
  systemPrompt?: string | null;
  /** The environment's own parser; absent, the answer format's verifiers parser. */
  parser?: MedarcParser;
  /**
   * The user message; `question` is the source's question text (verbatim). `context` carries the
   * run's settings and the shuffle's row id, for prompts that depend on them (M-ARC's age jitter).
   */
  userMessage: (
    question: string,
    payload: ChoicePayload,
    presented: readonly ChoiceOption[],
    context: { settings: ChoiceSettings; rowId: string },
  ) => string;
  /** `row_id` as the environment passes it to randomize_multiple_choice, formatted as Python would. */
  rowId: (example: EnvExample, payload: ChoicePayload) => string;
  /** The option text as the environment holds it (verbatim, or stripped). */
  optionText: (option: ChoiceOption) => string;
}

const XML_SYSTEM_PROMPT =
  'Please reason step by step, then give your final answer within <answer>...</answer> XML tags.';
const THINK_XML_SYSTEM_PROMPT =
  'Think step-by-step inside <think>...</think> tags. Then, give your final answer inside <answer>...</answer> XML tags.';
export const BOXED_SYSTEM_PROMPT =
  'Please reason step by step, and put your final answer within \\boxed{}.';
// verifiers writes this with a backslash line continuation inside the string: the next line's
// indentation (four spaces) stays in the text after the full stop's own space.
const THINK_BOXED_SYSTEM_PROMPT =
  'Think step-by-step inside <think>...</think> tags.     Then, give your final answer inside \\boxed{}.';

export function medarcSystemPrompt(format: AnswerFormat, useThink: boolean): string {
  if (format === 'xml') return useThink ? THINK_XML_SYSTEM_PROMPT : XML_SYSTEM_PROMPT;
  return useThink ? THINK_BOXED_SYSTEM_PROMPT : BOXED_SYSTEM_PROMPT;
}

const verbatim = (option: ChoiceOption): string => option.source ?? option.text;
const stripped = (option: ChoiceOption): string => pyStrip(option.source ?? option.text);

/** The question as the source has it (stored trimmed, with the original beside it when different). */
export function sourceQuestion(example: EnvExample, payload: ChoicePayload): string {
  return payload.sourceQuestion ?? example.question;
}

/** The row index in an id written `<split>-<index>` (MedQA `test-12`), as Python prints the int. */
export function medqaRowIndex(example: EnvExample): string {
  const match = /^(?:[a-z_]+-)?(\d+)$/.exec(example.id);
  return match?.[1] ?? example.id;
}

export const MEDQA_LAYOUT: MedarcLayout = {
  envId: 'medqa',
  note: null,
  userMessage: (question, _payload, presented) => {
    const options = presented.map((option) => `${option.letter}. ${verbatim(option)}`).join('\n');
    return `Question:${question}\n${options}\nAnswer:`;
  },
  rowId: (example) => medqaRowIndex(example),
  optionText: verbatim,
};

export const MED_MCQA_LAYOUT: MedarcLayout = {
  envId: 'med_mcqa',
  note:
    'The reference loads lighteval/med_mcqa (validation, cop 1–4), offered as its own dataset here ' +
    '(Medmarks suite entries use it); the default dataset is openlifescienceai/medmcqa (cop 0–3).',
  userMessage: (question, _payload, presented) => {
    const lines = presented.map((option) => `${option.letter}. ${stripped(option)}\n`).join('');
    return `Give a letter answer among A, B, C or D.\nQuestion: ${pyStrip(question)}\n${lines}Answer:`;
  },
  rowId: (example, payload) => pyStrip(sourceQuestion(example, payload)),
  optionText: stripped,
};

export const PUBMEDQA_LAYOUT: MedarcLayout = {
  envId: 'pubmedqa',
  note: null,
  userMessage: (question, payload, presented) => {
    const context = (payload.context ?? [])
      .map((section) => `${section.label}. ${section.source ?? section.text}`)
      .join('\n');
    const options = presented.map((option) => `${option.letter}. ${verbatim(option)}`).join('\n');
    return `Select the best answer.\n\nContext: ${context}\n\nQuestion: ${question}\n${options}\nAnswer: `;
  },
  rowId: (example) => example.id,
  optionText: verbatim,
};

export const MMLU_LAYOUT: MedarcLayout = {
  ...MEDQA_LAYOUT,
  envId: null,
  note:
    'MedARC has no MMLU environment: the reference presets use MedARC’s scorer, system prompt and ' +
    'shuffle with MedQA’s user-message layout.',
  rowId: (example) => example.id,
};
