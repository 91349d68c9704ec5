import { describe, expect, it } from 'vitest';
import type { InputCut, Section } from '../../../../src/core/envs/mtsamples/processNote';
import {
  processNote,
  upperCasePreservingIndices,
} from '../../../../src/core/envs/mtsamples/processNote';

// Every rule of spec mtsamples-procedures.md §2, on small synthetic notes.

interface ExampleCase {
  rule: string;
  text: string;
  section: Section;
  answer: string;
  question: string;
}

function expectExample(text: string, inputCut?: InputCut) {
  const result = processNote('note.txt', text, inputCut === undefined ? undefined : { inputCut });
  if (result.kind !== 'example') throw new Error(`expected an example, got: ${result.reason}`);
  expect(result.example.filename).toBe('note.txt');
  return result.example;
}

describe('processNote: reference, section and (default) question', () => {
  it.each<ExampleCase>([
    {
      rule: 'PLAN beats an earlier FINDINGS for the answer; the input is cut at the earlier header',
      text: 'HISTORY: Pain.\nFINDINGS: Normal.\nPLAN: Follow up in 2 weeks.\nSIGNED: Dr. X',
      section: 'PLAN',
      answer: 'Follow up in 2 weeks.',
      question: 'HISTORY: Pain.',
    },
    {
      rule: 'SUMMARY beats an earlier FINDINGS',
      text: 'HISTORY: Pain.\nFINDINGS: Normal.\nSUMMARY: Uneventful.',
      section: 'SUMMARY',
      answer: 'Uneventful.',
      question: 'HISTORY: Pain.',
    },
    {
      rule: 'FINDINGS alone',
      text: 'PROCEDURE: Colonoscopy.\nFINDINGS: Two small polyps.\nCOMPLICATIONS: None.',
      section: 'FINDINGS',
      answer: 'Two small polyps.',
      question: 'PROCEDURE: Colonoscopy.',
    },
    {
      rule: 'compound header ASSESSMENT AND PLAN: leaves a dangling "ASSESSMENT AND" in the input',
      text: 'EXAM: Edema.\nASSESSMENT AND PLAN: Compression stockings.',
      section: 'PLAN',
      answer: 'Compression stockings.',
      question: 'EXAM: Edema.\nASSESSMENT AND',
    },
    {
      rule: 'compound header GROSS FINDINGS: glued to the previous sentence',
      text: 'CONSENT: Obtained.GROSS FINDINGS: Inflamed appendix.\nEND',
      section: 'FINDINGS',
      answer: 'Inflamed appendix.',
      question: 'CONSENT: Obtained.GROSS',
    },
    {
      rule: 'compound header DISCHARGE SUMMARY:',
      text: 'COURSE: Stable.\nDISCHARGE SUMMARY: Home today.',
      section: 'SUMMARY',
      answer: 'Home today.',
      question: 'COURSE: Stable.\nDISCHARGE',
    },
    {
      rule: 'lower-case header; the answer keeps the original case',
      text: 'History: pain.\nPlan: Rest and Ibuprofen.',
      section: 'PLAN',
      answer: 'Rest and Ibuprofen.',
      question: 'History: pain.',
    },
    {
      rule: 'mixed-case header',
      text: 'Indication: screening.\nfInDiNgS: Normal.',
      section: 'FINDINGS',
      answer: 'Normal.',
      question: 'Indication: screening.',
    },
    {
      rule: 'an empty rest-of-line falls through to the next header',
      text: 'NOTE: Seen.\nPLAN:\n1. Rest.\nFINDINGS: Clear lungs.',
      section: 'FINDINGS',
      answer: 'Clear lungs.',
      question: 'NOTE: Seen.',
    },
    {
      rule: 'a whitespace-only rest-of-line (incl. NBSP) falls through too',
      text: 'NOTE: Seen.\nPLAN: \u00a0 \t\nSUMMARY: Stable.',
      section: 'SUMMARY',
      answer: 'Stable.',
      question: 'NOTE: Seen.',
    },
    {
      rule: 'only the first occurrence of a header counts',
      text: 'NOTE: Seen.\nPLAN: First.\nPLAN: Second.',
      section: 'PLAN',
      answer: 'First.',
      question: 'NOTE: Seen.',
    },
    {
      rule: 'an empty first occurrence is not rescued by a later one',
      text: 'NOTE: Seen.\nPLAN:\nPLAN: Second.\nFINDINGS: Clear.',
      section: 'FINDINGS',
      answer: 'Clear.',
      question: 'NOTE: Seen.',
    },
    {
      rule: 'the reference is the rest of one line and may contain a later header',
      text: 'NOTE: Seen.\nSUMMARY: Tolerated well.FINDINGS: Normal mucosa.DRAINS: None.\nNEXT: x',
      section: 'SUMMARY',
      answer: 'Tolerated well.FINDINGS: Normal mucosa.DRAINS: None.',
      question: 'NOTE: Seen.',
    },
    {
      rule: 'the reference runs to the end of the text when no newline follows',
      text: 'NOTE: Seen.\nPLAN:   Discharge home.   ',
      section: 'PLAN',
      answer: 'Discharge home.',
      question: 'NOTE: Seen.',
    },
    {
      rule: 'a header at the very start gives an empty question (kept, as the spec only skips on the answer)',
      text: 'FINDINGS: Normal.',
      section: 'FINDINGS',
      answer: 'Normal.',
      question: '',
    },
  ])('$rule', ({ text, section, answer, question }) => {
    const example = expectExample(text);
    expect(example).toEqual({ filename: 'note.txt', extracted_section: section, answer, question });
  });
});

