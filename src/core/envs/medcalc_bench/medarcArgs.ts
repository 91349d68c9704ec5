// MedARC's `load_environment` arguments for medcalc_bench onto this env: only version "1.2" with the
// zero-shot XML prompt is offered. The tools variant (add_python_tool, add_calculator_tool) runs the
// model's Python over many turns and is left out (core/suites/resolveEntry.ts says so); the
// "verified" dataset, one-shot, boxed answers and think prompts are not offered here. Pure.
import type { MedarcEnvArgsReading } from '../types';

export function readMedcalcArgs(args: Readonly<Record<string, unknown>>): MedarcEnvArgsReading {
  const unsupported: string[] = [];
  for (const [arg, value] of Object.entries(args)) {
    if (arg === 'version' && value === '1.2') continue;
    if (arg === 'answer_format' && value === 'xml') continue;
    if ((arg === 'one_shot' || arg === 'use_think') && value === false) continue;
    if ((arg === 'add_python_tool' || arg === 'add_calculator_tool') && value === false) continue;
    if (arg === 'max_turns') continue;
    unsupported.push(
      arg === 'version'
        ? `version ${JSON.stringify(value)} is not offered here (only "1.2")`
        : `env arg "${arg}" = ${JSON.stringify(value)} is not supported by MedCalc-Bench here`,
    );
  }
  // MedARC's default is "verified"; an entry must ask for 1.2.
  if (args['version'] !== '1.2') {
    unsupported.push('only version "1.2" is offered here (MedARC’s default is "verified")');
  }
  return { variantId: 'v1.2', settings: {}, unsupported: [...new Set(unsupported)] };
}
