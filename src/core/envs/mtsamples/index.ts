// MTSamples Procedures on the environment shape. Its dataset comes from a pinned GitHub folder
// (worker/ingestGithub.ts → processNote/buildExamples), its prompt from prompt.ts and its score from a
// judge jury (judge.ts); its run settings (prompt format, think, judge visibility, normalisation, judge
// template) predate this shape and stay on the run's own settings, so stored runs read unchanged. Its
// one env setting is the reward preset (mtsamplesPresets.ts).
import type { EnvModule } from '../types';
import {
  MTSAMPLES_DEFAULTS,
  MTSAMPLES_PRESETS,
  MTSAMPLES_SETTING_FIELDS,
  MtsamplesSettingsSchema,
  mtsamplesPresetOf,
  type MtsamplesSettings,
} from './mtsamplesPresets';

export const mtsamplesEnv: EnvModule<MtsamplesSettings> = {
  id: 'mtsamples_procedures',
  label: 'MTSamples Procedures',
  description:
    'Operative notes from MTSamples (pinned GitHub commit): the model writes a treatment plan from the ' +
    'patient notes; LLM judges score Accuracy, Completeness and Clarity 1–5 against the reference plan.',
  source: { kind: 'github-notes' },
  groupLabel: 'Section',
  settings: {
    schema: MtsamplesSettingsSchema,
    defaults: MTSAMPLES_DEFAULTS,
    fields: MTSAMPLES_SETTING_FIELDS,
  },
  presetOf: (envSettings) => MTSAMPLES_PRESETS[mtsamplesPresetOf(envSettings)],
  scoring: { kind: 'jury' },
  summary: 'jury',
};
