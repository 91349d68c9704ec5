// SCT-Public's one user message as MedARC's `generate_prompt` and `sct_prompts` build it: the guideline
// (without "and a brief explanation for your choice" unless reasons are asked for), the five worked
// examples after a heading when few-shot, the test case template, then the case's scenario, hypothesis
// and additional information put in, one placeholder after the other. No system message. Pure.
import type { ChatMessage } from '../../schema/chat';
import type { SctPayload } from './payload';

const EXPLANATION = ' and a brief explanation for your choice';

export interface SctPromptOptions {
  reason: boolean;
  fewShot: boolean;
}

export function sctPrompt(payload: SctPayload, options: SctPromptOptions): ChatMessage[] {
  const { templates } = payload;
  let template = options.reason
    ? templates.guideline
    : templates.guideline.replaceAll(EXPLANATION, '');
  if (options.fewShot)
    template += `\n## Examples with Response Labels\n${templates.examples.join('')}`;
  template += templates.testcase;
  // str.replace: every occurrence, literally (a function keeps "$&" in a case as written).
  const content = template
    .replaceAll('{{ scenario }}', () => payload.scenario)
    .replaceAll('{{ hypothesis }}', () => payload.hypothesis)
    .replaceAll('{{ additional information }}', () => payload.additional);
  return [{ role: 'user', content }];
}
