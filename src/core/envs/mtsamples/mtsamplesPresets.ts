// Owns what an MTSamples run's reward reproduces (issue 12 item 5): `medeval` is the card's formula
// (spec mtsamples-procedures.md §5: score / 5 or (s − 1) / 4 as the run sets it, a judge without a
// readable score left out, a rollout no judge scored marked unscored); `medarc@3b9f18f` is MedARC's
// multi-judge reward per rollout as its mtsamples_procedures environment computes it (medarcReward.ts).
// Both send the same prompts: the judge template is this app's own (spec §4), so only the reward and
// its failure handling differ. Pure.
import { z } from '../../zod';
import type { PresetLabel, SettingField } from '../types';
import { MEDARC_MTSAMPLES_COMMIT } from './medarcReward';

const MtsamplesPresetSchema = z.enum(['medeval', 'medarc@3b9f18f']);
export type MtsamplesPreset = z.infer<typeof MtsamplesPresetSchema>;

export const MtsamplesSettingsSchema = z.object({ preset: MtsamplesPresetSchema });
export type MtsamplesSettings = z.infer<typeof MtsamplesSettingsSchema>;

/** Today's default stays the card's formula; runs stored before presets used it too. */
export const MTSAMPLES_DEFAULTS: MtsamplesSettings = { preset: 'medeval' };

export const MTSAMPLES_PRESETS: Readonly<Record<MtsamplesPreset, PresetLabel>> = {
  medeval: {
    id: 'medeval',
    label: 'medeval jury reward',
    reproduces:
      'The card’s reward: each judge’s mean criterion score normalised as the run sets it, a judge ' +
      'without a readable score left out, and a rollout no judge scored marked unscored (not 0).',
    reference: null,
  },
  'medarc@3b9f18f': {
    id: 'medarc@3b9f18f',
    label: 'MedARC med-lm-envs @ 3b9f18f (reward)',
    reproduces:
      'MedARC’s mtsamples_procedures reward: each judge’s criteria clamped to 1–5 and mapped by ' +
      '(s − 1) / 4 whatever the normalisation setting, an unparseable reply scored 0 and counted, a ' +
      'failed call left out, 0 when no judge scored, 0 for the rollout when the reference would raise; ' +
      'judges are asked about empty responses too. The judge prompt is this app’s own template.',
    reference: {
      repo: 'MedARC-AI/med-lm-envs',
      commit: MEDARC_MTSAMPLES_COMMIT,
      files: [
        'environments/mtsamples_procedures/mtsamples_procedures/mtsamples_procedures.py (reward_mtsamples)',
        'medarc_verifiers/parsers/json_parser.py (JSONParser.parse)',
        'medarc_verifiers/rewards/normalize_helm_reward.py @ 3172efc',
        'medarc_verifiers/judging/multi_judge.py @ 0db7880 (MultiJudge.mean)',
        'verifiers v0.1.10 Rubric.call_reward_func (an exception scores 0.0)',
      ],
    },
  },
};

export const MTSAMPLES_SETTING_FIELDS: readonly SettingField[] = [
  {
    key: 'preset',
    label: 'Reward reproduces',
    help: 'medeval leaves a rollout no judge scored unscored; MedARC’s reward scores it 0, scores an unreadable judge reply 0, and always uses (s − 1) / 4.',
    kind: 'select',
    options: [
      { value: 'medeval', label: 'medeval jury reward (default)' },
      { value: 'medarc@3b9f18f', label: 'MedARC med-lm-envs @ 3b9f18f (reference reward)' },
    ],
  },
];

/** The preset of a stored run's env settings; a run without one used the card's formula. */
export function mtsamplesPresetOf(
  envSettings: Readonly<Record<string, unknown>> | undefined,
): MtsamplesPreset {
  const parsed = MtsamplesPresetSchema.safeParse(envSettings?.['preset']);
  return parsed.success ? parsed.data : 'medeval';
}
