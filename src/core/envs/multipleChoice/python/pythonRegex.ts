// Owns the few pieces of Python `re` semantics that JavaScript regular expressions spell differently,
// so ports of reference patterns read like their originals:
// - Python's `\w`, `\b` and `\d` on str patterns are Unicode-aware; JavaScript's are ASCII-only even
//   with the `u` flag. `W` is Python's word class (str.isalnum() or "_", i.e. letters and numbers of
//   any script), `B`/`NB` its word boundary and non-boundary.
// - Python's `\s` on str (str.isspace()) also matches U+001C–U+001F and U+0085 and not U+FEFF,
//   unlike JavaScript's.
// - Scoped flags such as `(?-i:[A-Z])` are not available on Node 20: `ci('both')` spells a word
//   case-insensitively inside a case-sensitive pattern instead. Pure.

/** Python's `\w` for str patterns, as a character class body. */
export const W = String.raw`\p{L}\p{N}_`;
/** Python's `\w`. @public: the table of Python classes is kept whole for reference ports. */
export const WORD = `[${W}]`;
/** Python's `\W`. @public */
export const NON_WORD = `[^${W}]`;
/** Python's `\b`. */
export const B = `(?:(?<=[${W}])(?![${W}])|(?<![${W}])(?=[${W}]))`;
/** Python's `\d` (Unicode decimal digits). */
export const DIGIT = String.raw`\p{Nd}`;
/** Python's `\s` for str patterns (str.isspace()). */
export const SPACE_CLASS = String.raw`\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000`;
export const SPACE = `[${SPACE_CLASS}]`;
/** Python's `\S`. @public */
export const NON_SPACE = `[^${SPACE_CLASS}]`;

/** A word matched case-insensitively, letter by letter, for use where the `i` flag is off. */
export function ci(word: string): string {
  return Array.from(word)
    .map((ch) => {
      const lower = ch.toLowerCase();
      const upper = ch.toUpperCase();
      return lower === upper ? escapeRegex(ch) : `[${lower}${upper}]`;
    })
    .join('');
}

function escapeRegex(text: string): string {
  // Only syntax characters: with the `u` flag any other escaped character is a syntax error.
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Python's `re.escape` followed by `.replace(r"\ ", r"\s+")`: a literal where any run of spaces matches. */
export function flexibleLiteral(text: string): string {
  return text
    .split(' ')
    .map((part) => escapeRegex(part))
    .join(`${SPACE}+`);
}

/** Python's str.isspace() for one character. */
export function isPySpace(ch: string): boolean {
  return new RegExp(`^${SPACE}$`, 'u').test(ch);
}

/** Python's str.strip() with no argument (Unicode whitespace, as str.isspace()). */
export function pyStrip(text: string): string {
  return text.replace(new RegExp(`^${SPACE}+|${SPACE}+$`, 'gu'), '');
}

/** Python's str.lstrip() with no argument. */
export function pyLstrip(text: string): string {
  return text.replace(new RegExp(`^${SPACE}+`, 'u'), '');
}

/** Python's str.split() with no argument: runs of whitespace separate, no empty parts. */
export function pySplit(text: string): string[] {
  return text.split(new RegExp(`${SPACE}+`, 'u')).filter((part) => part !== '');
}

/** The line boundaries of Python's str.splitlines(), as a character class body. */
const LINE_BREAKS = String.raw`\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029`;

/** Python's str.splitlines() (no keepends): the line boundaries Python recognises. */
export function pySplitlines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(new RegExp(`\\r\\n|[${LINE_BREAKS}]`, 'u'));
  const last = text.at(-1) ?? '';
  // A trailing line break does not open an empty last line.
  if (new RegExp(`[${LINE_BREAKS}]`, 'u').test(last)) lines.pop();
  return lines;
}

/** Python's str.isdigit() for a whole (non-empty) string. */
export function pyIsDigit(text: string): boolean {
  return text !== '' && /^[\p{Nd}\p{No}]+$/u.test(text) && Array.from(text).every(isPyDigitChar);
}

function isPyDigitChar(ch: string): boolean {
  // isdigit() is true for Numeric_Type Digit or Decimal: Nd, plus the superscript and circled digits
  // of No (e.g. "²", "①"), but not vulgar fractions ("½") or other No characters.
  if (/\p{Nd}/u.test(ch)) return true;
  return /[\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792\u{10a40}-\u{10a43}\u{1f100}-\u{1f10a}]/u.test(
    ch,
  );
}

/** Python's str.isalpha() for a whole (non-empty) string. */
export function pyIsAlpha(text: string): boolean {
  return text !== '' && /^\p{L}+$/u.test(text);
}

/** Python's len() of a str: code points, not UTF-16 units. */
export function pyLen(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}
