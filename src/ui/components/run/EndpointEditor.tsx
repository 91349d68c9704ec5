import { useId } from 'react';
import { PRESETS, corsHelpFor, getPreset } from '../../../core/presets';
import { useKeys } from '../../hooks/useKeys';
import type { KeySlot } from '../../keys/keyStore';
import { ApiKeyField } from './ApiKeyField';
import { ConnectionTest } from './ConnectionTest';
import { checkEndpoint, withPreset, type EndpointDraft } from './endpointDraft';
import { ModelField } from './ModelField';
import { SamplingFields } from './SamplingFields';

interface EndpointEditorProps {
  title: string;
  slot: KeySlot;
  testId: string;
  draft: EndpointDraft;
  onChange: (draft: EndpointDraft) => void;
  /** The endpoint whose key this one borrows (same base URL), by slot and label. */
  donor?: { slot: KeySlot; label: string } | undefined;
  onRemove?: (() => void) | undefined;
}

/** One OpenAI-compatible endpoint: provider, URL, model, key, sampling, and a connection test. */
export function EndpointEditor(props: EndpointEditorProps) {
  const { title, slot, testId, draft, onChange, donor, onRemove } = props;
  const { keys } = useKeys();
  const id = useId();
  const preset = getPreset(draft.presetId);
  const check = checkEndpoint(draft);
  const ownKey = keys[slot] ?? '';
  const apiKey = ownKey !== '' || donor === undefined ? ownKey : (keys[donor.slot] ?? '');
  const change = (patch: Partial<EndpointDraft>) => onChange({ ...draft, ...patch });

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
            onChange={(event) => change({ baseUrl: event.target.value })}
          />
        </div>
        <ModelField draft={draft} apiKey={apiKey} onModel={(model) => change({ model })} />
        <ApiKeyField
          slot={slot}
          keyUrl={preset?.keyUrl}
          isRequired={preset?.requiresKey ?? false}
          borrowsFrom={donor?.label}
        />
      </div>
      {preset !== undefined && (
        <p className="muted small">{corsHelpFor(preset, window.location.origin)}</p>
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          name="stripSdkHeaders"
          checked={draft.stripSdkHeaders}
          onChange={(event) => change({ stripSdkHeaders: event.target.checked })}
        />
        Strip SDK headers (x-stainless-*), which many providers’ CORS checks reject
      </label>
      <SamplingFields draft={draft} onChange={change} />
      {!check.ok && check.problems.length > 0 && (
        <ul className="field-error" aria-label={`Problems with ${title}`}>
          {check.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <ConnectionTest config={check.ok ? check.config : null} apiKey={apiKey} />
    </fieldset>
  );
}
