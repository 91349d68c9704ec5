import { useId } from 'react';
import { useKeys } from '../../hooks/useKeys';
import { keyStore, type KeySlot } from '../../keys/keyStore';

interface ApiKeyFieldProps {
  slot: KeySlot;
  /** Where to create a key for this provider. */
  keyUrl?: string | undefined;
  isRequired: boolean;
  /** Label of the endpoint whose key this one uses when it has none of its own. */
  borrowsFrom?: string | undefined;
}

/** The key for one endpoint: in memory unless "remember" is ticked; never in the URL or a run record. */
export function ApiKeyField({ slot, keyUrl, isRequired, borrowsFrom }: ApiKeyFieldProps) {
  const { keys, remembered } = useKeys();
  const id = useId();
  const value = keys[slot] ?? '';
  return (
    <div className="field">
      <label htmlFor={`${id}-key`}>
        API key{isRequired ? '' : ' (optional for this provider)'}
      </label>
      <input
        id={`${id}-key`}
        name="apiKey"
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={value}
        placeholder={borrowsFrom === undefined ? '' : `using the key of ${borrowsFrom}`}
        onChange={(event) => keyStore.setKey(slot, event.target.value)}
      />
      {value === '' && borrowsFrom !== undefined && (
        <span className="muted small">Same base URL: the key of {borrowsFrom} is used.</span>
      )}
      {keyUrl !== undefined && (
        <a className="small" href={keyUrl} target="_blank" rel="noreferrer noopener">
          Create a key
        </a>
      )}
      <label className="checkbox small">
        <input
          type="checkbox"
          checked={remembered.has(slot)}
          onChange={(event) => keyStore.setRemembered(slot, event.target.checked)}
        />
        Remember on this device (stored in this browser’s localStorage in plain text)
      </label>
    </div>
  );
}
