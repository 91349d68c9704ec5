// Med-HALT's one user message as MedARC's `_map_fct_example` / `_map_nota_example` assemble it: the
// instruction, its output format, the first `num_few_shot` worked examples, then the task. No system
// message (MedARC computes one but never passes it). Pure.
import type { ChatMessage } from '../../schema/chat';
import type { MedHaltPayload } from './payload';
import { MED_HALT_FCT, MED_HALT_NOTA, type MedHaltShot } from './prompts';

function optionLines(options: readonly (readonly [string, string])[]): string {
  return options.map(([key, value]) => `${key}: ${value}`).join('\n');
}

function shot(example: MedHaltShot): string {
  return (
    '## Input\n' +
    `Question: ${example.question}\n` +
    'Options:\n' +
    `${optionLines(example.options)}\n` +
    '## Output\n' +
    `${example.output}\n`
  );
}

export function medHaltPrompt(payload: MedHaltPayload, numFewShot: number): ChatMessage[] {
  const prompt = payload.test === 'fct' ? MED_HALT_FCT : MED_HALT_NOTA;
  // Python's list[:n]: a negative n drops that many from the end.
  const shots = prompt.shots.slice(0, numFewShot);
  const examples = shots.length > 0 ? `# Examples\n${shots.map(shot).join('\n')}\n` : '';
  const content =
    `${prompt.prompt}\n` +
    `${prompt.outputFormat}\n\n` +
    examples +
    '# Task\n' +
    '## Input\n' +
    `Question: ${payload.question}\n` +
    'Options:\n' +
    `${optionLines(payload.options)}\n` +
    '## Output\n';
  return [{ role: 'user', content }];
}
