import { useState } from 'react';
import type { RunSettings } from '../../../core/schema/run';
import { encodeSetup, SHARE_PARAM } from '../../../core/shareSetup';

/** The current page's address with `#/run?setup=…`: the setup, never a key. */
function setupLink(settings: RunSettings): string {
  const url = new URL(window.location.href);
  url.hash = `#/run?${new URLSearchParams({ [SHARE_PARAM]: encodeSetup(settings) }).toString()}`;
  return url.toString();
}

export function ShareSetupButton({ settings }: { settings: RunSettings }) {
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const share = () => {
    const next = setupLink(settings);
    setLink(next);
    navigator.clipboard.writeText(next).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <span className="share-setup">
      <button type="button" onClick={share} data-testid="share-setup">
        Copy link to this setup
      </button>
      {link !== null && (
        <label className="small">
          {copied ? 'Copied. ' : 'Copy this link: '}It holds the settings and endpoints, never your
          keys.{' '}
          <input
            readOnly
            value={link}
            data-testid="share-setup-url"
            onFocus={(e) => e.target.select()}
          />
        </label>
      )}
    </span>
  );
}
