// ast.literal_eval for the literals datasets store as text: the dicts Med-HALT's options column holds,
// and the inputs literal_eval rejects.
import { describe, expect, it } from 'vitest';
import { literalEval } from '../../../../../src/core/envs/multipleChoice/python/pythonLiteral';

describe('literalEval', () => {
  it('reads a str(dict) of options, quotes chosen as repr() chose them', () => {
    expect(
      literalEval(`{'0': 'Vitamin A', '1': "Crohn's", 'correct answer': 'tab\\there'}`),
    ).toEqual({
      ok: true,
      value: {
        pyDict: [
          ['0', 'Vitamin A'],
          ['1', "Crohn's"],
          ['correct answer', 'tab\there'],
        ],
      },
    });
  });

  it('reads numbers, constants, nested lists and tuples, escapes and adjacent strings', () => {
    expect(literalEval(`[1, -2.5, True, None, (3,), ('x'), 'a' "b", '\\x41\\u00e9\\101']`)).toEqual(
      {
        ok: true,
        value: [1n, { pyFloat: -2.5 }, true, null, [3n], 'x', 'ab', 'AéA'],
      },
    );
  });

  it('rejects what literal_eval rejects', () => {
    for (const text of ["{'0': 'a'", 'open()', '07', "'''x'''", "{'a': 1} x", '', "{[1]: 'x'}"]) {
      expect(literalEval(text).ok, text).toBe(false);
    }
  });
});