describe('processNote: input cut', () => {
  it.each<{ rule: string; text: string; helm: string; medarc: string }>([
    {
      rule: 'FINDINGS before PLAN: helm cuts at FINDINGS (earliest), medarc at PLAN (priority)',
      text: 'HISTORY: Pain.\nFINDINGS: Normal.\nPLAN: Rest.',
      helm: 'HISTORY: Pain.',
      medarc: 'HISTORY: Pain.\nFINDINGS: Normal.',
    },
    {
      rule: 'medarc cuts at the first header in priority order that exists, even an empty one',
      text: 'HISTORY: Pain.\nSUMMARY: Stable.\nPLAN:\nFINDINGS: Normal.',
      helm: 'HISTORY: Pain.',
      medarc: 'HISTORY: Pain.\nSUMMARY: Stable.',
    },
    {
      rule: 'medarc matches headers case-insensitively, like the reference',
      text: 'History: pain.\nFindings: normal.\nSummary: stable.',
      helm: 'History: pain.',
      medarc: 'History: pain.\nFindings: normal.',
    },
    {
      rule: 'PLAN first: both cuts agree',
      text: 'HISTORY: Pain.\nASSESSMENT AND PLAN: Rest.\nFINDINGS: Normal.',
      helm: 'HISTORY: Pain.\nASSESSMENT AND',
      medarc: 'HISTORY: Pain.\nASSESSMENT AND',
    },
  ])('$rule', ({ text, helm, medarc }) => {
    expect(expectExample(text).question).toBe(helm);
    expect(expectExample(text, 'helm').question).toBe(helm);
    expect(expectExample(text, 'medarc').question).toBe(medarc);
    // The cut never changes the answer.
    expect(expectExample(text, 'medarc').answer).toBe(expectExample(text, 'helm').answer);
  });
});

describe('processNote: line endings and trimming', () => {
  it.each<{ rule: string; text: string; answer: string; question: string }>([
    {
      rule: 'CRLF',
      text: 'HISTORY: Pain.\r\nMORE: x.\r\nPLAN: Rest.\r\nSIGNED: Dr. X\r\n',
      answer: 'Rest.',
      question: 'HISTORY: Pain.\nMORE: x.',
    },
    {
      rule: 'lone CR (old Mac): without normalising, the answer would run to the end',
      text: 'HISTORY: Pain.\rMORE: x.\rPLAN: Rest.\rSIGNED: Dr. X',
      answer: 'Rest.',
      question: 'HISTORY: Pain.\nMORE: x.',
    },
    {
      rule: 'mixed CRLF, CR and LF; CR CR LF is two line breaks',
      text: 'A\r\nB\rC\nD\r\r\nPLAN: Rest.\r\rE',
      answer: 'Rest.',
      question: 'A\nB\nC\nD',
    },
    {
      rule: 'whole text trimmed, including blank lines and NBSP around it',
      text: '\n\n \u00a0 HISTORY: Pain.\nPLAN: Rest.\n\n  \n',
      answer: 'Rest.',
      question: 'HISTORY: Pain.',
    },
    {
      rule: 'inner blank lines and indentation of the question are kept',
      text: 'HISTORY: Pain.\n\n  Worse at night.\n\nPLAN: Rest.',
      answer: 'Rest.',
      question: 'HISTORY: Pain.\n\n  Worse at night.',
    },
  ])('$rule', ({ text, answer, question }) => {
    const example = expectExample(text);
    expect(example.answer).toBe(answer);
    expect(example.question).toBe(question);
  });
});

