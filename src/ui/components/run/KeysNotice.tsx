import { useKeys } from '../../hooks/useKeys';
import { keyStore } from '../../keys/keyStore';
import { UnboundKeys } from './UnboundKeys';

/** Where keys live and where they go, and a way to forget them all at once. */
export function KeysNotice() {
  const { keys, remembered, unbound } = useKeys();
  const held = Object.values(keys).filter((key) => key !== '').length;
  return (
    <>
      <p className="keys-notice small" data-testid="keys-notice">
        Each API key stays in this tab’s memory and goes only to the host it was typed for
        {remembered.size > 0
          ? `; ${remembered.size} remembered in this browser’s localStorage`
          : ''}
        . Links and imported results never choose where a key goes.{' '}
        <button
          type="button"
          className="link-button"
          data-testid="forget-keys"
          disabled={held === 0 && remembered.size === 0 && unbound.length === 0}
          onClick={() => keyStore.forgetAll()}
        >
          Forget all keys
        </button>
      </p>
      {unbound.length > 0 && <UnboundKeys unbound={unbound} />}
    </>
  );
}
