// Character-level edits of JSON text that must never touch the inside of strings (where a `,`, a
// brace or the word NaN is just text). Used to tolerate trailing commas in judge replies and NaN
// tokens in results files written by Python.

/** What to put in place of the text at `index`, and how many characters that replaces. */
export type OutsideStringEdit = { insert: string; consumed: number } | null;

/** Rebuilds `text`, letting `edit` replace text at any position outside a JSON string. */
export function editOutsideStrings(
  text: string,
  edit: (text: string, index: number) => OutsideStringEdit,
): string {
  let out = '';
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
    } else {
      const change = edit(text, i);
      if (change !== null) {
        out += change.insert;
        i += change.consumed - 1;
        continue;
      }
    }
    out += ch;
  }
  return out;
}