describe('processNote: Unicode characters whose upper case changes length', () => {
  it.each<{ rule: string; text: string; answer: string; question: string }>([
    {
      rule: "'ß' (→ SS) before an upper-case header",
      text: 'Straße, Größe ß: 3 cm.\nPLAN: Excise.',
      answer: 'Excise.',
      question: 'Straße, Größe ß: 3 cm.',
    },
    {
      rule: "'ß' before a lower-case header on the same line",
      text: 'größe: 3 cm; plan: excise.\nNEXT',
      answer: 'excise.',
      question: 'größe: 3 cm;',
    },
    {
      rule: "'ﬁ' ligature (→ FI) and 'ŉ' (→ ʼN) before a header",
      text: 'Proﬁle ﬁne, ŉ.\nFINDINGS: Normal.\nEND',
      answer: 'Normal.',
      question: 'Proﬁle ﬁne, ŉ.',
    },
    {
      rule: "Greek 'ΐ' (→ 3 code units) before a header",
      text: 'ΐΐΐ\nSUMMARY: Stable.',
      answer: 'Stable.',
      question: 'ΐΐΐ',
    },
    {
      rule: 'astral characters (surrogate pairs) before a header',
      text: 'Deseret 𐐨𐐨 and 😀.\nplan: Rest.',
      answer: 'Rest.',
      question: 'Deseret 𐐨𐐨 and 😀.',
    },
  ])('$rule', ({ text, answer, question }) => {
    const example = expectExample(text);
    expect(example.answer).toBe(answer);
    expect(example.question).toBe(question);
  });

  it("does not read the 'ﬁ' ligature as FI inside a header", () => {
    expect(processNote('note.txt', 'NOTE: x.\nﬁndings: Normal.')).toMatchObject({
      kind: 'skipped',
    });
  });

  it.each(['', 'plain ascii', 'straße', 'ﬁﬂﬃ', 'ŉ ΐ ǰ', '𐐨😀', 'ı i İ', '\ud800 lone'])(
    'upperCasePreservingIndices keeps the length of %j',
    (text) => {
      const upper = upperCasePreservingIndices(text);
      expect(upper.length).toBe(text.length);
      expect(upper.toUpperCase()).toBe(text.toUpperCase());
    },
  );

  it('upper-cases what it can', () => {
    expect(upperCasePreservingIndices('straße plan: 𐐨')).toBe('STRAßE PLAN: 𐐀');
  });
});

describe('processNote: skipped notes', () => {
  const none = 'none of PLAN:, SUMMARY:, FINDINGS: appears';
  it.each<{ rule: string; text: string; reason: string }>([
    { rule: 'no header at all', text: 'HISTORY: Pain.\nPROCEDURE: Biopsy.', reason: none },
    { rule: 'empty note', text: '', reason: none },
    { rule: 'whitespace-only note', text: ' \r\n\t\r ', reason: none },
    {
      rule: 'header words without a colon',
      text: 'PLAN Rest.\nSUMMARY - ok\nFINDINGS',
      reason: none,
    },
    { rule: "a colon after a space does not count: 'PLAN :'", text: 'PLAN : Rest.', reason: none },
    {
      rule: 'all three headers present with empty lines',
      text: 'NOTE: x.\nPLAN:\nSUMMARY:   \nFINDINGS:',
      reason:
        'PLAN: found but the rest of its line is empty; SUMMARY: found but the rest of its line is empty; FINDINGS: found but the rest of its line is empty',
    },
    {
      rule: 'some headers present with empty lines, some absent',
      text: 'NOTE: x.\nPLAN:\r\nItems follow.\nfindings:\t\nMore text.',
      reason:
        'PLAN: found but the rest of its line is empty; SUMMARY: not found; FINDINGS: found but the rest of its line is empty',
    },
    {
      rule: 'an empty first PLAN: with a later non-empty PLAN:',
      text: 'NOTE: x.\nPLAN:\nPLAN: Rest.',
      reason:
        'PLAN: found but the rest of its line is empty; SUMMARY: not found; FINDINGS: not found',
    },
  ])('$rule', ({ text, reason }) => {
    for (const inputCut of ['helm', 'medarc'] as const) {
      expect(processNote('skip me.txt', text, { inputCut })).toEqual({
        kind: 'skipped',
        filename: 'skip me.txt',
        reason,
      });
    }
  });
});
