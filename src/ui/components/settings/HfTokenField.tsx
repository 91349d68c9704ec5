import { useId } from 'react';
import type { SourceSettings } from '../../../core/schema/sourceSettings';
import { useKeys } from '../../hooks/useKeys';
import { keyStore } from '../../keys/keyStore';
import { hfTokenOrigins } from './hfTokenHosts';

/**
 * A Hugging Face token for gated datasets: kept in this tab's memory (in this browser too only when
 * the user ticks Remember) under the origins of the Hugging Face hosts saved above, sent only there.
 */
export function HfTokenField({ saved }: { saved: SourceSettings }) {
  const keys = useKeys();
  const id = useId();
  const origins = hfTokenOrigins(saved);
  const first = origins[0];
  if (first === undefined) return null;
  const value = keys.keys[first] ?? '';
  const remembered = origins.every((origin) => keys.remembered.has(origin));
  const hosts = origins.map((origin) => new URL(origin).host).join(' and ');
  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="hf-token">
      <h2 id={`${id}-title`}>Hugging Face token</h2>
      <p className="muted">
        Only for gated datasets (accept their conditions on Hugging Face first). Sent only to{' '}
        {hosts}, never in a link, an export or a stored record; kept in this tab unless you tick
        Remember.
      </p>
      <label className="field">
        <span>Token for {hosts}</span>
        <input
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={value}
          data-testid="hf-token-input"
          onChange={(event) => {
            for (const origin of origins) keyStore.setKey(origin, event.target.value);
          }}
        />
      </label>
      <label className="checkbox small">
        <input
          type="checkbox"
          checked={remembered}
          onChange={(event) => {
            for (const origin of origins) keyStore.setRemembered(origin, event.target.checked);
          }}
        />{' '}
        Remember in this browser (plain text in its storage)
      </label>
    </section>
  );
}
