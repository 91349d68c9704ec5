import { useState } from 'react';

interface NumberFilterProps {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  step: number;
  min?: number;
  testId: string;
}

/**
 * A number input bound to a URL value. It keeps what is typed ("0." is on the way to "0.5") and
 * passes on only numbers, or null when emptied.
 */
export function NumberFilter({ label, value, onChange, step, min, testId }: NumberFilterProps) {
  const [draft, setDraft] = useState(value === null ? '' : String(value));
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (draft === '' ? value !== null : Number(draft) !== value) {
      setDraft(value === null ? '' : String(value));
    }
  }
  return (
    <label>
      {label}
      <input
        type="number"
        inputMode="decimal"
        step={step}
        min={min}
        value={draft}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          const number = Number(text);
          if (text === '') onChange(null);
          else if (Number.isFinite(number)) onChange(number);
        }}
        data-testid={testId}
      />
    </label>
  );
}
