// LongHealth's run settings: MedARC's answer shuffle (`shuffle_answers`, `shuffle_seed`; the
// document shuffle seed picks the loaded dataset instead, since it decides which letters each prompt
// holds) and which stored multiple_choice_accuracy scores the replies.
import { z } from '../../zod';
import type { SettingField } from '../types';

const LONGHEALTH_MATCHERS = ['97d3282', '044f0b6'] as const;

export const LongHealthSettingsSchema = z.object({
  shuffleAnswers: z.boolean(),
  shuffleSeed: z.number().int().min(0),
  matcher: z.enum(LONGHEALTH_MATCHERS),
});
export type LongHealthSettings = z.infer<typeof LongHealthSettingsSchema>;

export const LONGHEALTH_DEFAULTS: LongHealthSettings = {
  shuffleAnswers: false,
  shuffleSeed: 1618,
  matcher: '97d3282',
};

export const LONGHEALTH_SETTING_FIELDS: readonly SettingField[] = [
  {
    key: 'shuffleAnswers',
    label: 'Shuffle answers',
    help: 'Shuffle options A–E as MedARC does (shuffle_answers); “cannot be answered” stays last.',
    kind: 'boolean',
  },
  {
    key: 'shuffleSeed',
    label: 'Answer shuffle seed',
    help: 'MedARC’s shuffle_seed (1618 and 9331 in Medmarks).',
    kind: 'number',
    min: 0,
    max: 2147483647,
  },
  {
    key: 'matcher',
    label: 'Answer matcher',
    help: 'Which stored MedARC multiple_choice_accuracy reads the reply (they differ only on TeX-like text).',
    kind: 'select',
    options: [
      { value: '97d3282', label: 'MedARC @ 97d3282' },
      { value: '044f0b6', label: 'MedARC @ 044f0b6' },
    ],
  },
];
