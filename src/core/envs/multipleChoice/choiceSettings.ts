// Owns the run settings every multiple-choice benchmark shares (spec more-environments.md §2): which
// reference the run reproduces (choicePresets.ts), how the answer is asked for, whether reasoning goes
// in a think block, and the optional option shuffle. Validated like any other input: settings come
// back from storage and shared links.
import { z } from '../../zod';
import type { SettingField } from '../types';
import {
  CHOICE_PRESETS,
  ChoicePresetSchema,
  DEFAULT_CHOICE_PRESET,
  LEGACY_CHOICE_PRESET,
} from './choicePresets';

/** `xml`: the answer inside `<answer>…</answer>`; `boxed`: inside `\boxed{…}`. */
const AnswerFormatSchema = z.enum(['xml', 'boxed']);
export type AnswerFormat = z.infer<typeof AnswerFormatSchema>;

const MAX_SEED = 2 ** 32 - 1;

export const ChoiceSettingsSchema = z.object({
  preset: ChoicePresetSchema,
  answerFormat: AnswerFormatSchema,
  useThink: z.boolean(),
  shuffleOptions: z.boolean(),
  shuffleSeed: z.number().int().min(0).max(MAX_SEED),
});
export type ChoiceSettings = z.infer<typeof ChoiceSettingsSchema>;

/** MedARC's environment defaults: XML answers, no think, no shuffle, seed 1618. */
export const CHOICE_SETTINGS_DEFAULTS: ChoiceSettings = {
  preset: DEFAULT_CHOICE_PRESET,
  answerFormat: 'xml',
  useThink: false,
  shuffleOptions: false,
  shuffleSeed: 1618,
};

export const CHOICE_SETTING_FIELDS: readonly SettingField[] = [
  {
    key: 'preset',
    label: 'Reproduces',
    help:
      'Reference presets reproduce one MedARC med-lm-envs commit exactly: prompt text, answer ' +
      'extraction, verdict and option shuffle. The medeval reader keeps MedARC’s prompts but reads ' +
      'answers its own, negation-aware way.',
    kind: 'select',
    options: Object.values(CHOICE_PRESETS)
      .filter((preset) => preset.selectable)
      .map((preset) => ({
        value: preset.id,
        label:
          preset.id === DEFAULT_CHOICE_PRESET ? `${preset.label} (newest reference)` : preset.label,
      })),
  },
  {
    key: 'answerFormat',
    label: 'Answer format',
    help: 'Where the model is asked to put the letter of its answer.',
    kind: 'select',
    options: [
      { value: 'xml', label: '<answer>…</answer>' },
      { value: 'boxed', label: '\\boxed{…}' },
    ],
  },
  {
    key: 'useThink',
    label: 'Think first',
    help: 'Ask for reasoning inside <think>…</think> (the reference’s think prompt and parser).',
    kind: 'boolean',
  },
  {
    key: 'shuffleOptions',
    label: 'Shuffle options',
    help: 'MedARC’s shuffle: the same order as the reference for the same seed and question. "All/none of the above" stay in place; questions whose options name other letters are never shuffled.',
    kind: 'boolean',
  },
  {
    key: 'shuffleSeed',
    label: 'Shuffle seed',
    help: 'Change it to draw another order for every question.',
    kind: 'number',
    min: 0,
    max: MAX_SEED,
  },
];

/** The `settings` part of an env module: schema, defaults and the fields the UI renders. */
export interface ChoiceEnvSettings<S extends ChoiceSettings> {
  schema: z.ZodType<S>;
  defaults: S;
  fields: readonly SettingField[];
  legacy: Partial<S>;
}

/** A run stored before presets existed has no `preset`: it was medeval's own reader of that time. */
export const CHOICE_LEGACY_SETTINGS: Partial<ChoiceSettings> = { preset: LEGACY_CHOICE_PRESET };

export const CHOICE_SETTINGS: ChoiceEnvSettings<ChoiceSettings> = {
  schema: ChoiceSettingsSchema,
  defaults: CHOICE_SETTINGS_DEFAULTS,
  fields: CHOICE_SETTING_FIELDS,
  legacy: CHOICE_LEGACY_SETTINGS,
};
