import { useId } from 'react';
import type { EnvModule, SettingField } from '../../../core/envs/types';

interface EnvSettingsFieldsProps {
  env: EnvModule;
  values: Record<string, unknown>;
  onChange: (values: Record<string, unknown>) => void;
}

/** A benchmark's own settings, rendered from what it declares (core/envs/<id>: `settings.fields`). */
export function EnvSettingsFields({ env, values, onChange }: EnvSettingsFieldsProps) {
  const id = useId();
  if (env.settings.fields.length === 0) return null;
  const current = { ...env.settings.defaults, ...values };
  const set = (key: string, value: unknown) => onChange({ ...values, [key]: value });
  return (
    <fieldset className="field-grid" data-testid="env-settings">
      <legend>{env.label} settings</legend>
      {env.settings.fields.map((field) => (
        <SettingInput
          key={field.key}
          inputId={`${id}-${field.key}`}
          field={field}
          value={current[field.key]}
          onChange={(value) => set(field.key, value)}
        />
      ))}
    </fieldset>
  );
}

interface SettingInputProps {
  inputId: string;
  field: SettingField;
  value: unknown;
  onChange: (value: unknown) => void;
}

function SettingInput({ inputId, field, value, onChange }: SettingInputProps) {
  const help = field.help === undefined ? null : <span className="muted small">{field.help}</span>;
  if (field.kind === 'boolean') {
    return (
      <label className="checkbox">
        <input
          type="checkbox"
          checked={value === true}
          onChange={(e) => onChange(e.target.checked)}
        />
        {field.label} {help}
      </label>
    );
  }
  return (
    <div className="field">
      <label htmlFor={inputId}>{field.label}</label>
      {field.kind === 'select' ? (
        <select id={inputId} value={String(value)} onChange={(e) => onChange(e.target.value)}>
          {field.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={inputId}
          type="number"
          min={field.min}
          max={field.max}
          step={field.step ?? 1}
          value={typeof value === 'number' ? value : ''}
          // A number field that is being typed may be empty; the schema reports it until it is valid.
          onChange={(e) => onChange(e.target.value === '' ? '' : Number(e.target.value))}
        />
      )}
      {help}
    </div>
  );
}
