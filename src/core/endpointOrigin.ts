// Keys are bound to origins (issue 10): the exact scheme, host and port a key was typed for, so no
// link, import or preset can point a key at another host. This module says what a base URL's origin
// is, and whether a provider preset truthfully names it. Pure.
import { getPreset, PRESETS } from './presets';

/** `scheme://host[:port]` of an http(s) base URL (default ports dropped, host lower-cased); else null. */
export function originOf(baseUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '') return null;
  return url.origin;
}

/**
 * Origins of the app's own provider presets. This code chose them, not a link, so they need no
 * confirmation before a request (a key still goes only to the origin it was typed for).
 */
export const PRESET_ORIGINS: ReadonlySet<string> = new Set(
  PRESETS.map((preset) => originOf(preset.baseUrl)).filter(
    (origin): origin is string => origin !== null,
  ),
);

/**
 * The preset id to show for an endpoint. A hosted provider's preset (one that needs a key) names a
 * host: on any other origin it would be a lie ("OpenAI" on an attacker's URL), so it reads as a custom
 * endpoint. Presets of local servers (Ollama, LM Studio, vLLM) name software, which may run anywhere.
 */
export function truthfulPresetId(presetId: string, baseUrl: string): string {
  const preset = getPreset(presetId);
  if (preset === undefined) return 'custom';
  if (!preset.requiresKey || preset.baseUrl === '') return presetId;
  return originOf(preset.baseUrl) === originOf(baseUrl) ? presetId : 'custom';
}
