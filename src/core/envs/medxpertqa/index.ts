// MedXpertQA (text), reproducing MedARC's `medxpertqa` environment (med-lm-envs abf68cd):
// TsinghuaC3I/MedXpertQA's Text test split filtered by question type (the suite's reasoning and
// understanding), ten options on one "Answer Choices:" line that replaces the question's own, its own
// system prompt and XML answers, the shuffle keyed by the raw question text.
import type { EnvVariant } from '../types';
import { makeMedarcChoiceEnv } from '../multipleChoice/medarc/medarcChoiceEnv';
import { sourceQuestion } from '../multipleChoice/medarc/medarcLayouts';
import { verbatim } from '../multipleChoice/medarc/medarcRows';
import { pyStrip } from '../multipleChoice/python/pythonRegex';
import { rowToExample } from './rowToExample';

const SYSTEM_PROMPT =
  'You are a helpful medical assistant. Think step-by-step and put your final answer within <answer>...</answer> tags.';
const CHOICES = 'Answer Choices:';

function variant(type: 'reasoning' | 'understanding', label: string): EnvVariant {
  return {
    id: type,
    label,
    description: `The Text questions whose question_type is “${type}”.`,
    expectedRows: null,
    revision: 'refs/convert/parquet',
    parts: [
      {
        kind: 'hf-parquet',
        dataset: 'TsinghuaC3I/MedXpertQA',
        config: 'Text',
        split: 'test',
        columns: ['id', 'question', 'options', 'label', 'medical_task', 'question_type'],
        keep: (row) => pyStrip(String(row['question_type'])).toLowerCase() === type,
      },
    ],
  };
}

export const medxpertqaEnv = makeMedarcChoiceEnv({
  id: 'medxpertqa',
  label: 'MedXpertQA',
  description:
    'Expert-level medical questions with ten options (TsinghuaC3I/MedXpertQA, text subset; Zuo et al., ' +
    '2025), split into reasoning and understanding questions; the answer in <answer> tags. Scored as ' +
    'MedARC scores it, reported as accuracy per medical task.',
  licence: 'MIT',
  homepage: 'https://huggingface.co/datasets/TsinghuaC3I/MedXpertQA',
  variants: [variant('reasoning', 'Reasoning'), variant('understanding', 'Understanding')],
  groupLabel: 'Medical task',
  rowToExample,
  layout: {
    envId: 'medxpertqa',
    note: null,
    systemPrompt: SYSTEM_PROMPT,
    userMessage: (question, _payload, presented) => {
      const at = question.indexOf(CHOICES);
      const stem = pyStrip(at === -1 ? question : question.slice(0, at));
      const choices = presented.map((option) => `(${option.letter}) ${verbatim(option)}`).join(' ');
      return `${stem}\n${CHOICES} ${choices}`;
    },
    rowId: (example, payload) => sourceQuestion(example, payload),
    optionText: verbatim,
  },
  answerFormat: 'xml',
  commit: 'abf68cdbd277afe0ae14a1a7099023e68497c76a',
  paths: ['environments/medxpertqa/medxpertqa.py'],
  variantArg: {
    name: 'question_type',
    variants: { reasoning: 'reasoning', understanding: 'understanding' },
    default: 'all',
  },
  fixedArgs: { use_think: false, answer_format: 'xml' },
});
