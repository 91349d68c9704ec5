import { useKeys } from '../../hooks/useKeys';
import { keyStore } from '../../keys/keyStore';

/** Where keys live, and a way to forget them all at once. */
export function KeysNotice() {
  const { keys, remembered } = useKeys();
  const held = Object.values(keys).filter((key) => key !== '').length;
  return (
    <p className="keys-notice small" data-testid="keys-notice">
      API keys stay in this tab’s memory and go only to the endpoints you set
      {remembered.size > 0
        ? `; ${remembered.size} remembered in this browser’s localStorage`
        : ''}.{' '}
      <button
        type="button"
        className="link-button"
        data-testid="forget-keys"
        disabled={held === 0 && remembered.size === 0}
        onClick={() => keyStore.forgetAll()}
      >
        Forget all keys
      </button>
    </p>
  );
}
