import { useState } from 'react';
import { toAppError, type AppError } from '../../../core/errors';
import type { Suite } from '../../../core/suites/suite';
import { useServices } from '../../appContext';
import { useRunKeyPrompt } from '../../hooks/useRunKeyPrompt';
import { ErrorBanner } from '../ErrorBanner';
import { EndpointEditor } from '../run/EndpointEditor';
import { PendingGatePrompt } from '../run/RunKeysPrompt';
import { SuiteEstimatePanel } from './SuiteEstimatePanel';
import { SuiteOptionsFields } from './SuiteOptionsFields';
import { checkSuiteRunDraft, defaultSuiteRunDraft, suiteRunName } from './suiteRunDraft';

interface SuiteRunFormProps {
  suite: Suite;
  /** How many entries can run now (0 disables Start). */
  runnable: number;
  readyKey: string;
  onStarted: (suiteRunId: string) => void;
}

/** One model, one click: the suite's runs are created and started together. */
export function SuiteRunForm({ suite, runnable, readyKey, onStarted }: SuiteRunFormProps) {
  const { worker } = useServices();
  const [draft, setDraft] = useState(defaultSuiteRunDraft);
  const [error, setError] = useState<AppError | null>(null);
  const [isStarting, setIsStarting] = useState(false);
  const keyPrompt = useRunKeyPrompt();
  const check = checkSuiteRunDraft(draft);
  const request = check.request;

  const start = () => {
    if (request === null) return;
    keyPrompt.withKeys({ model: request.model, judges: [] }, (keys) => {
      setIsStarting(true);
      setError(null);
      const name = suiteRunName(suite, request.model, request.options);
      worker
        .createSuiteRun({ suite, ...request, name })
        .then((id) => {
          onStarted(id);
          return worker.startSuiteRun(id, keys);
        })
        .catch((caught: unknown) => {
          const appError = toAppError(caught);
          if (appError.kind !== 'aborted') setError(appError);
        })
        .finally(() => setIsStarting(false));
    });
  };

  return (
    <form
      className="run-form"
      aria-label="Run the suite"
      onSubmit={(event) => {
        event.preventDefault();
        start();
      }}
    >
      <EndpointEditor
        title="Model under test"
        testId="suite-model"
        draft={draft.model}
        onChange={(model) => setDraft({ ...draft, model })}
      />
      <SuiteOptionsFields draft={draft} onChange={(patch) => setDraft({ ...draft, ...patch })} />
      {check.problems.length > 0 && (
        <ul className="field-error">
          {check.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {request !== null && (
        <SuiteEstimatePanel
          suite={suite}
          model={request.model}
          options={request.options}
          readyKey={readyKey}
        />
      )}
      <PendingGatePrompt
        gate={keyPrompt}
        source="This suite run"
        keysTitle="Enter the missing API key to start"
      />
      {error !== null && (
        <ErrorBanner
          title="The suite could not start"
          error={error}
          onDismiss={() => setError(null)}
        />
      )}
      <div className="actions">
        <button
          type="submit"
          className="primary"
          data-testid="suite-start"
          disabled={request === null || runnable === 0 || isStarting}
        >
          Run {runnable} entries
        </button>
      </div>
    </form>
  );
}
