import { useState } from 'react';
import { toAppError } from '../../../core/errors';
import { corsHelpFor, getPreset } from '../../../core/presets';
import type { EndpointConfig } from '../../../core/schema/endpoint';
import type { WorkerApi } from '../../../worker/workerApi';
import { useServices } from '../../appContext';
import { originOf, PRESET_ORIGINS } from '../../../core/endpointOrigin';
import { hostStore } from '../../keys/hostStore';

type ConnectionResult = Awaited<ReturnType<WorkerApi['testConnection']>>;

interface ConnectionTestProps {
  /** Null while the endpoint is incomplete or its host waits for confirmation: nothing is sent. */
  config: EndpointConfig | null;
  apiKey: string;
}

/** A request to a host the user chose (typed or confirmed) makes it theirs; note whether it took a key. */
export function noteHostUse(baseUrl: string, apiKey: string): void {
  const origin = originOf(baseUrl);
  if (origin === null) return;
  if (!PRESET_ORIGINS.has(origin)) hostStore.confirm([origin]);
  hostStore.noteKeyUse([{ origin, usesKey: apiKey.trim() !== '' }]);
}

/** One tiny request that says which thing is wrong: CORS, key, model or reachability. */
export function ConnectionTest({ config, apiKey }: ConnectionTestProps) {
  const { worker } = useServices();
  const [isTesting, setIsTesting] = useState(false);
  const [result, setResult] = useState<ConnectionResult | null>(null);

  const test = async () => {
    if (config === null) return;
    setIsTesting(true);
    setResult(null);
    noteHostUse(config.baseUrl, apiKey);
    try {
      setResult(await worker.testConnection(config, apiKey));
    } catch (error) {
      const appError = toAppError(error);
      if (appError.kind !== 'aborted') {
        setResult({
          ok: false,
          kind: 'unknown',
          message: appError.message,
          nextStep: appError.nextStep ?? 'Check the endpoint settings and try again.',
        });
      }
    } finally {
      setIsTesting(false);
    }
  };

  return (
    <div className="connection">
      <button
        type="button"
        data-testid="test-connection"
        onClick={() => void test()}
        disabled={config === null || isTesting}
      >
        {isTesting ? 'Testing…' : 'Test connection'}
      </button>
      <div data-testid="connection-result" role="status" aria-live="polite">
        {result !== null && <ResultText result={result} config={config} />}
      </div>
    </div>
  );
}

function ResultText({
  result,
  config,
}: {
  result: ConnectionResult;
  config: EndpointConfig | null;
}) {
  if (result.ok) {
    return (
      <p className="connection-ok" data-ok="true">
        Connected in {Math.round(result.latencyMs)} ms · {result.model} · replied “{result.sample}”
      </p>
    );
  }
  const preset = config === null ? undefined : getPreset(config.presetId);
  const corsHelp =
    result.kind === 'cors' && preset !== undefined
      ? corsHelpFor(preset, window.location.origin)
      : null;
  return (
    <div className="connection-failed" data-ok="false" data-kind={result.kind}>
      <p>
        <strong>{result.kind}</strong>: {result.message}
      </p>
      <p>{result.nextStep}</p>
      {corsHelp !== null && !result.nextStep.includes(corsHelp) && <p>{corsHelp}</p>}
    </div>
  );
}
