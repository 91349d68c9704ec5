// PubHealthBench, reproducing MedARC's `pubhealthbench` environment with split "reviewed"
// (med-lm-envs 05e7a6d, whose multiple-choice path is unchanged since abf68cd; prompts.py at abf68cd):
// Joshua-Harris/PubHealthBench's 760 reviewed questions, seven options, the paper's system prompt and
// answer instruction, MedARC's own XML parser (the LAST <answer> tag), the shuffle keyed by
// question_id. The free-form splits are graded by an LLM judge and are not offered here.
import { makeMedarcChoiceEnv } from '../multipleChoice/medarc/medarcChoiceEnv';
import { optionLines, verbatim } from '../multipleChoice/medarc/medarcRows';
import { rowToExample } from './rowToExample';

const SYSTEM_PROMPT = 'You are an expert working for a Public Health agency.';
const INSTRUCTION =
  'Provide the letter (A, B, C, D, E, F, or G) of the correct answer. You should state "The answer is <answer>X</answer>", where the X contained in the tags is the correct letter choice, make sure you include the <answer></answer> tags around your final answer in your response. DO NOT provide any other information or text in your response.';

export const pubhealthbenchEnv = makeMedarcChoiceEnv({
  id: 'pubhealthbench',
  label: 'PubHealthBench',
  description:
    'Questions on UK Health Security Agency public health guidance (Joshua-Harris/PubHealthBench, ' +
    'Harris et al., 2025), seven options each; the reviewed set of 760. Scored as MedARC scores it, ' +
    'reported as accuracy per category.',
  licence: 'See the dataset card',
  homepage: 'https://huggingface.co/datasets/Joshua-Harris/PubHealthBench',
  variants: [
    {
      id: 'reviewed',
      label: 'Reviewed (760)',
      description: 'The 760 questions reviewed by experts (split "reviewed").',
      expectedRows: 760,
      revision: 'refs/convert/parquet',
      parts: [
        {
          kind: 'hf-parquet',
          dataset: 'Joshua-Harris/PubHealthBench',
          config: 'default',
          split: 'reviewed',
          columns: ['question_id', 'question', 'options', 'answer_index', 'category'],
        },
      ],
    },
  ],
  groupLabel: 'Category',
  rowToExample,
  layout: {
    envId: 'pubhealthbench',
    note: null,
    systemPrompt: SYSTEM_PROMPT,
    parser: 'xml-last',
    userMessage: (question, _payload, presented) =>
      'The following are multiple choice questions (with answers) about UK Government public health guidance.\n\n' +
      'Question: This question relates to UK Health Security Agency (UKHSA) guidance that could be found on the gov.uk website as of 08/01/2025.\n' +
      `${question}\n\nOptions:\n${optionLines(presented, '.')}\n\n${INSTRUCTION}\n\nAnswer:`,
    rowId: (example) => example.id,
    optionText: verbatim,
  },
  answerFormat: 'xml',
  commit: '05e7a6d68d22e5636b1c8461e2af23fc2f279a83',
  paths: [
    'environments/pubhealthbench/pubhealthbench/pubhealthbench.py',
    'environments/pubhealthbench/pubhealthbench/prompts.py',
  ],
  variantArg: { name: 'split', variants: { reviewed: 'reviewed' }, default: 'reviewed' },
  fixedArgs: { answer_format: 'xml', category: 'all' },
  leftOut:
    'PubHealthBench’s free-form splits are graded by an LLM judge in the reference; only the ' +
    'multiple-choice questions run here.',
});
