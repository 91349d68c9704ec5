import { useId } from 'react';
import { parseExtraJson, type EndpointDraft } from './endpointDraft';

interface SamplingFieldsProps {
  draft: EndpointDraft;
  onChange: (change: Partial<EndpointDraft>) => void;
}

const NUMBER_FIELDS = [
  { key: 'temperature', label: 'Temperature', step: '0.1', hint: '0–2' },
  { key: 'maxTokens', label: 'Max tokens', step: '1', hint: 'unset: model default' },
  { key: 'topP', label: 'top_p', step: '0.05', hint: '0–1' },
  { key: 'seed', label: 'Seed', step: '1', hint: 'integer' },
] as const;

/** Sampling settings; empty means "not sent" (the benchmark sets none: spec §3). */
export function SamplingFields({ draft, onChange }: SamplingFieldsProps) {
  const id = useId();
  const extra = parseExtraJson(draft.extraJson);
  return (
    <details className="sampling">
      <summary>Sampling and request body</summary>
      <div className="field-grid">
        {NUMBER_FIELDS.map((field) => (
          <div className="field" key={field.key}>
            <label htmlFor={`${id}-${field.key}`}>{field.label}</label>
            <input
              id={`${id}-${field.key}`}
              name={field.key}
              type="number"
              step={field.step}
              placeholder={field.hint}
              value={draft[field.key]}
              onChange={(event) => onChange({ [field.key]: event.target.value })}
            />
          </div>
        ))}
      </div>
      <div className="field">
        <label htmlFor={`${id}-extra`}>Extra body JSON (an object, sent as-is)</label>
        <textarea
          id={`${id}-extra`}
          name="extraJson"
          rows={3}
          spellCheck={false}
          placeholder={'{"reasoning_effort": "low"}'}
          value={draft.extraJson}
          aria-invalid={!extra.ok}
          aria-describedby={extra.ok ? undefined : `${id}-extra-error`}
          onChange={(event) => onChange({ extraJson: event.target.value })}
        />
        {!extra.ok && (
          <span id={`${id}-extra-error`} className="field-error">
            Extra body JSON {extra.problem}
          </span>
        )}
      </div>
    </details>
  );
}
