// Owns assembling a multiple-choice benchmark into the environment shape (types.ts): a benchmark
// supplies where its rows come from and how one becomes an example; the prompt, the exact scoring and
// the accuracy summary are the same for all of them. Pure.
import type { EnvExample, EnvModule, EnvVariant, RowContext, RowOutcome } from '../types';
import { buildChoicePrompt } from './choicePrompt';
import type { ChoiceEnvSettings, ChoiceSettings } from './choiceSettings';
import type { MedarcLayout } from './medarc/medarcLayouts';
import { CHOICE_PRESETS, choicePresetOf } from './choicePresets';
import { scoreChoice } from './scoreChoice';

export interface ChoiceEnvSpec<S extends ChoiceSettings> {
  id: string;
  label: string;
  description: string;
  licence: string;
  homepage: string;
  variants: readonly EnvVariant[];
  groupLabel: string;
  rowToExample: (row: Readonly<Record<string, unknown>>, ctx: RowContext) => RowOutcome;
  /** `CHOICE_SETTINGS`, or an extension of it (PubMedQA adds its subset). */
  settings: ChoiceEnvSettings<S>;
  /** The MedARC environment whose prompt, shuffle row id and answer text the reference presets use. */
  medarc: MedarcLayout;
  includes?: (example: EnvExample, settings: S) => boolean;
  selectionProblem?: (examples: readonly EnvExample[], settings: S) => string | null;
}

export function makeChoiceEnv<S extends ChoiceSettings>(spec: ChoiceEnvSpec<S>): EnvModule<S> {
  const { licence, homepage, variants, medarc, ...rest } = spec;
  return {
    ...rest,
    source: { kind: 'huggingface', licence, homepage, variants },
    reference: { medarcEnvId: medarc.envId, note: medarc.note },
    presetOf: (envSettings) => {
      const preset = CHOICE_PRESETS[choicePresetOf(envSettings)];
      const note = preset.reference === null || medarc.note === null ? '' : ` ${medarc.note}`;
      return { ...preset, reproduces: `${preset.reproduces}${note}` };
    },
    buildPrompt: (example, settings) => buildChoicePrompt(example, settings, medarc),
    scoring: {
      kind: 'exact',
      score: (response, example, settings) => scoreChoice(response, example, settings, medarc),
    },
    summary: 'accuracy',
  };
}
