// Owns naming what a run reproduces (issue 12 item 7): its env's preset label (reference and commit,
// or medeval's own rules), and whether runs put side by side reproduce different things, which makes
// their scores incomparable verdict for verdict. Pure.
import type { RunSettings } from '../schema/run';
import { findEnv } from './registry';
import type { PresetLabel } from './types';

/** The preset a stored run used, or null when its environment has no presets (e.g. a foreign import). */
export function runPresetOf(
  settings: Pick<RunSettings, 'envId' | 'envSettings'>,
): PresetLabel | null {
  return findEnv(settings.envId)?.presetOf?.(settings.envSettings) ?? null;
}

type NamedRun = { name: string; settings: Pick<RunSettings, 'envId' | 'envSettings'> };

/**
 * A warning when runs of one benchmark reproduce different presets; null when they agree. `labelOf`
 * names each run's preset (default: its settings'; an imported run's may be the file's reward,
 * core/results/rewardSource.ts).
 */
export function presetMismatch<R extends NamedRun>(
  runs: readonly R[],
  labelOf: (run: R) => PresetLabel | null = (run) => runPresetOf(run.settings),
): string | null {
  const labelled = runs.map((run) => ({ name: run.name, preset: labelOf(run) }));
  const ids = new Set(labelled.map((run) => run.preset?.id ?? 'none'));
  if (ids.size <= 1) return null;
  const which = labelled
    .map((run) => `${run.name}: ${run.preset?.label ?? 'no preset'}`)
    .join('; ');
  return `These runs reproduce different presets (${which}), so their prompts or scoring differ: compare their scores with care.`;
}
