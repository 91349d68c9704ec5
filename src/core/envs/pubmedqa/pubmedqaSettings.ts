// PubMedQA's run settings: the shared multiple-choice ones plus which questions take part.
import { z } from '../../zod';
import {
  CHOICE_LEGACY_SETTINGS,
  CHOICE_SETTING_FIELDS,
  CHOICE_SETTINGS_DEFAULTS,
  ChoiceSettingsSchema,
  type ChoiceEnvSettings,
} from '../multipleChoice/choiceSettings';

/**
 * `test500`: the official 500-question test set, the one published PubMedQA numbers (and the MedARC
 * environment) use; `all`: all 1,000 expert-labelled questions.
 */
const PubmedqaSubsetSchema = z.enum(['test500', 'all']);

const PubmedqaSettingsSchema = ChoiceSettingsSchema.extend({ subset: PubmedqaSubsetSchema });
export type PubmedqaSettings = z.infer<typeof PubmedqaSettingsSchema>;

/**
 * `test500` by default: a score on all 1,000 questions reads like PubMedQA's but is not comparable
 * with any published one, and that mistake would be silent. If the test list could not be fetched
 * the subset is empty, which is loud, and `subsetProblem` (testSubset.ts) says why.
 */
export const PUBMEDQA_SETTINGS: ChoiceEnvSettings<PubmedqaSettings> = {
  schema: PubmedqaSettingsSchema,
  defaults: { ...CHOICE_SETTINGS_DEFAULTS, subset: 'test500' },
  legacy: CHOICE_LEGACY_SETTINGS,
  fields: [
    {
      key: 'subset',
      label: 'Questions',
      help: 'The official test set is listed in test_ground_truth.json of the PubMedQA GitHub repository, fetched with the dataset.',
      kind: 'select',
      options: [
        { value: 'test500', label: 'Official test set (500)' },
        { value: 'all', label: 'All expert-labelled (1,000)' },
      ],
    },
    ...CHOICE_SETTING_FIELDS,
  ],
};
