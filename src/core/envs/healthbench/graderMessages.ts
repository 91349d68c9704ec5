// The grader's prompt for one rubric item (spec more-environments.md §3): the conversation with the
// model's reply as its last assistant turn, the item as `[points] criterion`, and a JSON verdict
// `{"explanation": string, "criteria_met": boolean}`. Written for this app to the spec's contract.
import type { ChatMessage } from '../../schema/chat';
import type { EnvExample, RubricItem } from '../types';
import { readHealthBenchPayload } from './healthBenchPayload';
import { SIMPLE_EVALS_GRADER_SYSTEM, type HealthBenchSettings } from './healthBenchSettings';

/** `role: content` blocks separated by blank lines. */
export function renderTranscript(messages: readonly ChatMessage[]): string {
  return messages.map((m) => `${m.role}: ${m.content}`).join('\n\n');
}

export function renderRubricItem(item: Pick<RubricItem, 'points' | 'criterion'>): string {
  return `[${item.points}] ${item.criterion}`;
}

/** The whole grader prompt around an already rendered transcript (also used to estimate its size). */
function graderPrompt(transcript: string, item: Pick<RubricItem, 'points' | 'criterion'>): string {
  return [
    'You are checking one response in a health-related conversation against one rubric criterion.',
    '',
    'The conversation is below. Its final assistant turn is the response under review; every earlier turn is context only.',
    '',
    '<conversation>',
    transcript,
    '</conversation>',
    '',
    'The criterion, with the points it carries in brackets:',
    '',
    '<criterion>',
    renderRubricItem(item),
    '</criterion>',
    '',
    'How to decide:',
    '- Judge only the final assistant turn. Do not credit or blame it for anything said in earlier turns.',
    '- If the criterion asks for several things, it is met only when the response does all of them; one missing part means it is not met.',
    '- A criterion with negative points describes something a response should not do. Say whether the response does that thing: criteria_met is true when the undesirable behaviour is present and false when it is absent. Do not invert your answer because the points are negative.',
    '',
    'Reply with one JSON object and nothing else:',
    '{"explanation": "<a sentence or two giving your reason>", "criteria_met": <true or false>}',
  ].join('\n');
}

/**
 * One user message — the reply appended to the conversation as its last assistant turn — after
 * simple-evals' grader system message in the reference preset.
 */
export function graderMessages(
  example: EnvExample,
  reply: string,
  item: RubricItem,
  settings: Pick<HealthBenchSettings, 'preset'> = { preset: 'simple-evals@ee3b031' },
): ChatMessage[] {
  const { conversation } = readHealthBenchPayload(example);
  const transcript = renderTranscript([...conversation, { role: 'assistant', content: reply }]);
  const user: ChatMessage = { role: 'user', content: graderPrompt(transcript, item) };
  return settings.preset === 'medeval'
    ? [user]
    : [{ role: 'system', content: SIMPLE_EVALS_GRADER_SYSTEM }, user];
}
