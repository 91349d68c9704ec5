// Owns reproducing CPython's `random.Random` for the calls reference harnesses make: seeding from
// an integer (MT19937 `init_by_array` over the integer's 32-bit words, least significant first, as
// `random_seed` in CPython's _randommodule.c does), `getrandbits(k)` for k ≤ 32, `_randbelow` (the
// rejection loop of `_randbelow_with_getrandbits`), `shuffle`, `random()` (53 bits from two draws,
// `genrand_res53`), `uniform` and `sample`, and `random.seed(str)`'s integer (`pythonStrSeed`).
// MedARC's option shuffle seeds one of these per question, M-ARC's age jitter one per row and
// LongHealth's document selection one per patient (from a string), so the same seed must give the
// same draws here as in Python. Pure.
import { sha512 } from '@noble/hashes/sha2.js';

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

export class PythonRandom {
  private readonly mt = new Uint32Array(N);
  private index = N + 1;

  /** `random.Random(seed)` for a non-negative integer seed (Python seeds from abs(seed)). */
  constructor(seed: bigint) {
    this.initByArray(keyWords(seed < 0n ? -seed : seed));
  }

  /** `random.getrandbits(k)` for 1 ≤ k ≤ 32. */
  getrandbits(k: number): number {
    if (!Number.isInteger(k) || k < 1 || k > 32) {
      throw new RangeError(`getrandbits supports 1–32 bits here, not ${k}.`);
    }
    return this.genrandUint32() >>> (32 - k);
  }

  /** `random._randbelow(n)`: a uniform integer in [0, n), by rejection on n.bit_length() bits. */
  randbelow(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 0xffffffff) {
      throw new RangeError(`randbelow needs 1 ≤ n < 2^32, not ${n}.`);
    }
    const k = bitLength(n);
    let r = this.getrandbits(k);
    while (r >= n) r = this.getrandbits(k);
    return r;
  }

  /** `random.shuffle(items)`, in place: Fisher–Yates from the end, j = _randbelow(i + 1). */
  shuffle(items: unknown[]): void {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = this.randbelow(i + 1);
      const held = items[i];
      items[i] = items[j];
      items[j] = held;
    }
  }

  /**
   * `random.sample(population, k)` (CPython 3.11): for small populations a pool the picks are
   * swapped out of, otherwise rejection of indices already picked (the set algorithm); the switch is
   * at 21 + 4^ceil(log4(3k)) items (21 when k ≤ 5).
   */
  sample<T>(population: readonly T[], k: number): T[] {
    const n = population.length;
    if (!Number.isInteger(k) || k < 0 || k > n) {
      throw new RangeError('Sample larger than population or is negative');
    }
    const result: T[] = [];
    let setsize = 21;
    if (k > 5) setsize += 4 ** Math.ceil(Math.log(k * 3) / Math.log(4));
    if (n <= setsize) {
      const pool = [...population];
      for (let i = 0; i < k; i += 1) {
        const j = this.randbelow(n - i);
        result.push(pool[j] as T);
        pool[j] = pool[n - i - 1] as T;
      }
      return result;
    }
    const selected = new Set<number>();
    for (let i = 0; i < k; i += 1) {
      let j = this.randbelow(n);
      while (selected.has(j)) j = this.randbelow(n);
      selected.add(j);
      result.push(population[j] as T);
    }
    return result;
  }

  /** `random.random()`: `genrand_res53`, (a·2²⁶ + b) / 2⁵³ with a = 27 and b = 26 high bits. */
  random(): number {
    const a = this.genrandUint32() >>> 5;
    const b = this.genrandUint32() >>> 6;
    return (a * 67108864 + b) * (1 / 9007199254740992);
  }

  /** `random.uniform(a, b)`: `a + (b - a) * random()`, in that floating-point order. */
  uniform(a: number, b: number): number {
    return a + (b - a) * this.random();
  }

  private initGenrand(seed: number): void {
    const mt = this.mt;
    mt[0] = seed >>> 0;
    for (let i = 1; i < N; i += 1) {
      const prev = mt[i - 1] as number;
      mt[i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0;
    }
    this.index = N;
  }

  private initByArray(key: readonly number[]): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k -= 1) {
      const prev = mt[i - 1] as number;
      mt[i] =
        (((mt[i] as number) ^ Math.imul(prev ^ (prev >>> 30), 1664525)) >>> 0) +
        (key[j] as number) +
        j;
      i += 1;
      j += 1;
      if (i >= N) {
        mt[0] = mt[N - 1] as number;
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k -= 1) {
      const prev = mt[i - 1] as number;
      mt[i] = (((mt[i] as number) ^ Math.imul(prev ^ (prev >>> 30), 1566083941)) >>> 0) - i;
      i += 1;
      if (i >= N) {
        mt[0] = mt[N - 1] as number;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  private genrandUint32(): number {
    const mt = this.mt;
    if (this.index >= N) {
      for (let kk = 0; kk < N; kk += 1) {
        const y = ((mt[kk] as number) & UPPER_MASK) | ((mt[(kk + 1) % N] as number) & LOWER_MASK);
        mt[kk] = (mt[(kk + M) % N] as number) ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      this.index = 0;
    }
    let y = mt[this.index] as number;
    this.index += 1;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }
}

const ENCODER = new TextEncoder();

/**
 * The integer `random.seed(s)` seeds with for a str `s` (version 2, CPython 3.x):
 * `int.from_bytes(s.encode() + sha512(s.encode()).digest(), "big")`.
 */
export function pythonStrSeed(seed: string): bigint {
  const bytes = ENCODER.encode(seed);
  let value = 0n;
  for (const byte of [...bytes, ...sha512(bytes)]) value = (value << 8n) | BigInt(byte);
  return value;
}

/** The integer as 32-bit words, least significant first; at least one word (0 → [0]). */
function keyWords(value: bigint): number[] {
  const words: number[] = [];
  let rest = value;
  do {
    words.push(Number(rest & 0xffffffffn));
    rest >>= 32n;
  } while (rest > 0n);
  return words;
}

function bitLength(n: number): number {
  return n === 0 ? 0 : 32 - Math.clz32(n);
}
