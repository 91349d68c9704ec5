// Med-HALT's reasoning hallucination tests on the environment shape, reproducing MedARC's `med_halt`
// environment: the False Confidence Test (is a student's proposed answer right? JSON "yes"/"no") and
// the None of the Above test (JSON index of the right option, always "None of the above"), each a
// config of openlifescienceai/Med-HALT filtered to its test rows, with the authors' prompts and two
// worked examples.
import { medarcPreset } from '../medarcPreset';
import type { EnvModule, MedarcBinding, EnvVariant } from '../types';
import { medHaltPrompt } from './buildPrompt';
import { readMedHaltArgs } from './medarcArgs';
import { readMedHaltPayload } from './payload';
import { rowToExample } from './rowToExample';
import { scoreMedHalt } from './scoreMedHalt';
import {
  MED_HALT_DEFAULTS,
  MED_HALT_SETTING_FIELDS,
  MedHaltSettingsSchema,
  type MedHaltSettings,
} from './settings';

const DATASET = 'openlifescienceai/Med-HALT';
const COMMON = ['question', 'options', 'correct_index', 'split_type', 'dataset', 'subject_name'];

function variant(
  config: string,
  label: string,
  description: string,
  columns: string[],
): EnvVariant {
  return {
    id: config,
    label,
    description,
    expectedRows: null,
    revision: 'refs/convert/parquet',
    parts: [{ kind: 'hf-parquet', dataset: DATASET, config, split: 'train', columns }],
  };
}

const MEDARC: MedarcBinding = {
  envId: 'med_halt',
  commit: 'abf68cdbd277afe0ae14a1a7099023e68497c76a',
  paths: [
    'environments/med_halt/med_halt.py',
    'environments/med_halt/med_halt_prompts.py',
    'medarc_verifiers/parsers/json_parser.py',
  ],
  readEnvArgs: readMedHaltArgs,
};
const PRESET = medarcPreset(MEDARC, 'its prompts byte for byte, its JSON reading and its reward.');

export const medHaltEnv: EnvModule<MedHaltSettings> = {
  id: 'med_halt',
  label: 'Med-HALT',
  description:
    'Reasoning hallucination tests from Med-HALT (openlifescienceai/Med-HALT, Pal et al., 2023): in the ' +
    'False Confidence Test the model judges whether a student’s proposed answer to an exam question is ' +
    'right; in the None of the Above test it must pick “None of the above”. The authors’ prompts with two ' +
    'worked examples, JSON answers, scored as MedARC scores them (the test rows only).',
  medarc: MEDARC,
  presetOf: () => PRESET,
  reference: { medarcEnvId: 'med_halt', note: null },
  source: {
    kind: 'huggingface',
    licence: 'Apache-2.0',
    homepage: 'https://huggingface.co/datasets/openlifescienceai/Med-HALT',
    variants: [
      variant(
        'reasoning_FCT',
        'False Confidence Test',
        'Is the student’s proposed answer right? Medmarks’ reasoning_fct.',
        [...COMMON, 'student_index'],
      ),
      variant(
        'reasoning_nota',
        'None of the Above',
        'Which option is right, when it is “None of the above”? Medmarks’ reasoning_nota.',
        COMMON,
      ),
    ],
  },
  groupLabel: 'Source exam',
  settings: {
    schema: MedHaltSettingsSchema,
    defaults: MED_HALT_DEFAULTS,
    fields: MED_HALT_SETTING_FIELDS,
  },
  rowToExample,
  buildPrompt: (example, settings) =>
    medHaltPrompt(readMedHaltPayload(example), settings.numFewShot),
  scoring: {
    kind: 'exact',
    score: (reply, example) => scoreMedHalt(reply, readMedHaltPayload(example)),
  },
  summary: 'accuracy',
};
