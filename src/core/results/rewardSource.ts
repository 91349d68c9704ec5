// Owns naming where a run's rewards come from. A run of ours, a re-score, or one of our own exports
// re-imported: its preset (core/envs/runPreset.ts). A run read from the verifiers tooling's files: the
// rewards the file gives, computed by whoever wrote it (for MTSamples, MedARC's reward through
// verifiers), never our formula — so it is labelled as read from the file and by whom, and how medeval
// reads the file's failure sentinel is stated as medeval's reading (spec mtsamples-procedures.md §5).
// Runs stored by earlier versions carry no label of their own: it is derived from what they stored
// (origin, kind, `importedMetadata`). Pure.
import { presetMismatch, runPresetOf } from '../envs/runPreset';
import type { PresetLabel } from '../envs/types';
import type { RunRecord } from '../schema/run';
import { fileMetricsSettingsOf, isFileMetricsRun } from './fileMetrics';
import { finiteOrNull, isRecord } from './values';

type RunFacts = Pick<RunRecord, 'settings'> &
  Partial<Pick<RunRecord, 'kind' | 'origin' | 'importedMetadata'>>;

/** What a run's reward is: a preset it reproduces, or the file it was read from. */
export interface RewardSource extends PresetLabel {
  /** True when the rewards are the file's own (a verifiers import), not computed by this app. */
  readFromFile: boolean;
}

/** The run's reward source, or null when its environment has no presets and it is not a file's. */
export function runRewardSource(run: RunFacts): RewardSource | null {
  const file = fileRewardOf(run);
  if (file !== null) return file;
  const preset = runPresetOf(run.settings);
  return preset === null ? null : { ...preset, readFromFile: false };
}

/** A warning when the runs' rewards come from different presets or files; null when they agree. */
export function rewardSourceMismatch(
  runs: readonly (RunFacts & { name: string })[],
): string | null {
  return presetMismatch(runs, runRewardSource);
}

/** The `avg_reward` metadata.json gives for a run whose rewards were read from it; null otherwise. */
export function fileAvgReward(run: RunFacts): number | null {
  if (fileRewardOf(run) === null || !isRecord(run.importedMetadata)) return null;
  const raw = run.importedMetadata['raw'];
  return isRecord(raw) ? finiteOrNull(raw['avg_reward']) : null;
}

/**
 * The verifiers tooling's file, when the run's rewards are its own: an imported run read from their
 * columns (`importedMetadata.source` = `verifiers`, kept through our own export and re-import), not a
 * re-score (which judged the file's generations with this app's formula).
 */
function fileRewardOf(run: RunFacts): RewardSource | null {
  if (run.origin !== 'imported' || run.kind === 'rescore') return null;
  const meta = run.importedMetadata;
  if (!isRecord(meta) || meta['source'] !== 'verifiers') return null;
  const raw = isRecord(meta['raw']) ? meta['raw'] : {};
  if (isFileMetricsRun(run.settings)) {
    const file = fileMetricsSettingsOf(run.settings);
    const env = envText(file.env_id ?? 'an unnamed environment', raw);
    return fileLabel(env, file.written_by, metricsReading(env, file.written_by));
  }
  const writtenBy = stringOr(meta['writtenBy'], null) ?? writtenByOf(raw);
  const env = envText(stringOr(raw['env_id'], stringOr(raw['env'], 'mtsamples_procedures')), raw);
  return fileLabel(env, writtenBy, juryReading(env, writtenBy));
}

function fileLabel(env: string, writtenBy: string, reproduces: string): RewardSource {
  return {
    id: `file:${env}:${writtenBy}`,
    label: `read from the file (written by ${writtenBy} · ${env})`,
    reproduces,
    reference: null,
    readFromFile: true,
  };
}

function juryReading(env: string, writtenBy: string): string {
  return (
    `Each rollout’s reward is the one the file gives, computed by whoever wrote it (${writtenBy} ` +
    `running ${env}: MedARC’s reward), not by medeval’s formula; nothing is recomputed here. ` +
    'medeval’s reading: a reward of 0 with no judge score behind it is MedARC’s failure sentinel and ' +
    'is read as unscored (spec §5), so the mean here leaves it out where the file’s avg_reward counts ' +
    'it as 0; a rollout the file marks failed is an error.'
  );
}

function metricsReading(env: string, writtenBy: string): string {
  return (
    `Each rollout’s reward and reward functions are the ones the file gives, computed by ` +
    `${writtenBy} running ${env}; nothing is recomputed here. A failed rollout keeps the file’s ` +
    'reward, so the mean reward is the file’s avg_reward.'
  );
}

/** The env as the file names it, with its version when version_info gives one. */
function envText(envId: string, raw: Record<string, unknown>): string {
  const info = raw['version_info'];
  const version = isRecord(info) ? stringOr(info['env_version'], null) : null;
  return version === null ? envId : `${envId} ${version}`;
}

/** For runs stored before the import recorded `writtenBy`: the release metadata.json names. */
function writtenByOf(raw: Record<string, unknown>): string {
  const info = raw['version_info'];
  const version = isRecord(info) ? stringOr(info['vf_version'], null) : null;
  return version === null ? 'the verifiers tooling' : `verifiers ${version}`;
}

function stringOr<T extends string | null>(value: unknown, fallback: T): string | T {
  return typeof value === 'string' && value.trim() !== '' ? value : fallback;
}
