// MedQA (USMLE, four options) on the environment shape: rows from the test split's Parquet, the
// shared multiple-choice prompt, exact scoring and accuracy per exam step.
import { CHOICE_SETTINGS } from '../multipleChoice/choiceSettings';
import { makeChoiceEnv } from '../multipleChoice/makeChoiceEnv';
import { MEDQA_LAYOUT } from '../multipleChoice/medarc/medarcLayouts';
import { rowToExample } from './rowToExample';

export const medqaEnv = makeChoiceEnv({
  id: 'medqa',
  label: 'MedQA (USMLE)',
  description:
    'United States Medical Licensing Examination-style questions with four options (GBaker/MedQA-USMLE-4-options, ' +
    'from Jin et al., 2020). The model picks one letter; scored by exact match, reported as accuracy per exam step.',
  licence: 'CC BY 4.0',
  homepage: 'https://huggingface.co/datasets/GBaker/MedQA-USMLE-4-options',
  variants: [
    {
      id: 'test',
      label: 'Test (1,273)',
      description: 'The 1,273 questions of the test split.',
      expectedRows: 1273,
      revision: 'refs/convert/parquet',
      parts: [
        {
          kind: 'hf-parquet',
          dataset: 'GBaker/MedQA-USMLE-4-options',
          config: 'default',
          split: 'test',
          columns: ['question', 'options', 'answer_idx', 'meta_info'],
        },
      ],
    },
  ],
  groupLabel: 'Exam step',
  rowToExample,
  settings: CHOICE_SETTINGS,
  medarc: MEDQA_LAYOUT,
});
