// Medbullets, reproducing MedARC's `medbullets` environment (med-lm-envs abf68cd): USMLE step 2/3-style
// questions of mkieffer/Medbullets with four (op4_test) or five (op5_test) options — the suite's
// `num_options` — boxed answers, the shuffle keyed by the raw question text.
import type { EnvVariant } from '../types';
import { makeMedarcChoiceEnv } from '../multipleChoice/medarc/medarcChoiceEnv';
import { BOXED_SYSTEM_PROMPT, sourceQuestion } from '../multipleChoice/medarc/medarcLayouts';
import { optionLines, verbatim } from '../multipleChoice/medarc/medarcRows';
import { rowToExample } from './rowToExample';

function variant(options: 4 | 5): EnvVariant {
  return {
    id: `op${options}`,
    label: `${options} options (308)`,
    description: `The 308 questions with ${options} options (split op${options}_test).`,
    expectedRows: 308,
    revision: 'refs/convert/parquet',
    parts: [
      {
        kind: 'hf-parquet',
        dataset: 'mkieffer/Medbullets',
        config: 'default',
        split: `op${options}_test`,
        columns: ['question', 'options', 'answer'],
      },
    ],
  };
}

export const medbulletsEnv = makeMedarcChoiceEnv({
  id: 'medbullets',
  label: 'Medbullets',
  description:
    'USMLE Step 2 and 3-style clinical questions from Medbullets (mkieffer/Medbullets, Chen et al., ' +
    '2024), with four or five options; the answer in \\boxed{}. Scored as MedARC scores it.',
  licence: 'See the dataset card',
  homepage: 'https://huggingface.co/datasets/mkieffer/Medbullets',
  variants: [variant(4), variant(5)],
  groupLabel: 'Group',
  rowToExample,
  layout: {
    envId: 'medbullets',
    note: null,
    systemPrompt: BOXED_SYSTEM_PROMPT,
    parser: 'boxed',
    userMessage: (question, _payload, presented) =>
      `Question: ${question}\n\n${optionLines(presented, '.')}`,
    rowId: (example, payload) => sourceQuestion(example, payload),
    optionText: verbatim,
  },
  answerFormat: 'boxed',
  commit: 'abf68cdbd277afe0ae14a1a7099023e68497c76a',
  paths: ['environments/medbullets/medbullets.py'],
  variantArg: { name: 'num_options', variants: { '4': 'op4', '5': 'op5' }, default: 4 },
  fixedArgs: { use_think: false, answer_format: 'boxed' },
});
