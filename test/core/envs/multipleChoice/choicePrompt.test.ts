import { describe, expect, it } from 'vitest';
import {
  buildChoicePrompt,
  choiceSystemPrompt,
  choiceUserMessage,
} from '../../../../src/core/envs/multipleChoice/choicePrompt';
import { CHOICE_SETTINGS_DEFAULTS as CURRENT_DEFAULTS } from '../../../../src/core/envs/multipleChoice/choiceSettings';

// The prompt runs had before presets (kept for stored runs); the presets' prompts are tested against
// the reference's own output in reference/medarcPrompts.test.ts.
const CHOICE_SETTINGS_DEFAULTS = { ...CURRENT_DEFAULTS, preset: 'medeval-legacy' as const };
import type { EnvExample } from '../../../../src/core/envs/types';

const OPTIONS = [
  { letter: 'A', text: 'Ampicillin' },
  { letter: 'B', text: 'Ceftriaxone' },
  { letter: 'C', text: 'Doxycycline' },
  { letter: 'D', text: 'All of the above' },
];

describe('choiceSystemPrompt', () => {
  it.each([
    {
      settings: { answerFormat: 'xml', useThink: false },
      want:
        'You are a medical expert answering a multiple-choice question. Think through the question ' +
        'step by step, then give only the letter of the single best option inside <answer></answer> tags.',
    },
    {
      settings: { answerFormat: 'boxed', useThink: false },
      want:
        'You are a medical expert answering a multiple-choice question. Think through the question ' +
        'step by step, then give only the letter of the single best option inside \\boxed{}.',
    },
    {
      settings: { answerFormat: 'xml', useThink: true },
      want:
        'You are a medical expert answering a multiple-choice question. Think through the question ' +
        'step by step inside <think></think> tags. After </think>, give only the letter of the single ' +
        'best option inside <answer></answer> tags.',
    },
  ] as const)('$settings.answerFormat, think $settings.useThink', ({ settings, want }) => {
    expect(choiceSystemPrompt(settings)).toBe(want);
  });
});

describe('choiceUserMessage', () => {
  it('question, blank line, options, Answer:', () => {
    expect(choiceUserMessage('Which drug treats Lyme disease?', OPTIONS)).toBe(
      'Which drug treats Lyme disease?\n\nA. Ampicillin\nB. Ceftriaxone\nC. Doxycycline\nD. All of the above\nAnswer:',
    );
  });

  it('context sections first, one LABEL. text line each', () => {
    const context = [
      { label: 'BACKGROUND', text: 'Statins lower LDL.' },
      { label: 'RESULTS', text: 'Mortality fell by 12%.' },
    ];
    const options = [
      { letter: 'A', text: 'Yes' },
      { letter: 'B', text: 'No' },
      { letter: 'C', text: 'Maybe' },
    ];
    expect(choiceUserMessage('Do statins reduce mortality?', options, context)).toBe(
      'Context:\nBACKGROUND. Statins lower LDL.\nRESULTS. Mortality fell by 12%.\n\n' +
        'Do statins reduce mortality?\n\nA. Yes\nB. No\nC. Maybe\nAnswer:',
    );
  });
});

describe('buildChoicePrompt', () => {
  const example: EnvExample = {
    id: 'test-7',
    group: null,
    question: 'Which drug treats Lyme disease?',
    answer: 'C. Doxycycline',
    payload: { options: OPTIONS, gold: 'C' },
  };

  it('system + user, options as stored when not shuffled', () => {
    const messages = buildChoicePrompt(example, CHOICE_SETTINGS_DEFAULTS);
    expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(messages[1]?.content).toBe(choiceUserMessage(example.question, OPTIONS));
  });

  it('shuffled: the same options in another order, "All of the above" still last', () => {
    const settings = { ...CHOICE_SETTINGS_DEFAULTS, shuffleOptions: true };
    const user = buildChoicePrompt(example, settings)[1]?.content ?? '';
    const lines = user.split('\n').slice(2, 6);
    expect(lines.map((line) => line.slice(0, 3))).toEqual(['A. ', 'B. ', 'C. ', 'D. ']);
    expect(lines.map((line) => line.slice(3)).sort()).toEqual(OPTIONS.map((o) => o.text).sort());
    expect(lines[3]).toBe('D. All of the above');
    expect(user).not.toBe(buildChoicePrompt(example, CHOICE_SETTINGS_DEFAULTS)[1]?.content);
    expect(buildChoicePrompt(example, settings)).toEqual(buildChoicePrompt(example, settings));
  });

  it('a payload that is not a choice payload is a dataset_format error', () => {
    expect(() =>
      buildChoicePrompt({ ...example, payload: { options: [] } }, CHOICE_SETTINGS_DEFAULTS),
    ).toThrow(expect.objectContaining({ kind: 'dataset_format' }));
    expect(() =>
      buildChoicePrompt(
        { ...example, payload: { options: OPTIONS, gold: 'E' } },
        CHOICE_SETTINGS_DEFAULTS,
      ),
    ).toThrow(/not one of the options \(A–D\)/);
  });
});
