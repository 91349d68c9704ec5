// MedARC's `load_environment` arguments for medhallu (suite files' env_args) onto this env: `subset`
// picks the loaded split, the rest are run settings. Pure.
import type { MedarcEnvArgsReading } from '../types';
import { DifficultySchema } from './medhalluSettings';

const SUBSETS = ['pqa_labeled', 'pqa_artificial'];

export function readMedhalluArgs(args: Readonly<Record<string, unknown>>): MedarcEnvArgsReading {
  const settings: Record<string, unknown> = {};
  const unsupported: string[] = [];
  let variantId = 'pqa_labeled';
  for (const [arg, value] of Object.entries(args)) {
    switch (arg) {
      case 'subset':
        if (typeof value === 'string' && SUBSETS.includes(value)) variantId = value;
        else
          unsupported.push(`subset ${JSON.stringify(value)} is not one of ${SUBSETS.join(', ')}`);
        break;
      case 'difficulty': {
        const parsed = DifficultySchema.safeParse(value);
        if (parsed.success) settings['difficulty'] = parsed.data;
        else
          unsupported.push(`difficulty ${JSON.stringify(value)} is not all, easy, medium or hard`);
        break;
      }
      case 'use_knowledge':
        settings['useKnowledge'] = value;
        break;
      case 'unsure_reward':
        settings['unsureReward'] = value;
        break;
      default:
        unsupported.push(`env arg "${arg}" is not supported by MedHallu here`);
    }
  }
  return { variantId, settings, unsupported };
}
