// MedARC's `load_environment(reason, few_shot)` arguments for sctpublic onto this env's settings; it
// takes no others. Pure.
import type { MedarcEnvArgsReading } from '../types';

export function readSctArgs(args: Readonly<Record<string, unknown>>): MedarcEnvArgsReading {
  const settings: Record<string, unknown> = {};
  const unsupported: string[] = [];
  for (const [arg, value] of Object.entries(args)) {
    if (arg === 'reason') settings['reason'] = value;
    else if (arg === 'few_shot') settings['fewShot'] = value;
    else unsupported.push(`env arg "${arg}" is not supported by SCT-Public (MedARC takes none)`);
  }
  return { variantId: 'public', settings, unsupported };
}
