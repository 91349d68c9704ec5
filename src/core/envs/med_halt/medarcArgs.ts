// MedARC's `load_environment` arguments for med_halt (suite files' env_args) onto this env:
// `question_type` picks the loaded config, `num_few_shot` is a setting. `system_prompt` is accepted
// and, as in MedARC's code, changes nothing (it is never sent). Option shuffling (NOTA only; MedARC
// raises for FCT) is not offered. Pure.
import type { MedarcEnvArgsReading } from '../types';

const QUESTION_TYPES: Readonly<Record<string, string>> = {
  reasoning_fct: 'reasoning_FCT',
  reasoning_nota: 'reasoning_nota',
};

export function readMedHaltArgs(args: Readonly<Record<string, unknown>>): MedarcEnvArgsReading {
  const settings: Record<string, unknown> = {};
  const unsupported: string[] = [];
  let variantId = 'reasoning_FCT';
  for (const [arg, value] of Object.entries(args)) {
    switch (arg) {
      case 'question_type': {
        const config = typeof value === 'string' ? QUESTION_TYPES[value] : undefined;
        if (config === undefined) {
          unsupported.push(
            `question_type ${JSON.stringify(value)} is not reasoning_fct or reasoning_nota`,
          );
        } else variantId = config;
        break;
      }
      case 'num_few_shot':
        settings['numFewShot'] = value;
        break;
      case 'system_prompt':
      case 'shuffle_seed':
        break;
      case 'shuffle_answers':
        if (value !== false) unsupported.push('shuffle_answers is not supported by Med-HALT here');
        break;
      default:
        unsupported.push(`env arg "${arg}" is not supported by Med-HALT here`);
    }
  }
  return { variantId, settings, unsupported };
}
