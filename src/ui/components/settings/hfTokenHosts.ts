// Which origins a Hugging Face token is entered for: those of the Hub and dataset viewer hosts saved
// in Settings. The token is stored in the key store under each (a key like any other, issue 15).
import { originOf } from '../../../core/endpointOrigin';
import type { SourceSettings } from '../../../core/schema/sourceSettings';
import type { KeySnapshot } from '../../keys/keyStore';

export function hfTokenOrigins(
  settings: Pick<SourceSettings, 'hfHubBase' | 'hfViewerBase'>,
): string[] {
  const origins = [originOf(settings.hfHubBase), originOf(settings.hfViewerBase)];
  return [...new Set(origins.filter((origin): origin is string => origin !== null))];
}

/** The tokens a load may use: the key of each Hugging Face origin of `settings` that has one. */
export function hfTokensFor(
  snapshot: KeySnapshot,
  settings: Pick<SourceSettings, 'hfHubBase' | 'hfViewerBase'>,
): Record<string, string> {
  return Object.fromEntries(
    hfTokenOrigins(settings).flatMap((origin) => {
      const token = (snapshot.keys[origin] ?? '').trim();
      return token === '' ? [] : [[origin, token] as const];
    }),
  );
}
