// Owns Python's fixed-point formatting of a float (`f"{x:.3f}"`, `"%.3f" % x`): the exact decimal
// value of the double rounded to `digits` places, ties to even. JavaScript's `toFixed` rounds the
// same exact value but breaks ties upwards (0.0625 → "0.063" where Python prints "0.062"), so
// reference prompts that print floats (M-ARC's jittered ages) are formatted here. Pure.

const FLOAT = new DataView(new ArrayBuffer(8));

/** The double as `mantissa · 2^exponent` with an integer mantissa (finite values only). */
function exactParts(value: number): { mantissa: bigint; exponent: number } {
  FLOAT.setFloat64(0, value);
  const high = FLOAT.getUint32(0);
  const low = FLOAT.getUint32(4);
  const biased = (high >>> 20) & 0x7ff;
  const fraction = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  if (biased === 0) return { mantissa: fraction, exponent: -1074 };
  return { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

/** `format(value, f".{digits}f")` for a finite float, as CPython prints it. */
export function pyFormatFixed(value: number, digits: number): string {
  if (!Number.isFinite(value)) {
    if (Number.isNaN(value)) return 'nan';
    return value > 0 ? 'inf' : '-inf';
  }
  if (!Number.isInteger(digits) || digits < 0 || digits > 100) {
    throw new RangeError(`pyFormatFixed supports 0–100 digits, not ${digits}.`);
  }
  const negative = value < 0 || Object.is(value, -0);
  const { mantissa, exponent } = exactParts(Math.abs(value));
  const scale = 10n ** BigInt(digits);
  let numerator = mantissa * scale;
  let denominator = 1n;
  if (exponent >= 0) numerator <<= BigInt(exponent);
  else denominator <<= BigInt(-exponent);
  let quotient = numerator / denominator;
  const twiceRest = (numerator - quotient * denominator) * 2n;
  if (twiceRest > denominator || (twiceRest === denominator && quotient % 2n === 1n)) {
    quotient += 1n;
  }
  const text = quotient.toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const decimals = text.slice(text.length - digits);
  return `${negative ? '-' : ''}${whole}${digits > 0 ? `.${decimals}` : ''}`;
}
