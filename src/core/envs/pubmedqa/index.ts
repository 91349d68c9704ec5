// PubMedQA on the environment shape: the 1,000 expert-labelled questions from the `pqa_labeled`
// Parquet, marked against the official test list; the shared multiple-choice prompt with the abstract
// as context, exact scoring, accuracy. Runs use the official 500 by default (pubmedqaSettings.ts).
import { makeChoiceEnv } from '../multipleChoice/makeChoiceEnv';
import { PUBMEDQA_LAYOUT } from '../multipleChoice/medarc/medarcLayouts';
import { PUBMEDQA_SETTINGS } from './pubmedqaSettings';
import { rowToExample } from './rowToExample';
import { includesExample, subsetProblem } from './testSubset';

export const pubmedqaEnv = makeChoiceEnv({
  id: 'pubmedqa',
  label: 'PubMedQA',
  description:
    'Research questions answered yes, no or maybe from a PubMed abstract without its conclusion ' +
    '(qiaojin/PubMedQA, Jin et al., 2019). The 1,000 expert-labelled questions are loaded; runs use ' +
    'the official 500-question test set unless told otherwise. Scored by exact match, reported as accuracy.',
  licence: 'MIT',
  homepage: 'https://pubmedqa.github.io',
  variants: [
    {
      id: 'pqa_labeled',
      label: 'Expert-labelled (1,000)',
      description:
        'The 1,000 expert-labelled questions; the official 500-question test set is marked among them.',
      expectedRows: 1000,
      revision: 'refs/convert/parquet',
      parts: [
        {
          kind: 'hf-parquet',
          dataset: 'qiaojin/PubMedQA',
          config: 'pqa_labeled',
          split: 'train',
          columns: ['pubid', 'question', 'context', 'final_decision'],
        },
      ],
      extras: [
        {
          name: 'testSubset',
          base: 'githubRaw',
          path: 'pubmedqa/pubmedqa/master/data/test_ground_truth.json',
          optional: true,
        },
      ],
    },
  ],
  groupLabel: 'Group',
  rowToExample,
  settings: PUBMEDQA_SETTINGS,
  medarc: PUBMEDQA_LAYOUT,
  includes: includesExample,
  selectionProblem: subsetProblem,
});
