import { describe, expect, it } from 'vitest';
import { buildExamples } from '../../../../src/core/envs/mtsamples/buildExamples';

const plan = (name: string) => ({ name, text: `NOTE: ${name}.\nPLAN: Rest.` });

describe('buildExamples: order by UTF-16 code unit', () => {
  it.each<{ rule: string; names: string[]; sorted: string[] }>([
    {
      rule: 'upper case before lower case (not locale order)',
      names: ['a.txt', 'B.txt', 'b.txt', 'A.txt'],
      sorted: ['A.txt', 'B.txt', 'a.txt', 'b.txt'],
    },
    {
      rule: "' ' < '#' < '&' < '(' < ',' < '-' < '.' < digits < letters",
      names: ['Z.txt', '(p).txt', '&x.txt', 'Z - 2.txt', ',c.txt', '#1.txt', ' space.txt', '9.txt'],
      sorted: [
        ' space.txt',
        '#1.txt',
        '&x.txt',
        '(p).txt',
        ',c.txt',
        '9.txt',
        'Z - 2.txt',
        'Z.txt',
      ],
    },
    {
      rule: "numbered copies: 'X - 1' < 'X - 10' < 'X - 2' < 'X.txt'",
      names: ['X.txt', 'X - 2.txt', 'X - 10.txt', 'X - 1.txt'],
      sorted: ['X - 1.txt', 'X - 10.txt', 'X - 2.txt', 'X.txt'],
    },
    {
      rule: 'a surrogate pair sorts before U+FF5E (code unit, not code point, order)',
      names: ['\uff5e.txt', '😀.txt', 'é.txt'],
      sorted: ['é.txt', '😀.txt', '\uff5e.txt'],
    },
  ])('$rule', ({ names, sorted }) => {
    const forward = buildExamples(names.map(plan));
    const backward = buildExamples([...names].reverse().map(plan));
    expect(forward.examples.map((e) => e.filename)).toEqual(sorted);
    expect(backward).toEqual(forward);
  });
});

describe('buildExamples: ids, skips and counts', () => {
  const notes = [
    { name: 'd.txt', text: 'NOTE: d.\nSUMMARY: Stable.' },
    { name: 'c.txt', text: 'NOTE: c.\nPROCEDURE: none of the headers.' },
    { name: 'b.txt', text: 'NOTE: b.\nFINDINGS: Normal.\nPLAN: Rest.' },
    { name: 'a.txt', text: 'NOTE: a.\nFINDINGS: Polyp.' },
    { name: 'e.txt', text: 'NOTE: e.\nPLAN:\n' },
    { name: 'f.txt', text: 'NOTE: f.\nGROSS FINDINGS: Mass.' },
  ];

  it('numbers kept examples 0.. in sorted order, with the file name as id', () => {
    const { examples } = buildExamples(notes);
    expect(examples.map((e) => [e.example_id, e.id, e.filename, e.extracted_section])).toEqual([
      [0, 'a.txt', 'a.txt', 'FINDINGS'],
      [1, 'b.txt', 'b.txt', 'PLAN'],
      [2, 'd.txt', 'd.txt', 'SUMMARY'],
      [3, 'f.txt', 'f.txt', 'FINDINGS'],
    ]);
    expect(examples[1]).toEqual({
      id: 'b.txt',
      example_id: 1,
      filename: 'b.txt',
      extracted_section: 'PLAN',
      question: 'NOTE: b.',
      answer: 'Rest.',
    });
  });

  it('reports skipped notes in sorted order with their reasons', () => {
    expect(buildExamples(notes).skipped).toEqual([
      { filename: 'c.txt', reason: 'none of PLAN:, SUMMARY:, FINDINGS: appears' },
      {
        filename: 'e.txt',
        reason:
          'PLAN: found but the rest of its line is empty; SUMMARY: not found; FINDINGS: not found',
      },
    ]);
  });

  it('counts examples by section', () => {
    expect(buildExamples(notes).sectionCounts).toEqual({ PLAN: 1, SUMMARY: 1, FINDINGS: 2 });
  });

  it('passes inputCut through', () => {
    const helm = buildExamples(notes).examples[1];
    const medarc = buildExamples(notes, { inputCut: 'medarc' }).examples[1];
    expect(helm?.question).toBe('NOTE: b.');
    expect(medarc?.question).toBe('NOTE: b.\nFINDINGS: Normal.');
  });

  it('returns zero counts for no notes', () => {
    expect(buildExamples([])).toEqual({
      examples: [],
      skipped: [],
      sectionCounts: { PLAN: 0, SUMMARY: 0, FINDINGS: 0 },
    });
  });

  it('keeps the first of duplicate names (input order) and reports the others', () => {
    const built = buildExamples([
      { name: 'b.txt', text: 'NOTE: first.\nPLAN: Keep me.' },
      { name: 'a.txt', text: 'NOTE: a.\nPLAN: Rest.' },
      { name: 'b.txt', text: 'NOTE: second.\nPLAN: Drop me.' },
    ]);
    expect(built.examples.map((e) => [e.example_id, e.id, e.answer])).toEqual([
      [0, 'a.txt', 'Rest.'],
      [1, 'b.txt', 'Keep me.'],
    ]);
    expect(built.skipped).toEqual([
      { filename: 'b.txt', reason: 'duplicate file name; the first copy was kept' },
    ]);
    expect(built.sectionCounts.PLAN).toBe(2);
  });
});
