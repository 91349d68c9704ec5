// MedHallu's run settings: MedARC's `load_environment` arguments that do not change the loaded rows
// (difficulty is a filter over the one loaded split, so easy, medium and hard share one download).
import { z } from '../../zod';
import type { SettingField } from '../types';

export const DifficultySchema = z.enum(['all', 'easy', 'medium', 'hard']);

export const MedhalluSettingsSchema = z.object({
  difficulty: DifficultySchema,
  useKnowledge: z.boolean(),
  unsureReward: z.number().min(0).max(1),
});
export type MedhalluSettings = z.infer<typeof MedhalluSettingsSchema>;

/** MedARC's defaults: all difficulties, no knowledge passages, 0.01 for answering "unsure" (2). */
export const MEDHALLU_DEFAULTS: MedhalluSettings = {
  difficulty: 'all',
  useKnowledge: false,
  unsureReward: 0.01,
};

export const MEDHALLU_SETTING_FIELDS: readonly SettingField[] = [
  {
    key: 'difficulty',
    label: 'Difficulty',
    help: 'MedHallu’s difficulty level of the hallucinated answer; Medmarks reports easy, medium and hard apart.',
    kind: 'select',
    options: [
      { value: 'all', label: 'All' },
      { value: 'easy', label: 'Easy' },
      { value: 'medium', label: 'Medium' },
      { value: 'hard', label: 'Hard' },
    ],
  },
  {
    key: 'useKnowledge',
    label: 'Give the knowledge passages',
    help: 'Prefix each question with its “World Knowledge” passages (MedARC’s use_knowledge; off in Medmarks).',
    kind: 'boolean',
  },
  {
    key: 'unsureReward',
    label: 'Reward for “unsure”',
    help: 'Credit for answering \\boxed{2} (unsure) instead of 0 or 1; MedARC gives 0.01.',
    kind: 'number',
    min: 0,
    max: 1,
    step: 0.01,
  },
];
