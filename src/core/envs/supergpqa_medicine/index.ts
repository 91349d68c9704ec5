// SuperGPQA medicine, reproducing MedARC's `supergpqa_medicine` environment (med-lm-envs abf68cd):
// m-a-p/SuperGPQA's train split filtered to discipline Medicine and one difficulty (the suite's easy and
// hard), zero-shot, up to ten options written `A) …`, boxed answers, the shuffle keyed by the row index
// among the filtered rows. Few-shot prompting and age jitter (off in the suite) are not offered.
import type { EnvVariant } from '../types';
import { makeMedarcChoiceEnv } from '../multipleChoice/medarc/medarcChoiceEnv';
import { BOXED_SYSTEM_PROMPT, medqaRowIndex } from '../multipleChoice/medarc/medarcLayouts';
import { optionLines, verbatim } from '../multipleChoice/medarc/medarcRows';
import { rowToExample } from './rowToExample';

const INSTRUCTION =
  "Answer the following multiple choice question. There is only one correct answer. The last line of your response should be in the format 'Answer: \\boxed{$LETTER}' (without quotes), where LETTER is one of A, B, C, D, E, F, G, H, I, or J.";

function variant(difficulty: 'easy' | 'middle' | 'hard', rows: number): EnvVariant {
  return {
    id: difficulty,
    label: `${difficulty.charAt(0).toUpperCase()}${difficulty.slice(1)} (${rows.toLocaleString('en')})`,
    description: `The ${rows.toLocaleString('en')} Medicine questions of difficulty “${difficulty}”.`,
    expectedRows: rows,
    revision: 'refs/convert/parquet',
    parts: [
      {
        kind: 'hf-parquet',
        dataset: 'm-a-p/SuperGPQA',
        config: 'default',
        split: 'train',
        columns: ['question', 'options', 'answer_letter', 'discipline', 'field', 'difficulty'],
        keep: (row) => row['discipline'] === 'Medicine' && row['difficulty'] === difficulty,
      },
    ],
  };
}

export const supergpqaMedicineEnv = makeMedarcChoiceEnv({
  id: 'supergpqa_medicine',
  label: 'SuperGPQA medicine',
  description:
    'The Medicine questions of SuperGPQA (m-a-p/SuperGPQA, M-A-P Team, 2025): graduate-level questions ' +
    'with up to ten options, by difficulty; the answer in \\boxed{}. Scored as MedARC scores it, ' +
    'reported as accuracy per field.',
  licence: 'ODC-BY',
  homepage: 'https://huggingface.co/datasets/m-a-p/SuperGPQA',
  variants: [variant('easy', 909), variant('middle', 1629), variant('hard', 217)],
  groupLabel: 'Field',
  rowToExample,
  layout: {
    envId: 'supergpqa_medicine',
    note: null,
    systemPrompt: BOXED_SYSTEM_PROMPT,
    parser: 'boxed',
    userMessage: (question, _payload, presented) =>
      `${INSTRUCTION}\n\n${question}\n${optionLines(presented, ')')}`,
    rowId: (example) => medqaRowIndex(example),
    optionText: verbatim,
  },
  answerFormat: 'boxed',
  commit: 'abf68cdbd277afe0ae14a1a7099023e68497c76a',
  paths: ['environments/supergpqa_medicine/supergpqa_medicine.py'],
  variantArg: {
    name: 'difficulty',
    variants: { easy: 'easy', middle: 'middle', hard: 'hard' },
    default: 'all',
  },
  fixedArgs: { field: 'all', few_shot: false, jitter_age: false },
});
