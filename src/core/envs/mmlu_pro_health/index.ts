// MMLU-Pro health, reproducing MedARC's `mmlu_pro_health` environment (med-lm-envs 13f4ea8): the health
// questions of TIGER-Lab/MMLU-Pro's test split, five-shot (the first five health questions of its
// validation split, with their chains of thought), up to ten options, boxed answers, the shuffle keyed
// by the row index among the health questions. Age jitter (off in the suite) is not offered.
import { makeMedarcChoiceEnv } from '../multipleChoice/medarc/medarcChoiceEnv';
import { BOXED_SYSTEM_PROMPT, medqaRowIndex } from '../multipleChoice/medarc/medarcLayouts';
import { verbatim } from '../multipleChoice/medarc/medarcRows';
import type { HfParquetPart } from '../types';
import { MMLU_PRO_INSTRUCTION, mmluProQuestion } from './mmluProRows';
import { MMLU_PRO_SHOTS, rowToExample } from './rowToExample';

const isHealth = (row: Readonly<Record<string, unknown>>): boolean => row['category'] === 'health';

/** MMLU-Pro's validation health questions, collected for the five-shot block (m_arc uses it too). */
export const MMLU_PRO_SHOTS_PART: HfParquetPart = {
  kind: 'hf-parquet',
  dataset: 'TIGER-Lab/MMLU-Pro',
  config: 'default',
  split: 'validation',
  columns: ['question', 'options', 'cot_content', 'category'],
  keep: isHealth,
  collect: 'shots',
};

export const mmluProHealthEnv = makeMedarcChoiceEnv({
  id: 'mmlu_pro_health',
  label: 'MMLU-Pro health',
  description:
    'The health questions of MMLU-Pro (TIGER-Lab/MMLU-Pro, Wang et al., 2024): up to ten options, asked ' +
    'five-shot with worked answers; the answer in \\boxed{}. Scored as MedARC scores it, reported as ' +
    'accuracy per source.',
  licence: 'MIT',
  homepage: 'https://huggingface.co/datasets/TIGER-Lab/MMLU-Pro',
  variants: [
    {
      id: 'health',
      label: 'Health (test, five-shot)',
      description:
        'The health questions of the test split; the five-shot examples come from the validation split.',
      expectedRows: 818,
      revision: 'refs/convert/parquet',
      parts: [
        MMLU_PRO_SHOTS_PART,
        {
          kind: 'hf-parquet',
          dataset: 'TIGER-Lab/MMLU-Pro',
          config: 'default',
          split: 'test',
          columns: ['question', 'options', 'answer', 'category', 'src'],
          keep: isHealth,
        },
      ],
    },
  ],
  groupLabel: 'Source',
  rowToExample,
  layout: {
    envId: 'mmlu_pro_health',
    note: null,
    systemPrompt: BOXED_SYSTEM_PROMPT,
    parser: 'boxed',
    userMessage: (question, payload, presented) =>
      `${MMLU_PRO_INSTRUCTION}${payload.shots ?? ''}${mmluProQuestion(question, presented)}\nAnswer:`,
    rowId: (example) => medqaRowIndex(example),
    optionText: verbatim,
  },
  answerFormat: 'boxed',
  commit: '13f4ea8395a28e61424fa3b3bdd1acdff17d1b2a',
  paths: ['environments/mmlu_pro_health/mmlu_pro_health.py'],
  fixedArgs: { num_few_shot: MMLU_PRO_SHOTS, use_think: false, jitter_age: false },
});
