// Owns a run's metadata.json for the verifiers tooling (results-format.md): their fields computed the
// way they compute them (unscored and failed rollouts count as reward 0), and our `medeval` object with
// the honest numbers and everything needed to rebuild the run's settings. Never a key. Pure.
import { MEDEVAL_RESULTS_SCHEMA, RESULTS_ENV_ID, type MedevalMetadata } from './medevalBlock';
import { envMetadataFacts, rowMetricsOf } from './exportEnv';
import { summaryKindOf } from './envSummary';
import { fileMetricsSettingsOf, isFileMetricsRun } from './fileMetrics';
import { finiteOrNull, isRecord } from './values';
import { withoutSecrets } from './secrets';
import { runRewardSource } from './rewardSource';
import type { RunSummary } from '../runSummary';
import type { EndpointConfig } from '../schema/endpoint';
import type { RolloutRecord, RunRecord, RunSettings } from '../schema/run';
import { PASS_THRESHOLD, passAllKTable, passAtKTable } from '../stats/passAtK';
import { mean } from '../stats/mean';
import { creationOf, partialCreationNote } from './partialCreation';

/** What verifiers' readers see as a rollout's reward: 0 when we have none (exportRun's header says why). */
export function verifiersReward(rollout: RolloutRecord): number {
  return rollout.score?.reward ?? 0;
}

/** The environment arguments, mapped exactly as the `-a` JSON of `primeEvalCommand`. */
function envArgsOf(settings: RunSettings): Record<string, unknown> {
  return {
    judge_model: settings.judges.map((judge) => judge.model),
    judge_base_url: settings.judges.map((judge) => judge.baseUrl),
    use_think: settings.useThink,
  };
}

/** A choice or rubric run's environment arguments: its env settings, and the grader when it has one. */
function envArgsOfEnv(settings: RunSettings): Record<string, unknown> {
  const grader = settings.judges[0];
  return {
    ...settings.envSettings,
    ...(grader === undefined ? {} : { judge_model: grader.model, judge_base_url: grader.baseUrl }),
  };
}

/** `max_tokens` is always present (null when unset), as verifiers writes it; then whatever was set. */
function samplingArgsOf(endpoint: EndpointConfig): Record<string, unknown> {
  const { temperature, max_tokens, top_p, seed, extra } = endpoint.sampling;
  const named = { temperature, max_tokens, top_p, seed };
  const set = Object.fromEntries(Object.entries(named).filter(([, value]) => value !== undefined));
  return { max_tokens: null, ...extra, ...set };
}

export function toMetadata(
  run: RunRecord,
  rollouts: readonly RolloutRecord[],
  summary: RunSummary,
): Record<string, unknown> {
  const rewards = rollouts.map(verifiersReward);
  const avgReward = mean(rewards) ?? 0;
  const byExample = groupByExample(rollouts);
  const spend = summary.spend;
  const priced = spend.reportedUsd > 0 || spend.estimatedUsd > 0 || spend.unpricedCalls === 0;
  const file = fileMetadataOf(run);
  return withoutSecrets({
    ...envOf(run, rollouts, file),
    model: run.settings.model.model,
    base_url: run.settings.model.baseUrl,
    num_examples: byExample.length,
    rollouts_per_example: run.settings.rolloutsPerExample,
    sampling_args: samplingArgsOf(run.settings.model),
    time: fileTimeOf(file) ?? runningSeconds(rollouts),
    avg_reward: avgReward,
    avg_metrics: avgMetrics(rollouts),
    avg_error: mean(rollouts.map((r) => (r.error === undefined ? 0 : 1))) ?? 0,
    pass_at_k: passAtKTable(byExample),
    pass_all_k: passAllKTable(byExample),
    pass_threshold: PASS_THRESHOLD,
    usage: usageMeans(rollouts),
    version_info: { vf_version: null, vf_commit: null, env_version: null, env_commit: null },
    state_columns: stateColumnsOf(file),
    tools: null,
    name: run.name,
    cost: priced && rollouts.length > 0 ? spend.totalUsd : null,
    medeval: { ...medevalMetadata(run, summary), ...envMetadataFacts(run, rollouts) },
  });
}

