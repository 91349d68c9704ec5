// Owns what each multiple-choice preset reproduces (issue 12): a reference preset fixes everything of
// one named MedARC version — prompts, answer extraction, verdict, option shuffle — and records which
// commit it is; `medeval` keeps the newest reference's prompts and shuffle but reads answers with our
// own negation-aware reader; `medeval-legacy` is what runs stored before presets existed were (our
// own prompt, reader and shuffle), so history is never relabelled as something it was not. Pure.
import { z } from '../../zod';

export const ChoicePresetSchema = z.enum([
  'medarc@97d3282',
  'medarc@044f0b6',
  'medarc@6568528',
  'medeval',
  'medeval-legacy',
]);
export type ChoicePreset = z.infer<typeof ChoicePresetSchema>;

/** The newest reference we can reproduce; the default for new runs. */
export const DEFAULT_CHOICE_PRESET: ChoicePreset = 'medarc@97d3282';
/** What a stored run without a `preset` setting was scored with. */
export const LEGACY_CHOICE_PRESET: ChoicePreset = 'medeval-legacy';

interface ReferenceCommit {
  repo: string;
  commit: string;
  /** What was read at that commit. */
  files: readonly string[];
}

export interface ChoicePresetInfo {
  id: ChoicePreset;
  /** Short name, e.g. "MedARC med-lm-envs @ 97d3282". */
  label: string;
  /** One sentence: what a run in this preset reproduces. */
  reproduces: string;
  /** The reference implementation and commit, or null for our own readers. */
  reference: ReferenceCommit | null;
  /** Offered in the run form (the legacy preset only labels old runs). */
  selectable: boolean;
}

const MEDARC_REPO = 'MedARC-AI/med-lm-envs';
const VERIFIERS =
  'verifiers (PrimeIntellect-ai) v0.1.6.post0–v0.1.10 parsers: XMLParser, Parser/ThinkParser(extract_boxed_answer)';

export const CHOICE_PRESETS: Readonly<Record<ChoicePreset, ChoicePresetInfo>> = {
  'medarc@97d3282': {
    id: 'medarc@97d3282',
    label: 'MedARC med-lm-envs @ 97d3282',
    reproduces:
      'MedARC’s newest stored multiple_choice_accuracy (97d3282) with its environments’ prompts, ' +
      'verifiers’ answer parsers and MedARC’s option shuffle: the verdict the reference gives.',
    reference: {
      repo: MEDARC_REPO,
      commit: '97d3282fedc6bfddcfd4574fe2646cbbdd1edb18',
      files: [
        'medarc_verifiers/rewards/multiple_choice_accuracy.py',
        'environments/{medqa,med_mcqa,pubmedqa} (prompts as at 6568528; unchanged in later stored versions)',
        'medarc_verifiers/utils/randomize_multiple_choice.py',
        VERIFIERS,
      ],
    },
    selectable: true,
  },
  'medarc@044f0b6': {
    id: 'medarc@044f0b6',
    label: 'MedARC med-lm-envs @ 044f0b6',
    reproduces:
      'The other stored multiple_choice_accuracy (044f0b6): 97d3282’s matcher, except that only ' +
      'text that looks like TeX goes through pylatexenc, so a plain "50%" no longer cuts off the ' +
      'rest of its line. Same prompts, parsers and shuffle. Which of the two is newer is not known.',
    reference: {
      repo: MEDARC_REPO,
      commit: '044f0b6f5f9cc9b03d51a6f4f58e25352869e10b',
      files: [
        'medarc_verifiers/rewards/multiple_choice_accuracy.py',
        'environments/{medqa,med_mcqa,pubmedqa} (prompts as at 6568528; unchanged in later stored versions)',
        'medarc_verifiers/utils/randomize_multiple_choice.py',
        VERIFIERS,
      ],
    },
    selectable: true,
  },
  'medarc@6568528': {
    id: 'medarc@6568528',
    label: 'MedARC med-lm-envs @ 6568528',
    reproduces:
      'MedARC med-lm-envs as of 2025-10-31 (6568528): its prompts, verifiers’ answer parsers, its ' +
      'simpler multiple_choice_accuracy and its option shuffle.',
    reference: {
      repo: MEDARC_REPO,
      commit: '6568528960aa54c77434d8e7eaa108150cc4208e',
      files: [
        'medarc_verifiers/rewards/multiple_choice_accuracy.py',
        'environments/medqa/medqa.py, environments/med_mcqa/med_mcqa.py, environments/pubmedqa/pubmedqa.py',
        'medarc_verifiers/prompts.py, medarc_verifiers/utils/randomize_multiple_choice.py',
        VERIFIERS,
      ],
    },
    selectable: true,
  },
  medeval: {
    id: 'medeval',
    label: 'medeval reader (MedARC prompts)',
    reproduces:
      'MedARC’s newest prompts and option shuffle, scored by medeval’s own reader: the last ' +
      '<answer> or \\boxed{} (else the whole reply), letters, stated answers and option texts, ' +
      'each ignored when its clause is negated. Not comparable verdict for verdict with MedARC.',
    reference: null,
    selectable: true,
  },
  'medeval-legacy': {
    id: 'medeval-legacy',
    label: 'medeval before reference presets',
    reproduces:
      'Runs stored before reference presets existed: medeval’s own prompt, reader and option ' +
      'shuffle of that time. Kept so old runs read as what they were.',
    reference: null,
    selectable: false,
  },
};

/** The preset a stored run was scored with: its setting, or the legacy preset when it has none. */
export function choicePresetOf(
  envSettings: Readonly<Record<string, unknown>> | undefined,
): ChoicePreset {
  const parsed = ChoicePresetSchema.safeParse(envSettings?.['preset']);
  return parsed.success ? parsed.data : LEGACY_CHOICE_PRESET;
}

/** The MedARC matcher version a preset uses, or null for medeval's own reader. */
export function medarcVersionOf(preset: ChoicePreset): '97d3282' | '044f0b6' | '6568528' | null {
  if (preset === 'medarc@97d3282') return '97d3282';
  if (preset === 'medarc@044f0b6') return '044f0b6';
  if (preset === 'medarc@6568528') return '6568528';
  return null;
}
