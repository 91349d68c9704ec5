import { useState } from 'react';
import type { RunRecord } from '../../../core/schema/run';
import type { RunActions } from '../../hooks/useRunActions';
import { useRunKeyPrompt } from '../../hooks/useRunKeyPrompt';
import { useRollout, useRunOverview } from '../../hooks/useRunRecords';
import { useRunLive } from '../../hooks/useRunLive';
import { LiveRollouts } from './LiveRollouts';
import { useRunsElsewhere } from '../../hooks/useRunsElsewhere';
import { originOf } from '../../../core/endpointOrigin';
import { useHosts } from '../../hooks/useKeys';
import { isHostApproved, type HostSnapshot } from '../../keys/hostStore';
import { groupByOrigin, requiresKey, slotEndpoints } from '../../keys/resolveRunKeys';
import { PrimeCommand } from './PrimeCommand';
import { runRewardSource } from '../../../core/results/rewardSource';
import { RewardSourceNote } from '../results/runs/RewardSourceNote';
import { ProgressPanel } from './ProgressPanel';
import { RescorePanel } from './RescorePanel';
import { DEFAULT_ENV_ID, findEnv } from '../../../core/envs/registry';
import { RolloutDetail } from './RolloutDetail';
import { RolloutsTable } from './RolloutsTable';
import { RunBanners } from './RunBanners';
import { RunControls, type RunControlHandlers } from './RunControls';
import { PendingGatePrompt, RunKeysPrompt } from './RunKeysPrompt';
import { defaultRunName } from './runDraft';
import { displayStatus, STATUS_LABELS } from './runStatus';

interface RunViewProps {
  run: RunRecord;
  actions: RunActions;
  selectedRollout: string | null;
  onSelectRollout: (key: string | null) => void;
  /** Opens another run (a re-score just created), or the new-run form when null. */
  onOpenRun: (runId: string | null) => void;
}

/** One run: status and actions, live progress, the equivalent CLI command, and its rollouts. */
export function RunView({
  run,
  actions,
  selectedRollout,
  onSelectRollout,
  onOpenRun,
}: RunViewProps) {
  const keyPrompt = useRunKeyPrompt();
  const hosts = useHosts();
  const [isRescoring, setIsRescoring] = useState(false);
  const elsewhere = useRunsElsewhere([run], actions.activeRuns);
  const status = displayStatus(run, actions.activeRuns, elsewhere, actions.failedRuns.has(run.id));
  // While the run runs, its worker reports its figures (useRunLive): the stored rollouts are read
  // again, through the worker's compact overview, once it stops (issue 14).
  // This tab's worker runs it from Start on, before its stored status says so (a new run is stored
  // paused, then marked running): reading its rollouts in between drew a table of pending rows.
  const isLive =
    status === 'running' || status === 'elsewhere' || actions.activeRuns?.has(run.id) === true;
  const overview = useRunOverview(run, isLive);
  // Until the overview of a run that just stopped arrives, its last report stands in.
  const hasReport = useRunLive(run.id) !== null;
  const showsLive = isLive || (overview === undefined && hasReport);
  // A run read from another environment's file has no benchmark here (nothing to re-score or rerun).
  const env = findEnv(run.settings.envId);
  const retry = {
    failed: overview?.summary.failed ?? 0,
    unscored: overview?.summary.unscored ?? 0,
  };
  const selected = useRollout(run.id, isLive ? null : selectedRollout);

  const handlers: RunControlHandlers = {
    onResume: () => keyPrompt.withKeys(run.settings, (keys) => void actions.resume(run.id, keys)),
    onPause: () => void actions.stop(run.id, 'pause'),
    onCancel: () => void actions.stop(run.id, 'cancel'),
    onRetryFailed: () =>
      keyPrompt.withKeys(run.settings, (keys) => void actions.retryFailed(run.id, keys)),
    ...(env === undefined || env.scoring.kind === 'exact'
      ? {}
      : {
          onRescore: () => setIsRescoring(true),
          ...(env.scoring.kind === 'rubric'
            ? { rescoreLabel: 'Re-grade with another grader' }
            : {}),
        }),
    onDelete: () => {
      if (!window.confirm(`Delete the run “${run.name}” and all its results?`)) return;
      void actions.remove(run.id).then(() => onOpenRun(null));
    },
  };

  return (
    <section className="panel run-view" aria-labelledby="run-title" data-testid="run-view">
      <header className="run-header">
        <h2 id="run-title">{run.name}</h2>
        <span className={`status status-${status}`} data-testid="run-status" data-status={status}>
          {STATUS_LABELS[status]}
        </span>
      </header>
      <p className="muted small">
        {defaultRunName(run.settings)} · {run.dataset.label} · created{' '}
        {new Date(run.createdAt).toLocaleString()}
        {run.parentRunId !== undefined && ' · re-score of an earlier run'}
      </p>
      <RewardSourceNote source={runRewardSource(run)} />
      <RunBanners
        run={run}
        status={status}
        actionError={actions.errors[run.id]}
        onDismissError={() => actions.clearError(run.id)}
      />
      <PendingGatePrompt
        gate={keyPrompt}
        source={run.origin === 'imported' ? 'This imported run' : 'This run'}
        keysTitle="Enter the missing API keys to go on"
      />
      {keyPrompt.pending === null && status === 'stopped' && (
        <RunKeysPrompt title="Keys for this run" hosts={runHosts(run, hosts)} />
      )}
      <RunControls status={status} retry={retry} handlers={handlers} />
      <ProgressPanel run={run} overview={overview} isLive={isLive} />
      {isRescoring && (
        <RescorePanel
          run={run}
          onClose={() => setIsRescoring(false)}
          onSubmit={(request, name) =>
            keyPrompt.withKeys(
              {
                model: run.settings.model,
                judges: request.judges,
                isModelKeyOptional: overview?.rows.every((r) => r.hasGeneration) ?? false,
              },
              (keys) => {
                setIsRescoring(false);
                void actions.rescore(run.id, request, name, keys, onOpenRun);
              },
            )
          }
        />
      )}
      {/* The reference CLI line is known for MTSamples only; other environments' ids on the Prime hub
          are not confirmed, and a wrong command is worse than none. */}
      {env?.id === DEFAULT_ENV_ID && <PrimeCommand settings={run.settings} />}
      <h3>Rollouts</h3>
      {showsLive && <LiveRollouts runId={run.id} />}
      {!showsLive && overview !== undefined && (
        <div className="split">
          <RolloutsTable
            rollouts={overview.rows}
            judgeCount={run.settings.judges.length}
            selectedKey={selected?.key ?? null}
            onSelect={onSelectRollout}
          />
          {selected != null && (
            <RolloutDetail run={run} rollout={selected} onClose={() => onSelectRollout(null)} />
          )}
        </div>
      )}
    </section>
  );
}

/** The run's hosts the user has chosen (keys are typed for no other), for reviewing keys. */
function runHosts(run: RunRecord, hosts: HostSnapshot) {
  return groupByOrigin(slotEndpoints(run.settings))
    .filter((host) => isHostApproved(hosts, originOf(host.origin)))
    .map((host) => ({
      ...host,
      isRequired: host.endpoints.some((entry) => requiresKey(entry.endpoint)),
    }));
}
