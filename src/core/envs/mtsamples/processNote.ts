// Owns the rule that turns one MTSamples procedure note into an example (spec
// mtsamples-procedures.md §2): which header gives the reference answer and where the question is
// cut. The default is HELM's rule (cut before the header that comes first in the text), which is
// what the environment's README describes; MedARC's code cuts at the first header in priority
// order instead, and differs on 12 of the 131 examples, so it is offered as `inputCut: 'medarc'` for
// users who compare numbers with that tooling. Pure: no I/O.

/** Stored with every built dataset; bump whenever the output of `processNote` can change. */
export const RULES_VERSION = 1;

export type InputCut = 'helm' | 'medarc';
export type Section = 'PLAN' | 'SUMMARY' | 'FINDINGS';

export interface MtSamplesExample {
  filename: string;
  extracted_section: Section;
  question: string;
  answer: string;
}

export type ProcessedNote =
  | { kind: 'example'; example: MtSamplesExample }
  | { kind: 'skipped'; filename: string; reason: string };

/** Header tokens in priority order (colon included); the first non-empty reference wins. */
export const SECTIONS: readonly Section[] = ['PLAN', 'SUMMARY', 'FINDINGS'];

interface HeaderMatch {
  section: Section;
  header: string;
  /** Index of the header in the note (-1 when absent). */
  index: number;
  /** Rest of the header's line, trimmed ('' when absent or empty). */
  reference: string;
}

export function processNote(
  filename: string,
  text: string,
  options: { inputCut?: InputCut } = {},
): ProcessedNote {
  const note = text.replace(/\r\n?/g, '\n').trim();
  const matches = findHeaders(note);
  const chosen = matches.find((m) => m.reference !== '');
  if (chosen === undefined) {
    return { kind: 'skipped', filename, reason: skipReason(matches) };
  }
  const cut = inputCutIndex(matches, options.inputCut ?? 'helm');
  return {
    kind: 'example',
    example: {
      filename,
      extracted_section: chosen.section,
      question: note.slice(0, cut).trim(),
      answer: chosen.reference,
    },
  };
}

function findHeaders(note: string): HeaderMatch[] {
  const upper = upperCasePreservingIndices(note);
  return SECTIONS.map((section) => {
    const header = `${section}:`;
    const index = upper.indexOf(header);
    if (index === -1) return { section, header, index, reference: '' };
    const start = index + header.length;
    const newline = note.indexOf('\n', start);
    const reference = note.slice(start, newline === -1 ? undefined : newline).trim();
    return { section, header, index, reference };
  });
}

/**
 * HELM cuts before whichever header comes first in the text; MedARC before the first header in
 * priority order that appears at all (even one whose line is empty and so gave no reference).
 * Only called when at least one header is present.
 */
function inputCutIndex(matches: readonly HeaderMatch[], inputCut: InputCut): number {
  const present = matches.filter((m) => m.index !== -1).map((m) => m.index);
  return inputCut === 'helm' ? Math.min(...present) : (present[0] ?? 0);
}

function skipReason(matches: readonly HeaderMatch[]): string {
  if (matches.every((m) => m.index === -1)) {
    return `none of ${matches.map((m) => m.header).join(', ')} appears`;
  }
  return matches
    .map((m) =>
      m.index === -1
        ? `${m.header} not found`
        : `${m.header} found but the rest of its line is empty`,
    )
    .join('; ');
}

/**
 * Upper-cases code point by code point, keeping any character whose upper case has a different
 * length (ß → SS, ﬁ → FI, ŉ → ʼN) as it is, so that an index found in the result is the same index
 * in the original text. `toUpperCase`, not `toLocaleUpperCase`: the result must not depend on the
 * user's locale (Turkish i). Such characters never spell one of our ASCII headers anyway, except
 * ligatures like ﬁ, which we deliberately do not treat as "FI".
 */
export function upperCasePreservingIndices(text: string): string {
  let out = '';
  for (const ch of text) {
    const upper = ch.toUpperCase();
    out += upper.length === ch.length ? upper : ch;
  }
  return out;
}
