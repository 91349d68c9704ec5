// Owns assembling one of MedARC's Medmarks multiple-choice environments on the environment shape:
// the environment supplies its rows, its layout (user message, system prompt, parser, shuffle row id)
// and what its `load_environment` arguments mean; the reference presets, the option shuffle and the
// verdict are the shared ones (makeChoiceEnv.ts). These environments fix their answer format (the
// suite never changes it), so the run form offers only the preset and the shuffle. Pure.
import { z } from '../../../zod';
import type {
  EnvModule,
  EnvVariant,
  MedarcEnvArgsReading,
  RowContext,
  RowOutcome,
} from '../../types';
import { CHOICE_PRESETS, DEFAULT_CHOICE_PRESET, type ChoicePreset } from '../choicePresets';
import {
  CHOICE_SETTING_FIELDS,
  CHOICE_SETTINGS_DEFAULTS,
  ChoiceSettingsSchema,
  type AnswerFormat,
  type ChoiceSettings,
} from '../choiceSettings';
import { makeChoiceEnv } from '../makeChoiceEnv';
import type { MedarcLayout } from './medarcLayouts';

/** The presets a Medmarks environment offers: both stored MedARC matchers, and medeval's reader. */
const MEDMARKS_PRESETS = ['medarc@97d3282', 'medarc@044f0b6', 'medeval'] as const;
/** Only the reference presets (HEAD-QA v2's numbered options are not medeval's reader's shape). */
export const MEDARC_ONLY_PRESETS = ['medarc@97d3282', 'medarc@044f0b6'] as const;

type PresetList = readonly [ChoicePreset, ...ChoicePreset[]];

/** The env arg that picks the dataset: its values (as the suite writes them) → our variant ids. */
interface VariantArg {
  name: string;
  variants: Readonly<Record<string, string>>;
  /** The reference's default for the arg. */
  default: string | number;
}

export interface MedarcChoiceEnvSpec {
  id: string;
  label: string;
  description: string;
  licence: string;
  homepage: string;
  variants: readonly EnvVariant[];
  groupLabel: string;
  rowToExample: (row: Readonly<Record<string, unknown>>, ctx: RowContext) => RowOutcome;
  layout: MedarcLayout & { envId: string };
  answerFormat: AnswerFormat;
  presets?: PresetList;
  /** The med-lm-envs commit of the environment module reproduced, and the files read there. */
  commit: string;
  paths: readonly string[];
  variantArg?: VariantArg;
  /** Arguments the reference takes that this env fixes: accepted only at these values. */
  fixedArgs?: Readonly<Record<string, unknown>>;
  leftOut?: string;
}

function settingsFor(format: AnswerFormat, presets: PresetList) {
  const schema = ChoiceSettingsSchema.extend({
    preset: z.enum(presets),
    answerFormat: z.literal(format),
    useThink: z.literal(false),
  });
  const defaults: ChoiceSettings = {
    ...CHOICE_SETTINGS_DEFAULTS,
    preset: presets.includes(DEFAULT_CHOICE_PRESET) ? DEFAULT_CHOICE_PRESET : presets[0],
    answerFormat: format,
  };
  const fields = CHOICE_SETTING_FIELDS.filter(
    (field) => field.key !== 'answerFormat' && field.key !== 'useThink',
  ).map((field) =>
    field.key === 'preset' && field.kind === 'select'
      ? {
          ...field,
          options: presets.map((id) => ({
            value: id,
            label:
              id === DEFAULT_CHOICE_PRESET
                ? `${CHOICE_PRESETS[id].label} (newest reference)`
                : CHOICE_PRESETS[id].label,
          })),
        }
      : field,
  );
  return { schema: schema as z.ZodType<ChoiceSettings>, defaults, fields, legacy: {} };
}

const SHUFFLE_ARGS: Readonly<Record<string, keyof ChoiceSettings>> = {
  shuffle_answers: 'shuffleOptions',
  shuffle_seed: 'shuffleSeed',
};
/** For envs whose settings keep the answer format and think (MedQA, MedMCQA, PubMedQA). */
const FORMAT_ARGS: Readonly<Record<string, keyof ChoiceSettings>> = {
  ...SHUFFLE_ARGS,
  use_think: 'useThink',
  answer_format: 'answerFormat',
};

/** What a suite entry's env args mean for one of these environments. */
export function readMedarcChoiceArgs(
  spec: Pick<MedarcChoiceEnvSpec, 'label' | 'variants' | 'variantArg' | 'fixedArgs'> & {
    /** Whether `use_think` and `answer_format` map onto settings (else they must be fixed args). */
    formatArgs?: boolean;
  },
  args: Readonly<Record<string, unknown>>,
): MedarcEnvArgsReading {
  const mapped = spec.formatArgs === true ? FORMAT_ARGS : SHUFFLE_ARGS;
  const settings: Record<string, unknown> = {};
  const unsupported: string[] = [];
  const variantArg = spec.variantArg;
  let variantId: string | undefined =
    variantArg === undefined
      ? spec.variants[0]?.id
      : variantArg.variants[String(variantArg.default)];
  for (const [arg, value] of Object.entries(args)) {
    const setting = mapped[arg];
    if (setting !== undefined) {
      settings[setting] = value;
    } else if (variantArg !== undefined && arg === variantArg.name) {
      const id = variantArg.variants[String(value)];
      if (id === undefined) {
        unsupported.push(`${spec.label} has no ${arg} "${String(value)}" here`);
      } else variantId = id;
    } else if (spec.fixedArgs !== undefined && arg in spec.fixedArgs) {
      if (spec.fixedArgs[arg] !== value) {
        unsupported.push(
          `${spec.label} runs only with ${arg} = ${JSON.stringify(spec.fixedArgs[arg])} here`,
        );
      }
    } else {
      unsupported.push(`env arg "${arg}" is not supported by ${spec.label} here`);
    }
  }
  // An arg value with no variant was reported above; only a missing arg is reported here.
  if (variantId === undefined && !(variantArg !== undefined && variantArg.name in args)) {
    const name = variantArg?.name ?? 'dataset';
    const values = Object.keys(variantArg?.variants ?? {}).join(', ');
    unsupported.push(`${spec.label} needs ${name} set to one of ${values} here`);
  }
  return { variantId: variantId ?? '', settings, unsupported };
}

export function makeMedarcChoiceEnv(spec: MedarcChoiceEnvSpec): EnvModule<ChoiceSettings> {
  const env = makeChoiceEnv({
    id: spec.id,
    label: spec.label,
    description: spec.description,
    licence: spec.licence,
    homepage: spec.homepage,
    variants: spec.variants,
    groupLabel: spec.groupLabel,
    rowToExample: spec.rowToExample,
    settings: settingsFor(spec.answerFormat, spec.presets ?? MEDMARKS_PRESETS),
    medarc: spec.layout,
  });
  return {
    ...env,
    ...(spec.leftOut === undefined ? {} : { leftOut: spec.leftOut }),
    medarc: {
      envId: spec.layout.envId,
      commit: spec.commit,
      paths: spec.paths,
      readEnvArgs: (args) => readMedarcChoiceArgs(spec, args),
    },
  };
}
