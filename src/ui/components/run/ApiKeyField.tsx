import { useId } from 'react';
import { originOf } from '../../../core/endpointOrigin';
import { useKeys } from '../../hooks/useKeys';
import { keyStore } from '../../keys/keyStore';

interface ApiKeyFieldProps {
  /** The endpoint's base URL: the key shown and typed is its origin's. */
  baseUrl: string;
  /** False while the host waits for the user's confirmation: no key can be typed for it yet. */
  isApproved: boolean;
  isRequired: boolean;
  /** Where to create a key for this provider. */
  keyUrl?: string | undefined;
  /** Other endpoints on the same origin, which use the same key ("judge 1"). */
  sharedWith?: string | undefined;
}

/**
 * The key for one origin: in memory unless "remember" is ticked; never in the URL or a run record.
 * It is bound to the host it is typed for, so a changed base URL shows that host's key (usually none).
 */
export function ApiKeyField({
  baseUrl,
  isApproved,
  isRequired,
  keyUrl,
  sharedWith,
}: ApiKeyFieldProps) {
  const { keys, remembered } = useKeys();
  const id = useId();
  const origin = originOf(baseUrl);
  const value = origin === null ? '' : (keys[origin] ?? '');
  const isDisabled = origin === null || !isApproved;
  return (
    <div className="field">
      <label htmlFor={`${id}-key`}>
        API key{origin === null ? '' : ` for ${origin}`}
        {isRequired ? '' : ' (optional for this provider)'}
      </label>
      <input
        id={`${id}-key`}
        name="apiKey"
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={value}
        disabled={isDisabled}
        data-origin={origin ?? ''}
        placeholder={
          origin === null
            ? 'enter a valid base URL first'
            : isApproved
              ? ''
              : 'confirm this host above first'
        }
        onChange={(event) => {
          if (origin !== null) keyStore.setKey(origin, event.target.value);
        }}
      />
      {origin !== null && (
        <span className="muted small">
          Sent only to {origin}
          {sharedWith === undefined ? '' : `; ${sharedWith} on the same host uses it too`}.
        </span>
      )}
      {keyUrl !== undefined && (
        <a className="small" href={keyUrl} target="_blank" rel="noreferrer noopener">
          Create a key
        </a>
      )}
      <label className="checkbox small">
        <input
          type="checkbox"
          disabled={isDisabled}
          checked={origin !== null && remembered.has(origin)}
          onChange={(event) => {
            if (origin !== null) keyStore.setRemembered(origin, event.target.checked);
          }}
        />
        Remember on this device for this host (stored in this browser’s localStorage in plain text)
      </label>
    </div>
  );
}
