import { describe, expect, it } from 'vitest';
import { CHOICE_SETTINGS_DEFAULTS } from '../../../../src/core/envs/multipleChoice/choiceSettings';
import { scoreChoice } from '../../../../src/core/envs/multipleChoice/scoreChoice';
import { legacyShuffleOptions as shuffleOptions } from '../../../../src/core/envs/multipleChoice/shuffleOptions';
import { ChoiceScoreSchema, type EnvExample } from '../../../../src/core/envs/types';

const OPTIONS = [
  { letter: 'A', text: 'Ampicillin' },
  { letter: 'B', text: 'Ceftriaxone' },
  { letter: 'C', text: 'Doxycycline' },
  { letter: 'D', text: 'Vancomycin' },
];
const EXAMPLE: EnvExample = {
  id: 'test-3',
  group: 'step1',
  question: 'First-line treatment of early Lyme disease?',
  answer: 'C. Doxycycline',
  payload: { options: OPTIONS, gold: 'C' },
};
// These cases test medeval's own reader and the shuffle runs had before presets.
const DEFAULTS = { ...CHOICE_SETTINGS_DEFAULTS, preset: 'medeval-legacy' as const };

describe('scoreChoice', () => {
  it('a correct tagged answer', () => {
    const score = scoreChoice(
      'Doxycycline covers Borrelia.\n<answer>C</answer>',
      EXAMPLE,
      DEFAULTS,
    );
    expect(score).toEqual({
      kind: 'choice',
      parsed: 'C',
      gold: 'C',
      correct: true,
      matchedBy: 'letter',
      source: 'answer_tag',
      why: 'The answer is the letter C. Correct.',
      extracted: 'C',
    });
    expect(ChoiceScoreSchema.parse(score)).toEqual(score);
  });

  it('a wrong boxed answer says what the gold was', () => {
    const score = scoreChoice('\\boxed{\\text{B}}', EXAMPLE, {
      ...DEFAULTS,
      answerFormat: 'boxed',
    });
    expect(score).toMatchObject({
      parsed: 'B',
      correct: false,
      source: 'boxed',
      extracted: '\\text{B}',
    });
    expect(score.why).toBe('The answer is the letter B. The gold answer is C.');
  });

  it('think: a letter inside the reasoning does not count', () => {
    const reply = '<think>B? No, the answer is C.</think>\nThe answer is (C).';
    const score = scoreChoice(reply, EXAMPLE, { ...DEFAULTS, useThink: true });
    expect(score).toMatchObject({
      parsed: 'C',
      correct: true,
      matchedBy: 'anchored',
      source: 'whole_reply',
    });
  });

  it('an empty reply, and one cut off inside <think>, score 0 and say why', () => {
    expect(scoreChoice('', EXAMPLE, DEFAULTS)).toMatchObject({
      parsed: null,
      correct: false,
      matchedBy: 'none',
      source: 'empty',
      why: 'There is no answer to read: the reply is empty. The gold answer is C.',
    });
    const cut = scoreChoice('<think>Probably C but', EXAMPLE, { ...DEFAULTS, useThink: true });
    expect(cut.why).toMatch(/^The <think> block was never closed/);
    expect(cut.correct).toBe(false);
  });

  it('shuffled: scored against the gold as presented, with the order recorded', () => {
    const settings = { ...DEFAULTS, shuffleOptions: true, shuffleSeed: 11 };
    const presented = shuffleOptions(OPTIONS, 'C', 11, 'test-3');
    const score = scoreChoice(`<answer>${presented.gold}</answer>`, EXAMPLE, settings);
    expect(score).toMatchObject({ correct: true, gold: presented.gold, order: presented.order });
    const original = scoreChoice('<answer>C</answer>', EXAMPLE, settings);
    expect(original.correct).toBe(presented.gold === 'C');
  });

  it('option text only, in the whole reply', () => {
    expect(scoreChoice('I would give doxycycline.', EXAMPLE, DEFAULTS)).toMatchObject({
      parsed: 'C',
      correct: true,
      matchedBy: 'option_text',
      source: 'whole_reply',
    });
  });

  it('a long whole reply is stored clipped to its end, where the answer is read', () => {
    const reply = `${'Reasoning. '.repeat(100)}So C`;
    const score = scoreChoice(reply, EXAMPLE, DEFAULTS);
    expect(score.extracted).toHaveLength(500);
    expect(score.extracted.startsWith('…')).toBe(true);
    expect(score.extracted.endsWith('So C')).toBe(true);
  });
});
