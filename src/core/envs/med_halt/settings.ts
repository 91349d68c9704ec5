// Med-HALT's run settings: MedARC's `num_few_shot` (the worked examples before the task; 2 in
// Medmarks, at most the 5 the authors wrote).
import { z } from '../../zod';
import type { SettingField } from '../types';

export const MedHaltSettingsSchema = z.object({
  numFewShot: z.number().int().min(0).max(5),
});
export type MedHaltSettings = z.infer<typeof MedHaltSettingsSchema>;

export const MED_HALT_DEFAULTS: MedHaltSettings = { numFewShot: 2 };

export const MED_HALT_SETTING_FIELDS: readonly SettingField[] = [
  {
    key: 'numFewShot',
    label: 'Worked examples',
    help: 'How many of the Med-HALT authors’ worked examples precede each question (MedARC’s num_few_shot; 2 in Medmarks).',
    kind: 'number',
    min: 0,
    max: 5,
  },
];
