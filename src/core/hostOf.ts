// A URL's host for messages and host checks, once for every layer (issue 11: it was written three
// times). Pure.

/** `host[:port]` of a URL (lower-cased by the URL parser for http and https), or `fallback`. */
export function hostOf(url: string, fallback = 'an invalid URL'): string {
  try {
    return new URL(url).host;
  } catch {
    return fallback;
  }
}
