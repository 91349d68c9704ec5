// HEAD-QA v2 (English), reproducing MedARC's `head_qa_v2` environment (med-lm-envs f515e81, zero-shot):
// alesi12/head_qa_v2's en train split, answers numbered 1…n, no system message, the answer asked for
// as JSON {"answer": n} and read by MedARC's JSONParser, matched by multiple_choice_accuracy with
// numeric labels. At f515e81 the reward also passes `info=` to multiple_choice_accuracy, which no
// stored version accepts (every reply would score 0): the preset scores without it, as abf68cd did.
import { makeMedarcChoiceEnv, MEDARC_ONLY_PRESETS } from '../multipleChoice/medarc/medarcChoiceEnv';
import { pyStrip } from '../multipleChoice/python/pythonRegex';
import { rowToExample } from './rowToExample';

const INSTRUCTION =
  'You are an expert in specialized scientific and health disciplines. Respond to the following multiple-choice question:\n' +
  'Provide the answer in the following JSON format: {"answer": [number]}\n' +
  'For example, if the answer is 1, write: {"answer": 1}\n\n';

export const headQaV2Env = makeMedarcChoiceEnv({
  id: 'head_qa_v2',
  label: 'HEAD-QA v2',
  description:
    'Questions from the Spanish healthcare specialisation exams (MIR, EIR, FIR, BIR, QIR, PIR) in English ' +
    '(alesi12/head_qa_v2, Correa-Guillén et al., 2025), four or five numbered answers; the answer as ' +
    'JSON {"answer": n}. Scored as MedARC scores it, reported as accuracy per category.',
  licence: 'MIT',
  homepage: 'https://huggingface.co/datasets/alesi12/head_qa_v2',
  variants: [
    {
      id: 'en',
      label: 'English',
      description: 'The English questions (config en, split train, which MedARC evaluates).',
      expectedRows: null,
      revision: 'refs/convert/parquet',
      parts: [
        {
          kind: 'hf-parquet',
          dataset: 'alesi12/head_qa_v2',
          config: 'en',
          split: 'train',
          columns: ['qtext', 'ra', 'answers', 'category'],
        },
      ],
    },
  ],
  groupLabel: 'Category',
  rowToExample,
  layout: {
    envId: 'head_qa_v2',
    note:
      'At f515e81 the reward passes info= to multiple_choice_accuracy, which no stored version ' +
      'accepts, so every reply would score 0; the reference presets score without it (as at abf68cd).',
    systemPrompt: null,
    parser: 'json-answer',
    userMessage: (question, _payload, presented) => {
      const options = presented.map((option) => `${option.letter}. ${option.text}`).join('\n');
      return `${INSTRUCTION}${pyStrip(question)}\n${options}\n`;
    },
    rowId: (example) => example.question,
    optionText: (option) => option.text,
  },
  answerFormat: 'xml',
  presets: MEDARC_ONLY_PRESETS,
  commit: 'f515e81ae0436769e546847f9f4fdd71c91b079d',
  paths: ['environments/head_qa_v2/head_qa_v2.py'],
  fixedArgs: { prompt_type: 'zero_shot', system_prompt: null },
});
