import { useId, useState } from 'react';
import { priceHintFor, type PriceHint } from '../../../core/presets';
import { setModelPrice } from '../../hooks/useRunPrices';

interface PriceInputsProps {
  model: string;
  prices: Readonly<Record<string, PriceHint>>;
}

function text(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

/** The editable price of one model (USD per 1M tokens); both halves are needed for a price. */
export function PriceInputs({ model, prices }: PriceInputsProps) {
  const id = useId();
  const current = priceHintFor(model, prices);
  const [input, setInput] = useState(text(current?.inputPerM));
  const [output, setOutput] = useState(text(current?.outputPerM));

  const save = (nextInput: string, nextOutput: string) => {
    const inputPerM = Number(nextInput);
    const outputPerM = Number(nextOutput);
    if (nextInput.trim() === '' && nextOutput.trim() === '') setModelPrice(model, null);
    else if (
      nextInput.trim() !== '' &&
      nextOutput.trim() !== '' &&
      inputPerM >= 0 &&
      outputPerM >= 0
    ) {
      setModelPrice(model, { inputPerM, outputPerM });
    }
  };

  return (
    <span className="price-inputs">
      <label htmlFor={`${id}-in`} className="small">
        in $/1M
      </label>
      <input
        id={`${id}-in`}
        type="number"
        min={0}
        step="0.01"
        value={input}
        placeholder="unknown"
        onChange={(event) => {
          setInput(event.target.value);
          save(event.target.value, output);
        }}
      />
      <label htmlFor={`${id}-out`} className="small">
        out $/1M
      </label>
      <input
        id={`${id}-out`}
        type="number"
        min={0}
        step="0.01"
        value={output}
        placeholder="unknown"
        onChange={(event) => {
          setOutput(event.target.value);
          save(input, event.target.value);
        }}
      />
    </span>
  );
}