/**
 * `env_id` and `env_args`: MTSamples' judges, a benchmark's settings, or — for a run imported from
 * another environment's file — that environment and the arguments its file recorded.
 */
function envOf(
  run: RunRecord,
  rollouts: readonly RolloutRecord[],
  file: Record<string, unknown>,
): { env_id: string; env_args: Record<string, unknown> } {
  if (isFileMetricsRun(run.settings)) {
    return {
      env_id: fileMetricsSettingsOf(run.settings).env_id ?? 'unknown',
      env_args: isRecord(file['env_args']) ? file['env_args'] : {},
    };
  }
  return {
    env_id: run.settings.envId ?? RESULTS_ENV_ID,
    env_args:
      summaryKindOf(run.settings, rollouts) === 'jury'
        ? envArgsOf(run.settings)
        : envArgsOfEnv(run.settings),
  };
}

/** metadata.json as an imported run's import read it; empty for a run of ours. */
function fileMetadataOf(run: RunRecord): Record<string, unknown> {
  if (run.origin !== 'imported' || !isRecord(run.importedMetadata)) return {};
  const raw = run.importedMetadata['raw'];
  return isRecord(raw) ? raw : {};
}

/** The running time an imported file recorded (`time` in seconds, or 0.1.6–0.1.13's `time_ms`). */
function fileTimeOf(file: Record<string, unknown>): number | null {
  const seconds = finiteOrNull(file['time']);
  if (seconds !== null) return seconds;
  const ms = finiteOrNull(file['time_ms']);
  return ms === null ? null : ms / 1000;
}

function stateColumnsOf(file: Record<string, unknown>): string[] {
  const columns = file['state_columns'];
  return Array.isArray(columns)
    ? columns.filter((column): column is string => typeof column === 'string')
    : [];
}

/**
 * Seconds the run was running (issue 13 #6): the union of the time its requests were in flight, so a
 * run that sat stopped — waiting for keys, paused, a closed tab — counts only the time it worked.
 * Cached answers took no time and are left out.
 */
export function runningSeconds(rollouts: readonly RolloutRecord[]): number {
  const intervals: [number, number][] = [];
  const add = (
    call: { latencyMs: number; finishedAt: number; cached: boolean } | null | undefined,
  ) => {
    if (call === null || call === undefined || call.cached || call.finishedAt <= 0) return;
    intervals.push([call.finishedAt - Math.max(0, call.latencyMs), call.finishedAt]);
  };
  for (const rollout of rollouts) {
    add(rollout.generation);
    for (const call of rollout.judges) add(call);
    for (const grade of rollout.grades ?? []) add(grade);
  }
  intervals.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [start, finish] of intervals) {
    if (finish <= end) continue;
    total += finish - Math.max(start, end);
    end = finish;
  }
  return total / 1000;
}

/** verifiers' `avg_metrics`: each metric's mean over the rows that give it. */
function avgMetrics(rollouts: readonly RolloutRecord[]): Record<string, number> {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const rollout of rollouts) {
    for (const [name, value] of Object.entries(rowMetricsOf(rollout, verifiersReward(rollout)))) {
      const entry = sums.get(name) ?? { sum: 0, n: 0 };
      sums.set(name, { sum: entry.sum + value, n: entry.n + 1 });
    }
  }
  return Object.fromEntries([...sums].map(([name, { sum, n }]) => [name, sum / n]));
}

function groupByExample(rollouts: readonly RolloutRecord[]): number[][] {
  const groups = new Map<number, number[]>();
  for (const rollout of rollouts) {
    const group = groups.get(rollout.example_id) ?? [];
    group.push(verifiersReward(rollout));
    groups.set(rollout.example_id, group);
  }
  return [...groups.values()];
}

/** Means over the rollouts whose generation reported usage (the model under test only, as verifiers). */
function usageMeans(rollouts: readonly RolloutRecord[]) {
  const usages = rollouts.flatMap((r) => (r.generation?.usage ? [r.generation.usage] : []));
  if (usages.length === 0) return null;
  return {
    input_tokens: mean(usages.map((u) => u.inputTokens)) ?? 0,
    output_tokens: mean(usages.map((u) => u.outputTokens)) ?? 0,
  };
}

