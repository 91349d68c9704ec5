import { describe, expect, it } from 'vitest';
import { splitThink, type ThinkSplit } from '../../../../src/core/envs/mtsamples/splitThink';

describe('splitThink', () => {
  it.each<{ rule: string; text: string; split: ThinkSplit }>([
    {
      rule: 'no think block: everything is the answer',
      text: 'Plan: rest and fluids.',
      split: { answer: 'Plan: rest and fluids.', reasoning: [], isUnclosed: false },
    },
    {
      rule: 'empty text',
      text: '',
      split: { answer: '', reasoning: [], isUnclosed: false },
    },
    {
      rule: 'one block before the answer',
      text: '<think>\nThe patient is 54.\n</think>\n\nPlan: rest.',
      split: { answer: 'Plan: rest.', reasoning: ['The patient is 54.'], isUnclosed: false },
    },
    {
      rule: 'unclosed block (cut off): all of it is reasoning, no answer',
      text: '<think>Considering the history of',
      split: { answer: '', reasoning: ['Considering the history of'], isUnclosed: true },
    },
    {
      rule: 'multiple blocks: each kept, the text between them joined',
      text: '<think>a</think>First part.<think>b</think>Second part.',
      split: { answer: 'First part.\n\nSecond part.', reasoning: ['a', 'b'], isUnclosed: false },
    },
    {
      rule: 'text before the block stays in the answer, in order',
      text: 'Preface.\n<think>why</think>\nPlan: surgery.',
      split: { answer: 'Preface.\n\nPlan: surgery.', reasoning: ['why'], isUnclosed: false },
    },
    {
      rule: 'closing tag only (opening tag was in the prompt): the leading text is reasoning',
      text: 'Weighing options.</think>\nPlan: physiotherapy.',
      split: {
        answer: 'Plan: physiotherapy.',
        reasoning: ['Weighing options.'],
        isUnclosed: false,
      },
    },
    {
      rule: 'a stray closing tag after the answer stays as text',
      text: '<think>x</think>Answer </think> tail',
      split: { answer: 'Answer </think> tail', reasoning: ['x'], isUnclosed: false },
    },
    {
      rule: 'a nested opening tag stays inside the reasoning',
      text: '<think>a <think> b</think>Done.',
      split: { answer: 'Done.', reasoning: ['a <think> b'], isUnclosed: false },
    },
    {
      rule: 'tags are matched case-insensitively; an empty block adds no reasoning',
      text: '<THINK>  </THINK>Answer.',
      split: { answer: 'Answer.', reasoning: [], isUnclosed: false },
    },
    {
      rule: 'a look-alike tag is not a think block',
      text: '<thinking>no</thinking> Answer.',
      split: { answer: '<thinking>no</thinking> Answer.', reasoning: [], isUnclosed: false },
    },
  ])('$rule', ({ text, split }) => {
    expect(splitThink(text)).toEqual(split);
  });
});
