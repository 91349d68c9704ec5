import { useId, useMemo, useState } from 'react';
import type { DatasetRecord } from '../../../core/schema/dataset';
import { useExamples } from '../../hooks/useDatasets';
import type { RunActions } from '../../hooks/useRunActions';
import { useRunKeyPrompt } from '../../hooks/useRunKeyPrompt';
import { ErrorBanner } from '../ErrorBanner';
import { EndpointsEditor } from './EndpointsEditor';
import { ExamplesFields } from './ExamplesFields';
import { JudgeTemplateField } from './JudgeTemplateField';
import { RunEstimatePanel } from './RunEstimatePanel';
import { PendingGatePrompt } from './RunKeysPrompt';
import { RunOptionsFields } from './RunOptionsFields';
import { ShareSetupButton } from './ShareSetupButton';
import { EnvSettingsFields } from './EnvSettingsFields';
import {
  checkRunDraft,
  defaultRunName,
  draftForEnv,
  envOfDataset,
  runNamePlaceholder,
  type RunDraft,
} from './runDraft';
import { describeDraftSource, sourceSubject, type InitialDraft } from './initialDraft';
import { originOf } from '../../../core/endpointOrigin';
import { useHosts } from '../../hooks/useKeys';
import { isHostApproved } from '../../keys/hostStore';
import { slotEndpoints } from '../../keys/resolveRunKeys';

interface NewRunFormProps {
  datasets: readonly DatasetRecord[];
  /** The first values and where they came from (said on the form). */
  initial: InitialDraft;
  actions: RunActions;
  onCreated: (runId: string) => void;
}

/** Everything a run needs, checked as it is typed, with its cost estimated before it starts. */
export function NewRunForm({ datasets, initial, actions, onCreated }: NewRunFormProps) {
  const id = useId();
  const [draft, setDraft] = useState(initial.draft);
  const hosts = useHosts();
  const [isStarting, setIsStarting] = useState(false);
  const keyPrompt = useRunKeyPrompt();
  const examples = useExamples(draft.datasetId === '' ? undefined : draft.datasetId);
  const env = envOfDataset(datasets, draft.datasetId);
  // Memoised, so the estimate (built from every example's prompt) is not redone by renders that do
  // not change the draft, such as the Start click's (a 100 ms task at 2,000 examples, issue 14).
  const check = useMemo(() => checkRunDraft(draft, env), [draft, env]);
  const change = (patch: Partial<RunDraft>) =>
    setDraft((current) => {
      const next = { ...current, ...patch };
      const nextEnv = envOfDataset(datasets, next.datasetId);
      // Another benchmark: its own settings start from its defaults, its grader from the reference.
      return nextEnv.id === envOfDataset(datasets, current.datasetId).id
        ? next
        : { ...next, ...draftForEnv(nextEnv, next) };
    });
  const role =
    env.scoring.kind === 'jury' ? 'jury' : env.scoring.kind === 'rubric' ? 'grader' : 'none';
  const createError = actions.errors.new;
  // Start is impossible while an endpoint points at a host the user has not chosen (issue 10).
  const hostsOk =
    check.settings === null ||
    slotEndpoints(check.settings).every((entry) =>
      isHostApproved(hosts, originOf(entry.endpoint.baseUrl)),
    );

  const start = () => {
    const settings = check.settings;
    if (settings === null || !check.endpointsOk) return;
    keyPrompt.withKeys(settings, (keys) => {
      setIsStarting(true);
      const name = draft.name.trim() === '' ? defaultRunName(settings) : draft.name.trim();
      void actions.start(settings, name, keys, onCreated).finally(() => setIsStarting(false));
    });
  };

  return (
    <form
      className="run-form"
      aria-label="New run"
      onSubmit={(event) => {
        event.preventDefault();
        start();
      }}
    >
      <p className="muted small" data-testid="run-form-source">
        {describeDraftSource(initial.source)}
      </p>
      <div className="field">
        <label htmlFor={`${id}-name`}>Run name (optional)</label>
        <input
          id={`${id}-name`}
          name="runName"
          value={draft.name}
          placeholder={runNamePlaceholder(env)}
          onChange={(event) => change({ name: event.target.value })}
        />
      </div>
      <ExamplesFields draft={draft} datasets={datasets} onChange={change} />
      <EnvSettingsFields
        env={env}
        values={draft.envSettings}
        onChange={(envSettings) => change({ envSettings })}
      />
      <RunOptionsFields draft={draft} onChange={change} showJuryOptions={role === 'jury'} />
      <EndpointsEditor
        model={draft.model}
        judges={draft.judges}
        onModel={(model) => change({ model })}
        onJudges={(judges) => change({ judges })}
        role={role}
        source={sourceSubject(initial.source)}
      />
      {role === 'jury' && (
        <JudgeTemplateField
          template={draft.judgeTemplate}
          onChange={(judgeTemplate) => change({ judgeTemplate })}
        />
      )}
      {check.problems.length > 0 && (
        <ul className="field-error" aria-label="Problems with the run settings">
          {check.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {check.settings !== null && examples !== undefined && (
        <RunEstimatePanel settings={check.settings} examples={examples} env={env} />
      )}
      <PendingGatePrompt
        gate={keyPrompt}
        source={sourceSubject(initial.source)}
        keysTitle="Enter the missing API keys to start"
      />
      {createError !== undefined && (
        <ErrorBanner
          title="Could not create the run"
          error={createError}
          onDismiss={() => actions.clearError('new')}
        />
      )}
      <div className="actions">
        <button
          type="submit"
          className="primary"
          data-testid="run-start"
          disabled={check.settings === null || !check.endpointsOk || !hostsOk || isStarting}
        >
          Start run
        </button>
        {!check.endpointsOk && (
          <span className="muted small">Complete the endpoints above to start.</span>
        )}
        {check.endpointsOk && !hostsOk && (
          <span className="muted small" data-testid="run-start-blocked">
            Confirm or replace the hosts named above to start.
          </span>
        )}
        {check.settings !== null && <ShareSetupButton settings={check.settings} />}
      </div>
    </form>
  );
}
