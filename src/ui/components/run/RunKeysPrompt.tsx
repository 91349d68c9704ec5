import { getPreset } from '../../../core/presets';
import { useKeys } from '../../hooks/useKeys';
import { keyDonors, type SlotEndpoint } from '../../keys/resolveRunKeys';
import { ApiKeyField } from './ApiKeyField';

interface RunKeysPromptProps {
  endpoints: readonly SlotEndpoint[];
  title: string;
  /** Absent when the fields are for review only (no pending action). */
  onContinue?: (() => void) | undefined;
  onDismiss?: (() => void) | undefined;
}

/** Key fields for a run's endpoints, asked for inline when starting or resuming needs them. */
export function RunKeysPrompt({ endpoints, title, onContinue, onDismiss }: RunKeysPromptProps) {
  const { keys } = useKeys();
  const donors = keyDonors(
    endpoints.map((entry) => ({ slot: entry.slot, baseUrl: entry.endpoint.baseUrl })),
    keys,
  );
  const labelOf = (slot: string | undefined) =>
    endpoints.find((entry) => entry.slot === slot)?.label.toLowerCase();
  return (
    <section className="banner key-prompt" aria-label={title} data-testid="run-key-prompt">
      <strong>{title}</strong>
      {endpoints.map((entry) => {
        const preset = getPreset(entry.endpoint.presetId);
        return (
          <div key={entry.slot} className="key-prompt-row">
            <p className="small">
              {entry.label}: {entry.endpoint.model} at {entry.endpoint.baseUrl}
            </p>
            <ApiKeyField
              slot={entry.slot}
              keyUrl={preset?.keyUrl}
              isRequired={preset?.requiresKey ?? false}
              borrowsFrom={labelOf(donors.get(entry.slot))}
            />
          </div>
        );
      })}
      <div className="actions">
        {onContinue !== undefined && (
          <button type="button" className="primary" onClick={onContinue}>
            Continue
          </button>
        )}
        {onDismiss !== undefined && (
          <button type="button" onClick={onDismiss}>
            Not now
          </button>
        )}
      </div>
    </section>
  );
}
