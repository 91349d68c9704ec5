// SCT-Public's run settings: MedARC's `reason` (ask for a brief explanation with the rating) and
// `few_shot` (the five worked examples before the case); both off in Medmarks.
import { z } from '../../zod';
import type { SettingField } from '../types';

export const SctSettingsSchema = z.object({ reason: z.boolean(), fewShot: z.boolean() });
export type SctSettings = z.infer<typeof SctSettingsSchema>;

export const SCT_DEFAULTS: SctSettings = { reason: false, fewShot: false };

export const SCT_SETTING_FIELDS: readonly SettingField[] = [
  {
    key: 'reason',
    label: 'Ask for an explanation',
    help: 'Keep “and a brief explanation for your choice” in the instructions (MedARC’s reason; off in Medmarks).',
    kind: 'boolean',
  },
  {
    key: 'fewShot',
    label: 'Worked examples',
    help: 'Show the five worked examples, one per rating, before the case (MedARC’s few_shot; off in Medmarks).',
    kind: 'boolean',
  },
];
