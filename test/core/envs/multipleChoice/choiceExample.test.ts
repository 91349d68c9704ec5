import { describe, expect, it } from 'vitest';
import { choiceExample } from '../../../../src/core/envs/multipleChoice/choiceExample';
import { goldLetter } from '../../../../src/core/envs/multipleChoice/goldLetter';

const OPTIONS = [
  { letter: 'A', text: ' Yes ' },
  { letter: 'B', text: 'No' },
];

describe('choiceExample', () => {
  it('trims, sets the answer to "<gold>. <text>", keeps extra payload fields', () => {
    expect(
      choiceExample({
        id: '7',
        group: null,
        question: ' Is it? ',
        options: OPTIONS,
        gold: 'A',
        context: [{ label: 'RESULTS', text: 'It was.' }],
        extra: { inTestSubset: true },
      }),
    ).toEqual({
      example: {
        id: '7',
        group: null,
        question: 'Is it?',
        answer: 'A. Yes',
        payload: {
          inTestSubset: true,
          options: [
            { letter: 'A', text: 'Yes', source: ' Yes ' },
            { letter: 'B', text: 'No' },
          ],
          gold: 'A',
          context: [{ label: 'RESULTS', text: 'It was.' }],
          // Reference prompts send the question as the source has it.
          sourceQuestion: ' Is it? ',
        },
      },
    });
  });

  it.each([
    [{ question: '  ' }, 'the question is empty'],
    [{ options: OPTIONS.slice(0, 1) }, 'only 1 option(s); a choice needs at least two'],
    [{ options: [...OPTIONS, { letter: 'C', text: ' ' }] }, 'option C is empty'],
    [
      {
        options: [
          { letter: 'A', text: 'Yes' },
          { letter: 'A', text: 'No' },
        ],
      },
      'two options share a letter',
    ],
    [{ gold: 'C' }, 'the gold answer "C" is not one of the options (A, B)'],
  ])('skips %j: %s', (change, skip) => {
    expect(
      choiceExample({
        id: '1',
        group: null,
        question: 'Q?',
        options: OPTIONS,
        gold: 'A',
        ...change,
      }),
    ).toEqual({ skip });
  });
});

describe('goldLetter', () => {
  it.each<[Parameters<typeof goldLetter>[0], readonly string[] | undefined, string | null]>([
    [0, undefined, 'A'],
    [3, undefined, 'D'],
    [2n, undefined, 'C'], // Parquet INT64
    ['1', undefined, 'B'],
    ['c', undefined, 'C'], // a ClassLabel name already resolved
    [-1, undefined, null],
    ['yes', undefined, null],
    [1, ['a', 'b', 'c', 'd'], 'B'],
    [1, ['A', 'B', 'C', 'D'], 'B'],
    [1, ['1', '2', '3', '4'], 'B'], // names say 1-based: index 1 is "2" → B
    [0, ['1', '2', '3', '4'], 'A'],
    [2, ['opa', 'opb', 'opc', 'opd'], 'C'], // names without a letter: the index decides
    [4, ['a', 'b', 'c', 'd'], null],
  ])('%s with names %j → %s', (cell, names, want) => {
    expect(goldLetter(cell, names)).toBe(want);
  });
});
