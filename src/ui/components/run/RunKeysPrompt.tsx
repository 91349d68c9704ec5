import { getPreset } from '../../../core/presets';
import { truthfulPresetId } from '../../../core/endpointOrigin';
import type { RunKeyPrompt } from '../../hooks/useRunKeyPrompt';
import type { MissingKey } from '../../keys/resolveRunKeys';
import { ApiKeyField } from './ApiKeyField';
import { describeLabels, HostConfirm } from './HostConfirm';

interface RunKeysPromptProps {
  /** One entry per host: the endpoints there share its key. */
  hosts: readonly MissingKey[];
  title: string;
  /** Absent when the fields are for review only (no pending action). */
  onContinue?: (() => void) | undefined;
  onDismiss?: (() => void) | undefined;
}

/** Key fields for a run's hosts, asked for inline when starting or resuming needs them. */
export function RunKeysPrompt(props: RunKeysPromptProps) {
  const { hosts, title, onContinue, onDismiss } = props;
  return (
    <section className="banner key-prompt" aria-label={title} data-testid="run-key-prompt">
      <strong>{title}</strong>
      {hosts.map((host) => {
        const first = host.endpoints[0]?.endpoint;
        const preset =
          first === undefined
            ? undefined
            : getPreset(truthfulPresetId(first.presetId, first.baseUrl));
        return (
          <div key={host.origin} className="key-prompt-row" data-origin={host.origin}>
            <p className="small">
              {host.origin}: used by {describeLabels(host.endpoints.map((entry) => entry.label))} (
              {host.endpoints.map((entry) => entry.endpoint.model).join(', ')})
            </p>
            <ApiKeyField
              baseUrl={first?.baseUrl ?? ''}
              isApproved
              keyUrl={preset?.keyUrl}
              isRequired={host.isRequired}
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

/** Whatever a pending start, resume or re-score waits for: hosts to confirm first, then keys. */
export function PendingGatePrompt({
  gate,
  source,
  keysTitle,
}: {
  gate: RunKeyPrompt;
  /** Who chose the hosts, for the confirmation: "This run", "This imported run". */
  source: string;
  keysTitle: string;
}) {
  const { pending } = gate;
  if (pending === null) return null;
  if (pending.unapproved.length > 0) {
    return (
      <HostConfirm
        hosts={pending.unapproved.map((host) => ({
          origin: host.origin,
          labels: host.endpoints.map((entry) => entry.label),
        }))}
        source={source}
        onConfirm={(origin) => gate.confirmHosts([origin])}
        onReject={gate.dismiss}
        rejectLabel="No"
      />
    );
  }
  return (
    <RunKeysPrompt
      title={keysTitle}
      hosts={pending.missing}
      onContinue={gate.resolve}
      onDismiss={gate.dismiss}
    />
  );
}
