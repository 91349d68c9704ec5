// MedConceptsQA (ICD-10-CM sample), reproducing MedARC's `medconceptsqa` environment with vocab
// "icd10cm_sample" (med-lm-envs abf68cd): MedARC's sample sameedkhan/medconceptsqa-sample_medarc_2k,
// configs icd10cm_easy / _medium / _hard (the suite's difficulty), four-shot from the dev split,
// four options, XML answers, the shuffle keyed by the row index (row 0: its stem). The other
// vocabularies (ofir408/MedConceptsQA, not in the suite) are not offered.
import type { EnvVariant } from '../types';
import { makeMedarcChoiceEnv } from '../multipleChoice/medarc/medarcChoiceEnv';
import { medqaRowIndex, sourceQuestion } from '../multipleChoice/medarc/medarcLayouts';
import { verbatim } from '../multipleChoice/medarc/medarcRows';
import { medconceptsQuestion } from './medconceptsRows';
import { MEDCONCEPTS_SHOTS, rowToExample } from './rowToExample';

const DATASET = 'sameedkhan/medconceptsqa-sample_medarc_2k';
const COLUMNS = [
  'question',
  'option1',
  'option2',
  'option3',
  'option4',
  'answer',
  'answer_id',
  'vocab',
  'level',
];
const INSTRUCTION = 'Answer A, B, C, D according to the answer to this multiple choice question.\n';

function variant(difficulty: 'easy' | 'medium' | 'hard'): EnvVariant {
  const config = `icd10cm_${difficulty}`;
  return {
    id: difficulty,
    label: `ICD-10-CM, ${difficulty}`,
    description: `MedARC’s ICD-10-CM sample, ${difficulty} (config ${config}); four-shot from its dev split.`,
    expectedRows: null,
    revision: 'refs/convert/parquet',
    parts: [
      {
        kind: 'hf-parquet',
        dataset: DATASET,
        config,
        split: 'dev',
        columns: COLUMNS,
        collect: 'shots',
      },
      { kind: 'hf-parquet', dataset: DATASET, config, split: 'test', columns: COLUMNS },
    ],
  };
}

export const medconceptsqaEnv = makeMedarcChoiceEnv({
  id: 'medconceptsqa',
  label: 'MedConceptsQA',
  description:
    'What does a medical code mean? ICD-10-CM questions with four options from MedConceptsQA (Shoham ' +
    'and Rappoport, 2024), in the sample MedARC evaluates, by difficulty; asked four-shot, the answer in ' +
    '<answer> tags. Scored as MedARC scores it.',
  licence: 'Apache-2.0',
  homepage: `https://huggingface.co/datasets/${DATASET}`,
  variants: [variant('easy'), variant('medium'), variant('hard')],
  groupLabel: 'Level',
  rowToExample,
  layout: {
    envId: 'medconceptsqa',
    note: null,
    userMessage: (question, payload, presented) => {
      const shots = payload.shots ?? '';
      const separator = shots === '' ? '' : '\n';
      return `${INSTRUCTION}${shots}${separator}${medconceptsQuestion(question, presented)}\nAnswer:`;
    },
    // `row.get("id") or row.get("concept_id") or idx or question_stem`: no id column, and 0 is falsy.
    rowId: (example, payload) => {
      const index = medqaRowIndex(example);
      return index === '0' ? sourceQuestion(example, payload) : index;
    },
    optionText: verbatim,
  },
  answerFormat: 'xml',
  commit: 'abf68cdbd277afe0ae14a1a7099023e68497c76a',
  paths: ['environments/medconceptsqa/medconceptsqa.py'],
  variantArg: {
    name: 'difficulty',
    variants: { easy: 'easy', medium: 'medium', hard: 'hard' },
    default: 'easy',
  },
  fixedArgs: {
    vocab: 'icd10cm_sample',
    num_few_shot: MEDCONCEPTS_SHOTS,
    use_think: false,
    answer_format: 'xml',
  },
});
