import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  graderMessages,
  renderRubricItem,
  renderTranscript,
} from '../../../../src/core/envs/healthbench/graderMessages';
import { REFERENCE_GRADER } from '../../../../src/core/envs/healthbench/healthBenchSettings';
import { AppError } from '../../../../src/core/errors';
import { exampleOf, MULTI_TURN_ROW } from './healthBenchRows';

describe('graderMessages', () => {
  const example = exampleOf(MULTI_TURN_ROW);
  const item = { criterion: 'Uses jargon without explanation.', points: -2, tags: [] };
  const reply = 'Give 80–90 mg/kg/day, i.e. 1.6–1.8 g a day.';
  const messages = graderMessages(example, reply, item, { preset: 'medeval' });
  const prompt = messages[0]?.content ?? '';

  it('is one user message in the medeval preset (runs made before presets)', () => {
    expect(messages).toHaveLength(1);
    expect(messages[0]?.role).toBe('user');
  });

  it('sends simple-evals’ grader system message first in the reference preset (the default)', () => {
    const reference = graderMessages(example, reply, item);
    expect(reference[0]).toEqual({ role: 'system', content: 'You are a helpful assistant.' });
    expect(reference.slice(1)).toEqual(messages);
    expect(graderMessages(example, reply, item, { preset: 'simple-evals@ee3b031' })).toEqual(
      reference,
    );
  });

  it('sends what simple-evals’ grading sampler sends, by the fixture its own code produced', () => {
    const fixture = JSON.parse(
      readFileSync(
        new URL('../../../fixtures/reference/simple-evals-grader-request.json', import.meta.url),
        'utf8',
      ),
    ) as {
      reference: { commit: string };
      request: {
        model: string;
        messages: { role: string; content: string }[];
        temperature: number;
        max_tokens: number;
      };
    };
    expect(fixture.reference.commit).toMatch(/^ee3b031/);
    const [system, user, ...rest] = fixture.request.messages;
    const ours = graderMessages(example, reply, item);
    expect(ours[0]).toEqual(system);
    expect(ours.map((message) => message.role)).toEqual([system?.role, user?.role]);
    expect(rest).toEqual([]);
    expect(REFERENCE_GRADER).toEqual({
      model: fixture.request.model,
      temperature: fixture.request.temperature,
      maxTokens: fixture.request.max_tokens,
    });
  });

  it('renders the conversation and the reply as role: content blocks separated by blank lines', () => {
    expect(prompt).toContain(
      [
        'system: You are a careful assistant for clinicians.',
        'user: Dose of amoxicillin for otitis media in a 20 kg child?',
        'assistant: Is the child allergic to penicillin?',
        'user: No allergies. First episode.',
        'assistant: Give 80–90 mg/kg/day, i.e. 1.6–1.8 g a day.',
      ].join('\n\n'),
    );
  });

  it('shows the item as [points] criterion, negative points included', () => {
    expect(prompt).toContain('[-2] Uses jargon without explanation.');
  });

  it('states the contract: JSON keys, last turn only, all parts, negative items', () => {
    expect(prompt).toContain('"explanation"');
    expect(prompt).toContain('"criteria_met"');
    expect(prompt).toMatch(/final assistant turn/);
    expect(prompt).toMatch(/does all of them/);
    expect(prompt).toMatch(/undesirable behaviour is present/);
  });

  it('throws a dataset_format error for an unreadable payload', () => {
    expect(() => graderMessages({ ...example, payload: {} }, 'x', item)).toThrow(AppError);
  });
});

describe('renderers', () => {
  it('renderTranscript joins role: content with blank lines', () => {
    expect(
      renderTranscript([
        { role: 'user', content: 'a' },
        { role: 'assistant', content: 'b' },
      ]),
    ).toBe('user: a\n\nassistant: b');
  });

  it('renderRubricItem puts points in brackets', () => {
    expect(renderRubricItem({ points: 5, criterion: 'Is kind.' })).toBe('[5] Is kind.');
  });
});
