// MedMCQA on the environment shape: rows from the validation split's Parquet (the test split has no
// public answers), the shared multiple-choice prompt, exact scoring and accuracy per subject.
import { CHOICE_SETTINGS } from '../multipleChoice/choiceSettings';
import { makeChoiceEnv } from '../multipleChoice/makeChoiceEnv';
import { MED_MCQA_LAYOUT } from '../multipleChoice/medarc/medarcLayouts';
import { rowToExample } from './rowToExample';

export const medmcqaEnv = makeChoiceEnv({
  id: 'medmcqa',
  label: 'MedMCQA',
  description:
    'Four-option questions from Indian medical entrance exams (AIIMS, NEET PG) across 21 subjects ' +
    '(openlifescienceai/medmcqa, Pal et al., 2022). The validation split is used because the test ' +
    'split’s answers are withheld. Scored by exact match, reported as accuracy per subject.',
  licence: 'Apache-2.0',
  homepage: 'https://medmcqa.github.io',
  variants: [
    {
      id: 'validation',
      label: 'Validation (4,183)',
      description: 'The 4,183 questions of the validation split.',
      expectedRows: 4183,
      revision: 'refs/convert/parquet',
      parts: [
        {
          kind: 'hf-parquet',
          dataset: 'openlifescienceai/medmcqa',
          config: 'default',
          split: 'validation',
          columns: ['id', 'question', 'opa', 'opb', 'opc', 'opd', 'cop', 'subject_name'],
        },
      ],
    },
  ],
  groupLabel: 'Subject',
  rowToExample,
  settings: CHOICE_SETTINGS,
  medarc: MED_MCQA_LAYOUT,
});
