// LongHealth on the environment shape, reproducing MedARC's `longhealth` environment (med-lm-envs
// environments/longhealth/longhealth.py @ 154710b): 20 fictional patients' discharge letters and 400
// questions about them (Adams et al., 2024). Task 1 asks each question with the patient's letters;
// task 2 asks it once with other patients' letters only (the answer is F, "cannot be answered") and
// once with the answer letters among other patients' letters. Long prompts: up to 64,000 characters.
// The data is MedARC's bundled benchmark_v5.json at a pinned commit, checked by its git blob id.
import { medarcPreset } from '../medarcPreset';
import type { EnvModule, MedarcBinding } from '../types';
import { longHealthPrompt, presentLongHealth } from './buildPrompt';
import { readLongHealthArgs } from './medarcArgs';
import { readLongHealthPayload } from './payload';
import { rowToExample } from './rowToExample';
import { scoreLongHealth } from './scoreLongHealth';
import {
  LONGHEALTH_DEFAULTS,
  LONGHEALTH_SETTING_FIELDS,
  LongHealthSettingsSchema,
  type LongHealthSettings,
} from './settings';
import { LONGHEALTH_DATA_PATH, LONGHEALTH_VARIANTS } from './variants';

const MEDARC: MedarcBinding = {
  envId: 'longhealth',
  commit: '154710b74e01fb203b5ccf47312dc73d27cd04b4',
  paths: ['environments/longhealth/longhealth.py', LONGHEALTH_DATA_PATH],
  readEnvArgs: readLongHealthArgs,
};
const PRESET = medarcPreset(
  MEDARC,
  'its letter selection and order (Python’s random seeded per patient, the 64,000-character budget), ' +
    'its prompt byte for byte, its answer shuffle and multiple_choice_accuracy with the prefix ' +
    '“The correct answer is”.',
);

export const longhealthEnv: EnvModule<LongHealthSettings> = {
  id: 'longhealth',
  label: 'LongHealth',
  description:
    'Questions about long clinical documents (LongHealth, Adams et al., 2024): 20 fictional patients, ' +
    'each with several discharge letters (5,090–6,754 words), and 20 multiple-choice questions per ' +
    'patient. Task 1 extracts the answer from the patient’s letters; task 2 must say when other ' +
    'patients’ letters do not answer it (option F) and find it among distracting letters. Prompts run ' +
    'to about 64,000 characters (16,000 tokens): models with small context windows fail.',
  medarc: MEDARC,
  presetOf: () => PRESET,
  reference: { medarcEnvId: 'longhealth', note: null },
  source: {
    kind: 'github-files',
    licence: 'Apache-2.0',
    homepage: 'https://github.com/kbressem/LongHealth',
    variants: LONGHEALTH_VARIANTS,
  },
  groupLabel: 'Question type',
  settings: {
    schema: LongHealthSettingsSchema,
    defaults: LONGHEALTH_DEFAULTS,
    fields: LONGHEALTH_SETTING_FIELDS,
  },
  rowToExample,
  buildPrompt: (example, settings) => longHealthPrompt(readLongHealthPayload(example), settings),
  scoring: {
    kind: 'exact',
    score: (reply, example, settings) => {
      const payload = readLongHealthPayload(example);
      return scoreLongHealth(
        reply,
        presentLongHealth(payload, settings),
        payload.correctText,
        settings.matcher,
      );
    },
  },
  summary: 'accuracy',
};
