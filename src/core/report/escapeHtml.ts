// Owns the only way text reaches the report's HTML: `html` templates escape every interpolated value
// through `escapeHtml` unless it is already `SafeHtml` (markup we built), so forgetting to escape is a
// type error rather than an injection. Pure.

/** Markup built by our own templates; the only value `html` inserts without escaping. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = string | number | SafeHtml | readonly SafeHtml[] | null | undefined;

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

// C0 controls other than \t and \n, and DEL: shown as their Unicode "control pictures" (U+2400…) so a
// stray NUL or ESC in a reply stays visible instead of vanishing or breaking the document. \r\n is a
// line break, so it is kept as \n; a lone \r is shown.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

function controlPicture(ch: string): string {
  const code = ch.charCodeAt(0);
  return String.fromCharCode(code === 0x7f ? 0x2421 : 0x2400 + code);
}

/** Text as HTML character data or a quoted attribute value: & < > " ' escaped, controls made visible. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('\r\n', '\n')
    .replace(CONTROL, controlPicture)
    .replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof SafeHtml) return value.value;
  if (typeof value === 'number') return escapeHtml(String(value));
  if (typeof value === 'string') return escapeHtml(value);
  return value.map((part) => part.value).join('');
}

/**
 * Tagged template: the literal parts are our markup, every `${value}` is escaped (or SafeHtml). Named
 * `html` on purpose: Prettier then formats the templates as HTML, which only touches whitespace HTML
 * ignores (it leaves <pre> alone), so tests compare text with whitespace collapsed.
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** An id or class fragment from data, reduced to [A-Za-z0-9_-] (anything else becomes `_`). */
export function safeId(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9_-]/g, '_');
  return cleaned === '' ? '_' : cleaned;
}

/** The anchor id of one rollout's details: `r-<example>-<rollout>`. */
export function rolloutAnchor(exampleId: number, rolloutIndex: number): string {
  return safeId(`r-${exampleId}-${rolloutIndex}`);
}
