import { useId } from 'react';
import {
  DEFAULT_JUDGE_TEMPLATE,
  validateJudgeTemplate,
} from '../../../core/envs/mtsamples/judgeTemplate';

interface JudgeTemplateFieldProps {
  template: string;
  onChange: (template: string) => void;
}

/** The judge prompt (advanced): editable, checked, resettable; stored with the run. */
export function JudgeTemplateField({ template, onChange }: JudgeTemplateFieldProps) {
  const id = useId();
  const problems = validateJudgeTemplate(template);
  const isDefault = template === DEFAULT_JUDGE_TEMPLATE;
  return (
    <details className="advanced">
      <summary>Advanced: judge template{isDefault ? '' : ' (edited)'}</summary>
      <p className="muted small">
        Slots: {'{{patient_notes}}'}, {'{{response}}'}, {'{{reference}}'}. Inserted text is used
        as-is.
      </p>
      <label htmlFor={`${id}-template`}>Judge template</label>
      <textarea
        id={`${id}-template`}
        className="template"
        rows={14}
        spellCheck={false}
        value={template}
        aria-invalid={problems.length > 0}
        aria-describedby={problems.length > 0 ? `${id}-problems` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {problems.length > 0 && (
        <ul id={`${id}-problems`} className="field-error">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <button type="button" disabled={isDefault} onClick={() => onChange(DEFAULT_JUDGE_TEMPLATE)}>
        Reset to default
      </button>
    </details>
  );
}
