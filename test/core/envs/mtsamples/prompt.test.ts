import { describe, expect, it } from 'vitest';
import type { JudgeVisibility, PromptOptions } from '../../../../src/core/envs/mtsamples/prompt';
import {
  buildModelMessages,
  INSTRUCTION,
  judgeVisibleText,
  THINK_INSTRUCTION,
} from '../../../../src/core/envs/mtsamples/prompt';
import { ChatMessageSchema } from '../../../../src/core/schema/chat';

// Spec mtsamples-procedures.md §3: the instruction texts are the benchmark's own and must not drift.

describe('instructions', () => {
  it('are the benchmark’s exact texts', () => {
    expect(INSTRUCTION).toBe(
      'Here are information about a patient, return a reasonable treatment plan for the patient.',
    );
    expect(THINK_INSTRUCTION).toBe(
      'Here are information about a patient. Think step-by-step inside <think>...</think> tags about the key clinical details, then return a reasonable treatment plan for the patient.',
    );
  });
});

describe('buildModelMessages', () => {
  const question = 'HISTORY: Knee pain.\nEXAM: Effusion.';

  it.each<{ name: string; opts: PromptOptions; expected: unknown }>([
    {
      name: 'chat: system instruction + user question',
      opts: { format: 'chat', useThink: false },
      expected: [
        { role: 'system', content: INSTRUCTION },
        { role: 'user', content: question },
      ],
    },
    {
      name: 'chat + think: the think instruction replaces the system message',
      opts: { format: 'chat', useThink: true },
      expected: [
        { role: 'system', content: THINK_INSTRUCTION },
        { role: 'user', content: question },
      ],
    },
    {
      name: 'helm: one user message',
      opts: { format: 'helm', useThink: false },
      expected: [
        {
          role: 'user',
          content: `${INSTRUCTION}\n\nPatient Notes: HISTORY: Knee pain.\nEXAM: Effusion.\nAnswer:`,
        },
      ],
    },
    {
      name: 'helm + think: the think instruction in place of the instruction',
      opts: { format: 'helm', useThink: true },
      expected: [
        {
          role: 'user',
          content: `${THINK_INSTRUCTION}\n\nPatient Notes: HISTORY: Knee pain.\nEXAM: Effusion.\nAnswer:`,
        },
      ],
    },
  ])('$name', ({ opts, expected }) => {
    const messages = buildModelMessages(question, opts);
    expect(messages).toEqual(expected);
    for (const message of messages) expect(ChatMessageSchema.parse(message)).toEqual(message);
  });

  it('inserts the question verbatim, `$` patterns and braces included', () => {
    const tricky = 'Dose $& then $1 {{reference}}';
    const [message] = buildModelMessages(tricky, { format: 'helm', useThink: false });
    expect(message?.content).toContain(`Patient Notes: ${tricky}\nAnswer:`);
  });
});

describe('judgeVisibleText', () => {
  it.each<[string, JudgeVisibility, string]>([
    ['<think>plan A?</think>\nRest and ice.', 'full', '<think>plan A?</think>\nRest and ice.'],
    ['<think>plan A?</think>\n  Rest and ice.  \n', 'after_think', 'Rest and ice.'],
    ['<think>a</think>draft</think>  Final plan.', 'after_think', 'Final plan.'],
    ['No think block at all.', 'after_think', 'No think block at all.'],
    ['<think>cut off by max tokens', 'after_think', '<think>cut off by max tokens'],
    ['<think>only thinking</think>   ', 'after_think', ''],
    ['', 'after_think', ''],
  ])('%j (%s) → %j', (completion, mode, expected) => {
    expect(judgeVisibleText(completion, mode)).toBe(expected);
  });
});

describe('ChatMessageSchema', () => {
  it.each([
    [{ role: 'tool', content: 'x' }],
    [{ role: 'user', content: null }],
    [{ role: 'user' }],
  ])('rejects %j', (value) => {
    expect(ChatMessageSchema.safeParse(value).success).toBe(false);
  });
});
