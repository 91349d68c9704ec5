// Owns M-ARC's age jitter (MedARC m_arc `_process_age_strings`, always applied): every
// "<n>-year-old" / "<n> year old" / "<n> yo" (any case) becomes `f"{n + rng.uniform(0, 0.04):.3f}
// year-old"`, one draw per match, left to right, from `random.Random(seed)` with seed = the shuffle
// seed when shuffling else 2718, plus the row index. Pure.
import { pyFormatFixed } from '../multipleChoice/python/pythonFormat';
import { PythonRandom } from '../multipleChoice/python/pythonRandom';
import { B, DIGIT, SPACE } from '../multipleChoice/python/pythonRegex';

// r"\b(\d+)(?:\s*[-\s]?)(year-old|year old|yo)\b", re.IGNORECASE
const AGE = new RegExp(
  `${B}(${DIGIT}+)(?:${SPACE}*(?:-|${SPACE})?)(year-old|year old|yo)${B}`,
  'giu',
);

/** `int()` of a run of decimal digits (any script's, as Python reads them). */
function digitsValue(digits: string): number {
  let value = 0;
  for (const ch of digits) {
    const code = ch.codePointAt(0) ?? 48;
    // Unicode decimal digits come in runs of ten starting at a code point whose digit is 0.
    let zero = code;
    while (zero > 0 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1)) && code - zero < 9) zero -= 1;
    value = value * 10 + (code - zero);
  }
  return value;
}

export function jitterAges(text: string, seed: number): string {
  const rng = new PythonRandom(BigInt(seed));
  return text.replace(AGE, (_match, digits: string) => {
    const age = digitsValue(digits) + rng.uniform(0, 0.04);
    return `${pyFormatFixed(age, 3)} year-old`;
  });
}
