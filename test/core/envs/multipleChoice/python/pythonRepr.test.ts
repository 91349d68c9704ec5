// Python's repr() against CPython's own output (differential): quoting and escapes of str, including
// non-printable and astral characters, the shortest round-trip layout of floats, and lists.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  pyFloatRepr,
  pyRepr,
  pyStr,
  pyStrRepr,
  type PyValue,
} from '../../../../../src/core/envs/multipleChoice/python/pythonRepr';

const fixture = JSON.parse(
  readFileSync(new URL('../../../../fixtures/medmarks/python-repr.json', import.meta.url), 'utf8'),
) as {
  strings: { text: string; repr: string }[];
  floats: { bits: string; repr: string }[];
  lists: { value: PyValue; repr: string }[];
};

function floatOf(bitsHex: string): number {
  return new DataView(Uint8Array.from(Buffer.from(bitsHex, 'hex')).buffer).getFloat64(0, true);
}

describe('pythonRepr (differential against CPython)', () => {
  it('repr() of every string', () => {
    const wrong = fixture.strings.filter((s) => pyStrRepr(s.text) !== s.repr);
    expect(wrong).toEqual([]);
  });

  it('repr() of every float', () => {
    expect(fixture.floats.length).toBeGreaterThan(300);
    const wrong = fixture.floats
      .map((f) => ({ ...f, ours: pyFloatRepr(floatOf(f.bits)) }))
      .filter((f) => f.ours !== f.repr);
    expect(wrong).toEqual([]);
  });

  it('repr() of lists, and str() of a str is the str', () => {
    for (const list of fixture.lists) expect(pyRepr(list.value)).toBe(list.repr);
    expect(pyStr('plain')).toBe('plain');
    expect(pyStr(null)).toBe('None');
    expect(pyRepr({ pyFloat: 3 })).toBe('3.0');
    expect(
      pyRepr({
        pyDict: [
          ['0', 'a'],
          ['correct answer', 'b'],
        ],
      }),
    ).toBe("{'0': 'a', 'correct answer': 'b'}");
  });
});
