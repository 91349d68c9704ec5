// MedHallu on the environment shape, reproducing MedARC's `medhallu` environment: each question is
// judged twice, once with its ground-truth answer (label 0) and once with its hallucinated answer
// (label 1); the model answers \boxed{0}, \boxed{1} or \boxed{2} (unsure, a 0.01 reward); reported as
// the mean reward, by difficulty (a setting over the one loaded split).
import { medarcPreset } from '../medarcPreset';
import type { EnvModule, MedarcBinding, EnvVariant, HfParquetPart } from '../types';
import { readMedhalluArgs } from './medarcArgs';
import { readMedhalluPayload } from './medhalluPayload';
import {
  MEDHALLU_DEFAULTS,
  MEDHALLU_SETTING_FIELDS,
  MedhalluSettingsSchema,
  type MedhalluSettings,
} from './medhalluSettings';
import { MEDHALLU_SYSTEM_PROMPT, promptWithKnowledge, promptWithoutKnowledge } from './prompts';
import { hasDifficulty, rowToExample } from './rowToExample';
import { scoreMedhallu } from './scoreMedhallu';

const DATASET = 'UTAustin-AIHealth/MedHallu';
const COLUMNS = [
  'Question',
  'Knowledge',
  'Ground Truth',
  'Difficulty Level',
  'Hallucinated Answer',
  'Category of Hallucination',
];

/** The split read twice: part 0 shows the ground truth, part 1 the hallucinated answer. */
function variant(config: string, label: string, rows: number, description: string): EnvVariant {
  const part: HfParquetPart = {
    kind: 'hf-parquet',
    dataset: DATASET,
    config,
    split: 'train',
    columns: COLUMNS,
  };
  return {
    id: config,
    label,
    description,
    expectedRows: rows * 2,
    revision: 'refs/convert/parquet',
    parts: [part, part],
  };
}

const MEDARC: MedarcBinding = {
  envId: 'medhallu',
  commit: 'abf68cdbd277afe0ae14a1a7099023e68497c76a',
  paths: [
    'environments/medhallu/medhallu/medhallu.py',
    'environments/medhallu/medhallu/prompts.py',
  ],
  readEnvArgs: readMedhalluArgs,
};
const PRESET = medarcPreset(
  MEDARC,
  'its prompts byte for byte, its boxed-label reading and its reward.',
);

export const medhalluEnv: EnvModule<MedhalluSettings> = {
  id: 'medhallu',
  label: 'MedHallu',
  description:
    'Hallucination detection on PubMedQA questions (UTAustin-AIHealth/MedHallu, Pandit et al., 2025): ' +
    'the model judges whether an answer is factual or hallucinated, or says it is unsure. Each question ' +
    'is asked twice, with its true and its hallucinated answer; scored as MedARC scores it (1 for the right ' +
    'label, 0.01 for “unsure”), reported as the mean reward.',
  medarc: MEDARC,
  presetOf: () => PRESET,
  source: {
    kind: 'huggingface',
    licence: 'MIT',
    homepage: 'https://huggingface.co/datasets/UTAustin-AIHealth/MedHallu',
    variants: [
      variant(
        'pqa_labeled',
        'Expert-labelled (1,000 questions, 2,000 judgements)',
        1000,
        'The 1,000 high-quality questions built from PubMedQA’s expert-labelled set; Medmarks runs these.',
      ),
      variant(
        'pqa_artificial',
        'Generated (9,000 questions, 18,000 judgements)',
        9000,
        'The 9,000 questions built from PubMedQA’s artificial set.',
      ),
    ],
  },
  groupLabel: 'Answer shown',
  settings: {
    schema: MedhalluSettingsSchema,
    defaults: MEDHALLU_DEFAULTS,
    fields: MEDHALLU_SETTING_FIELDS,
  },
  rowToExample,
  includes: (example, settings) => hasDifficulty(readMedhalluPayload(example), settings.difficulty),
  selectionProblem: (examples, settings) =>
    settings.difficulty === 'all'
      ? null
      : `No loaded question has difficulty “${settings.difficulty}” (of ${examples.length} examples).`,
  buildPrompt: (example, settings) => {
    const payload = readMedhalluPayload(example);
    const user = settings.useKnowledge
      ? promptWithKnowledge(payload.question, payload.answer, payload.knowledge)
      : promptWithoutKnowledge(payload.question, payload.answer);
    return [
      { role: 'system', content: MEDHALLU_SYSTEM_PROMPT },
      { role: 'user', content: user },
    ];
  },
  scoring: {
    kind: 'exact',
    score: (reply, example, settings) =>
      scoreMedhallu(reply, readMedhalluPayload(example), settings.unsureReward),
  },
  summary: 'accuracy',
};
