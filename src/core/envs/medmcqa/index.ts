// MedMCQA on the environment shape: rows from the validation split's Parquet (the test split has no
// public answers), the shared multiple-choice prompt, exact scoring and accuracy per subject.
import type { EnvVariant } from '../types';
import { CHOICE_SETTINGS } from '../multipleChoice/choiceSettings';
import { makeChoiceEnv } from '../multipleChoice/makeChoiceEnv';
import { readMedarcChoiceArgs } from '../multipleChoice/medarc/medarcChoiceEnv';
import { MED_MCQA_LAYOUT } from '../multipleChoice/medarc/medarcLayouts';
import { LIGHTEVAL_VARIANT, rowToExample } from './rowToExample';

/** The copy MedARC's med_mcqa loads (cop 1–4); Medmarks suite entries run on it. */
const LIGHTEVAL: EnvVariant = {
  id: LIGHTEVAL_VARIANT,
  label: 'Validation, MedARC’s copy (4,183)',
  description:
    'The same 4,183 questions from lighteval/med_mcqa (cop 1–4), the copy MedARC’s med_mcqa ' +
    'environment loads; Medmarks suite entries run on it.',
  expectedRows: 4183,
  revision: 'refs/convert/parquet',
  parts: [
    {
      kind: 'hf-parquet',
      dataset: 'lighteval/med_mcqa',
      config: 'default',
      split: 'validation',
      columns: ['id', 'question', 'opa', 'opb', 'opc', 'opd', 'cop', 'subject_name'],
    },
  ],
};

const env = makeChoiceEnv({
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
    LIGHTEVAL,
  ],
  groupLabel: 'Subject',
  rowToExample,
  settings: CHOICE_SETTINGS,
  medarc: MED_MCQA_LAYOUT,
});

/** Medmarks' med_mcqa entries run on the copy MedARC loads (lighteval/med_mcqa). */
export const medmcqaEnv: typeof env = {
  ...env,
  medarc: {
    envId: 'med_mcqa',
    commit: 'abf68cdbd277afe0ae14a1a7099023e68497c76a',
    paths: ['environments/med_mcqa/med_mcqa.py'],
    readEnvArgs: (args) =>
      readMedarcChoiceArgs({ label: env.label, variants: [LIGHTEVAL], formatArgs: true }, args),
  },
};
