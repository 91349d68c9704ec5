// Owns the preset label of an environment with its own scoring that has one preset only: MedARC's
// environment at the commit its `medarc` binding names (MedHallu, Med-HALT, MedCalc-Bench, SCT,
// LongHealth). Pure.
import type { MedarcBinding, PresetLabel } from './types';

const MEDARC_REPO = 'MedARC-AI/med-lm-envs';

export function medarcPreset(
  binding: Pick<MedarcBinding, 'envId' | 'commit' | 'paths'>,
  what: string,
): PresetLabel {
  const commit = binding.commit ?? 'main';
  const short = commit.slice(0, 7);
  return {
    id: `medarc@${short}`,
    label: `MedARC med-lm-envs @ ${short}`,
    reproduces: `MedARC’s ${binding.envId} environment (${short}): ${what}`,
    reference: { repo: MEDARC_REPO, commit, files: binding.paths ?? [] },
  };
}
