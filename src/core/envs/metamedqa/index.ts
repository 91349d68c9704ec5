// MetaMedQA, reproducing MedARC's `metamedqa` environment (med-lm-envs abf68cd): maximegmd/MetaMedQA's
// test split, six options (including "None of the above" and "I don't know or cannot answer"), no
// system message, and the whole reply handed to the matcher; the shuffle keyed by the row index.
import { makeMedarcChoiceEnv } from '../multipleChoice/medarc/medarcChoiceEnv';
import { medqaRowIndex } from '../multipleChoice/medarc/medarcLayouts';
import { optionLines, verbatim } from '../multipleChoice/medarc/medarcRows';
import { compareByCodeUnit } from '../../sortByCodeUnit';
import { rowToExample } from './rowToExample';

export const metamedqaEnv = makeMedarcChoiceEnv({
  id: 'metamedqa',
  label: 'MetaMedQA',
  description:
    'MedQA questions modified to test metacognition (maximegmd/MetaMedQA, Griot et al., 2025): fictional ' +
    'and malformed questions among real ones, with "None of the above" and "I don’t know" options. The ' +
    'model answers with one letter; MedARC’s matcher reads the whole reply.',
  licence: 'CC BY 4.0',
  homepage: 'https://huggingface.co/datasets/maximegmd/MetaMedQA',
  variants: [
    {
      id: 'test',
      label: 'Test',
      description: 'The questions of the test split.',
      expectedRows: null,
      revision: 'refs/convert/parquet',
      parts: [
        {
          kind: 'hf-parquet',
          dataset: 'maximegmd/MetaMedQA',
          config: 'default',
          split: 'test',
          columns: ['question', 'options', 'answer'],
        },
      ],
    },
  ],
  groupLabel: 'Group',
  rowToExample,
  layout: {
    envId: 'metamedqa',
    note: null,
    systemPrompt: null,
    parser: 'whole-reply',
    userMessage: (question, _payload, presented) => {
      const letters = presented
        .map((option) => option.letter)
        .sort(compareByCodeUnit)
        .join(', ');
      return (
        'You are a clinician. Choose exactly ONE option letter.\n\n' +
        `Question:\n${question}\n\n` +
        `Options:\n${optionLines(presented, '.')}\n\n` +
        `Answer with ONLY the letter (${letters}).`
      );
    },
    rowId: (example) => medqaRowIndex(example),
    optionText: verbatim,
  },
  answerFormat: 'boxed',
  commit: 'abf68cdbd277afe0ae14a1a7099023e68497c76a',
  paths: ['environments/metamedqa/metamedqa.py'],
  fixedArgs: { split: 'test' },
});