/** What the run reproduces, when its benchmark has presets, or the file its rewards were read from. */
function presetBlock(run: RunRecord): Pick<MedevalMetadata, 'reference_preset'> {
  const preset = runRewardSource(run);
  if (preset === null) return {};
  const { id, label, reproduces, reference } = preset;
  return {
    reference_preset: {
      id,
      label,
      reproduces,
      reference: reference === null ? null : { ...reference, files: [...reference.files] },
    },
  };
}

function medevalMetadata(run: RunRecord, summary: RunSummary): MedevalMetadata {
  const { settings } = run;
  return {
    schema: MEDEVAL_RESULTS_SCHEMA,
    app_version: run.appVersion,
    run: runFacts(run),
    ...(settings.envId === undefined ? {} : { env_id: settings.envId }),
    ...(settings.envSettings === undefined ? {} : { env_settings: settings.envSettings }),
    ...presetBlock(run),
    ...(run.dataset.revision === undefined ? {} : { dataset_revision: run.dataset.revision }),
    model_endpoint: settings.model,
    judges: settings.judges,
    judge_template: settings.judgeTemplate,
    prompt_format: settings.promptFormat,
    use_think: settings.useThink,
    judge_sees: settings.judgeSees,
    normalisation: settings.normalisation,
    selection: settings.selection,
    rollouts_per_example: settings.rolloutsPerExample,
    concurrency: settings.concurrency,
    max_attempts: settings.maxAttempts,
    use_cache: settings.useCache,
    input_cut: run.dataset.inputCut,
    dataset: {
      id: run.dataset.id,
      label: run.dataset.label,
      commit: run.dataset.commit ?? null,
      rulesVersion: run.dataset.rulesVersion,
    },
    avg_reward_scored: summary.reward,
    counts: {
      total: summary.total,
      done: summary.done,
      unscored: summary.unscored,
      failed: summary.failed,
      pending: summary.pending + summary.inFlight,
    },
    jury_score: summary.juryScore,
    judge_means: summary.judgeMeans,
    notes: metadataNotes(run, summary),
    ...(run.creation === undefined ? {} : { creation: creationOf(run) }),
  };
}

function runFacts(run: RunRecord): MedevalMetadata['run'] {
  return {
    id: run.id,
    name: run.name,
    kind: run.kind,
    ...(run.parentRunId === undefined ? {} : { parent_run_id: run.parentRunId }),
    status: run.status,
    ...(run.stopError === undefined ? {} : { stop_error: run.stopError }),
    created_at_ms: run.createdAt,
    updated_at_ms: run.updatedAt,
    ...(run.startedAt === undefined ? {} : { started_at_ms: run.startedAt }),
    ...(run.finishedAt === undefined ? {} : { finished_at_ms: run.finishedAt }),
    ...(run.origin === undefined ? {} : { origin: run.origin }),
    ...(run.importedMetadata === undefined ? {} : { imported_metadata: run.importedMetadata }),
  };
}

function metadataNotes(run: RunRecord, summary: RunSummary): string[] {
  const notes = [
    'avg_reward, avg_metrics, pass_at_k and pass_all_k count unscored and failed rollouts as reward 0, as the verifiers tooling does; medeval.avg_reward_scored leaves them out (spec §5).',
    `Written by medeval ${run.appVersion} in the browser, not by verifiers: version_info is null.`,
    'cost is in US dollars and covers the model under test and the judges; responses served from the cache are not counted again.',
  ];
  const partial = partialCreationNote(run);
  if (partial !== null) notes.push(partial);
  const open = summary.pending + summary.inFlight;
  if (open > 0) {
    notes.push(
      `${open} rollouts had not finished: they are written with reward 0 and is_completed false.`,
    );
  }
  if (summary.spend.unpricedCalls > 0) {
    notes.push(
      `${summary.spend.unpricedCalls} calls had no reported cost and no known price: cost leaves them out.`,
    );
  }
  return notes;
}
