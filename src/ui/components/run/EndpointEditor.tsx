import { useId } from 'react';
import { originOf } from '../../../core/endpointOrigin';
import { PRESETS, corsHelpFor, getPreset } from '../../../core/presets';
import { useHosts, useKeys } from '../../hooks/useKeys';
import { hostStore, isHostApproved } from '../../keys/hostStore';
import { keyForUrl } from '../../keys/keyStore';
import { ApiKeyField } from './ApiKeyField';
import { ConnectionTest } from './ConnectionTest';
import { checkEndpoint, withBaseUrl, withPreset, type EndpointDraft } from './endpointDraft';
import { ModelField } from './ModelField';
import { SamplingFields } from './SamplingFields';

interface EndpointEditorProps {
  title: string;
  testId: string;
  draft: EndpointDraft;
  onChange: (draft: EndpointDraft) => void;
  /** Other endpoints on the same origin (they share its key), for the key field's note. */
  sharedWith?: string | undefined;
  onRemove?: (() => void) | undefined;
}

/** One OpenAI-compatible endpoint: provider, URL, model, key, sampling, and a connection test. */
export function EndpointEditor(props: EndpointEditorProps) {
  const { title, testId, draft, onChange, sharedWith, onRemove } = props;
  const keys = useKeys();
  const hosts = useHosts();
  const id = useId();
  const preset = getPreset(draft.presetId);
  const check = checkEndpoint(draft);
  const origin = originOf(draft.baseUrl);
  const isApproved = isHostApproved(hosts, origin);
  // Nothing is sent to a host the user has not chosen: no test, no model list (issue 10).
  const config = check.ok && isApproved ? check.config : null;
  const apiKey = isApproved ? keyForUrl(keys, draft.baseUrl) : '';
  const change = (patch: Partial<EndpointDraft>) => onChange({ ...draft, ...patch });
  const typeBaseUrl = (baseUrl: string) => {
    const typed = originOf(baseUrl);
    // The user's own keystrokes chose this host; editing the path of a URL that came from a link
    // (same origin) does not.
    if (typed !== null && typed !== origin) hostStore.noteTyped(typed);
    onChange(withBaseUrl(draft, baseUrl));
  };

  return (
    <fieldset className="endpoint" data-testid={testId}>
      <legend>{title}</legend>
      {onRemove !== undefined && (
        <button type="button" className="endpoint-remove" onClick={onRemove}>
          Remove {title.toLowerCase()}
        </button>
      )}
      <div className="field-grid">
        <div className="field">
          <label htmlFor={`${id}-preset`}>Provider</label>
          <select
            id={`${id}-preset`}
            name="presetId"
            value={draft.presetId}
            onChange={(event) => onChange(withPreset(draft, event.target.value))}
          >
            {PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-base`}>Base URL</label>
          <input
            id={`${id}-base`}
            name="baseUrl"
            type="url"
            spellCheck={false}
            value={draft.baseUrl}
            placeholder="https://host/v1"
            onChange={(event) => typeBaseUrl(event.target.value)}
          />
        </div>
        <ModelField
          draft={draft}
          isApproved={isApproved}
          apiKey={apiKey}
          onModel={(model) => change({ model })}
        />
        <ApiKeyField
          baseUrl={draft.baseUrl}
          isApproved={isApproved}
          keyUrl={preset?.keyUrl}
          isRequired={preset?.requiresKey ?? false}
          sharedWith={sharedWith}
        />
      </div>
      {preset !== undefined && (
        <p className="muted small">{corsHelpFor(preset, window.location.origin)}</p>
      )}
      <SamplingFields draft={draft} onChange={change} />
      {!check.ok && check.problems.length > 0 && (
        <ul className="field-error" aria-label={`Problems with ${title}`}>
          {check.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {origin !== null && !isApproved && (
        <p className="small" data-testid="host-unconfirmed">
          Nothing is sent to {origin} until you confirm it above.
        </p>
      )}
      <ConnectionTest config={config} apiKey={apiKey} />
    </fieldset>
  );
}
