// MMLU's medical subjects on the environment shape: the standard six test splits (or medeval's earlier
// seven) read as the parts of one variant, the shared multiple-choice prompt, exact scoring and
// accuracy per subject.
import { CHOICE_SETTINGS } from '../multipleChoice/choiceSettings';
import { makeChoiceEnv } from '../multipleChoice/makeChoiceEnv';
import { MMLU_LAYOUT } from '../multipleChoice/medarc/medarcLayouts';
import type { EnvVariant } from '../types';
import { rowToExample } from './rowToExample';
import { MMLU_MEDICAL_SUBJECTS, MMLU_SEVEN_SUBJECTS } from './subjects';

function subjectsVariant(
  id: string,
  label: string,
  description: string,
  subjects: readonly { config: string; rows: number }[],
): EnvVariant {
  return {
    id,
    label: `${label} (${subjects.reduce((sum, subject) => sum + subject.rows, 0).toLocaleString('en-US')})`,
    description,
    expectedRows: subjects.reduce((sum, subject) => sum + subject.rows, 0),
    revision: 'refs/convert/parquet',
    parts: subjects.map((subject) => ({
      kind: 'hf-parquet' as const,
      dataset: 'cais/mmlu',
      config: subject.config,
      split: 'test',
      columns: ['question', 'choices', 'answer'],
    })),
  };
}

/** The standard set (MultiMedQA, HELM, lm-eval-harness): listed first, so it is the default. */
const standardSubjects = subjectsVariant(
  'medical6',
  'Six medical subjects, standard',
  'The test splits of anatomy, clinical knowledge, college biology, college medicine, medical ' +
    'genetics and professional medicine: the set MultiMedQA, HELM and lm-eval-harness report.',
  MMLU_MEDICAL_SUBJECTS,
);

/** medeval's earlier set; its id stays `medical` so datasets loaded under it keep their meaning. */
const sevenSubjects = subjectsVariant(
  'medical',
  'Seven subjects (medeval’s earlier set)',
  'Anatomy, clinical knowledge, college medicine, medical genetics, nutrition, professional ' +
    'medicine and virology: not the standard set (nutrition and virology instead of college ' +
    'biology), so its accuracy is not comparable with published MMLU-medical numbers.',
  MMLU_SEVEN_SUBJECTS,
);

export const mmluMedicalEnv = makeChoiceEnv({
  id: 'mmlu_medical',
  label: 'MMLU (medical subjects)',
  description:
    'The six medical subjects of MMLU that MultiMedQA, HELM and lm-eval-harness report (cais/mmlu, ' +
    'Hendrycks et al., 2021): four-option exam questions from anatomy to professional medicine. ' +
    'Scored by exact match, reported as accuracy per subject.',
  licence: 'MIT',
  homepage: 'https://github.com/hendrycks/test',
  variants: [standardSubjects, sevenSubjects],
  groupLabel: 'Subject',
  rowToExample,
  settings: CHOICE_SETTINGS,
  medarc: MMLU_LAYOUT,
});
