// CareQA (English multiple choice), reproducing MedARC's `careqa` environment with split "en"
// (med-lm-envs 05e7a6d, whose multiple-choice path is unchanged since abf68cd): HPAI-BSC/CareQA
// CareQA_en test, four options op1–op4 with a 1-based `cop`, boxed answers, the shuffle keyed by the
// row index. The open-ended split ("open") is graded by an LLM judge and is not offered here.
import { makeMedarcChoiceEnv } from '../multipleChoice/medarc/medarcChoiceEnv';
import {
  BOXED_SYSTEM_PROMPT,
  medqaRowIndex,
  type MedarcLayout,
} from '../multipleChoice/medarc/medarcLayouts';
import { optionLines, verbatim } from '../multipleChoice/medarc/medarcRows';
import { rowToExample } from './rowToExample';

const CAREQA_LAYOUT: MedarcLayout & { envId: string } = {
  envId: 'careqa',
  note: null,
  systemPrompt: BOXED_SYSTEM_PROMPT,
  parser: 'boxed',
  userMessage: (question, _payload, presented) =>
    `Question: ${question}\nChoices:\n${optionLines(presented, '.')}\nAnswer:`,
  rowId: (example) => medqaRowIndex(example),
  optionText: verbatim,
};

export const careqaEnv = makeMedarcChoiceEnv({
  id: 'careqa',
  label: 'CareQA',
  description:
    'Multiple-choice questions from the Spanish specialised healthcare training exam (MIR, EIR, FIR…), ' +
    'in English (HPAI-BSC/CareQA, Arias-Duart et al., 2025): four options, the answer in \\boxed{}. ' +
    'Scored as MedARC scores it, reported as accuracy per category.',
  licence: 'Apache-2.0',
  homepage: 'https://huggingface.co/datasets/HPAI-BSC/CareQA',
  variants: [
    {
      id: 'en',
      label: 'English (test)',
      description: 'The English multiple-choice questions (CareQA_en, test split).',
      expectedRows: null,
      revision: 'refs/convert/parquet',
      parts: [
        {
          kind: 'hf-parquet',
          dataset: 'HPAI-BSC/CareQA',
          config: 'CareQA_en',
          split: 'test',
          columns: ['question', 'op1', 'op2', 'op3', 'op4', 'cop', 'category'],
        },
      ],
    },
  ],
  groupLabel: 'Category',
  rowToExample,
  layout: CAREQA_LAYOUT,
  answerFormat: 'boxed',
  commit: '05e7a6d68d22e5636b1c8461e2af23fc2f279a83',
  paths: ['environments/careqa/careqa.py'],
  variantArg: { name: 'split', variants: { en: 'en' }, default: 'en' },
  leftOut:
    'CareQA’s open-ended split ("open") is graded by an LLM judge in the reference; only the ' +
    'multiple-choice split runs here.',
});
