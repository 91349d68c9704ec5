// Owns MedARC's option shuffle (med-lm-envs `medarc_verifiers/utils/randomize_multiple_choice.py`,
// identical at 6568528 and in the newest stored version): a per-question `random.Random` seeded with
// the low 64 bits of sha256("{seed}::{row_id}"); options that refer to other options by label ("Both A
// and C") leave the question unshuffled; "all/none of the above"-style anchors stay in place and only
// the blocks between them are shuffled, each with `random.shuffle` over its positions. Written for this
// app from that behaviour; checked against the reference's own output (test/fixtures/reference). Pure.
import { sha256 } from '@noble/hashes/sha2.js';
import { PythonRandom } from '../python/pythonRandom';
import { B, ci, DIGIT, SPACE } from '../python/pythonRegex';

const ENCODER = new TextEncoder();

const ANCHOR_WORDS = [
  'above',
  'following',
  'these',
  'choices?',
  'options?',
  'answers?',
  'statements?',
  'responses?',
  'listed',
  'apply',
  'applicable',
  'them',
];

/** "All of the above", "None of these", "Both of them"… anywhere in the option's text. */
const ANCHOR = new RegExp(
  `${B}(?:all|none|some|both|neither)${SPACE}+(?:of${SPACE}+(?:the${SPACE}+)?)?(?:${ANCHOR_WORDS.join('|')})${B}`,
  'iu',
);

// A label token: "(A)", "[B]", "C", "C)", "C.", "C:", "2", "2)" — letters upper-case only (the
// reference scopes the case-insensitive flag off for them), digits any.
const LABEL_TOKEN = `(?:\\((?:[A-Z0-9]+)\\)|\\[(?:[A-Z0-9]+)\\]|${B}[A-Z](?:[)\\.:])?|${B}${DIGIT}+(?:[)\\.:])?)`;
const SEPARATOR = `(?:${SPACE}*[,&/]+${SPACE}*|${SPACE}+(?:${ci('and/or')}|${ci('and')}|${ci('or')}|${ci('nor')})${SPACE}+)`;
const QUALIFIER = `(?:${B}(?:${ci('both')}|${ci('either')}|${ci('neither')}|${ci('only')})${B}${SPACE}+)?`;
/** Two or more label tokens joined by and/or/nor/, & /: "A or B", "Both A and C", "A, B, and C". */
const LABEL_REF = new RegExp(
  `${QUALIFIER}${LABEL_TOKEN}${SEPARATOR}${LABEL_TOKEN}(?:${SEPARATOR}${LABEL_TOKEN})*`,
  'u',
);

function isAnchorOption(text: string): boolean {
  return ANCHOR.test(text);
}

function refersToLabels(texts: readonly string[]): boolean {
  return texts.some((text) => LABEL_REF.test(text));
}

/** The `random.Random` seed the reference derives from (seed, row id). */
export function medarcShuffleSeed(seed: number, rowId: string): bigint {
  const digest = sha256(ENCODER.encode(`${seed}::${rowId}`));
  let value = 0n;
  // The low 64 bits of the big-endian digest: its last eight bytes.
  for (const byte of digest.subarray(24)) value = (value << 8n) | BigInt(byte);
  return value;
}

/**
 * The presented order: `order[newPosition] = oldIndex` (the reference's `index_map`), for options
 * texts in their source order, a non-negative seed and the row id the environment passes (already
 * formatted as Python's f-string would: an int as decimal, a str as itself).
 */
export function medarcShuffleOrder(
  texts: readonly string[],
  seed: number,
  rowId: string,
): number[] {
  const n = texts.length;
  const order = Array.from({ length: n }, (_, index) => index);
  if (refersToLabels(texts)) return order;
  const random = new PythonRandom(medarcShuffleSeed(seed, rowId));
  const blocks: [number, number][] = [];
  let last = 0;
  texts.forEach((text, index) => {
    if (!isAnchorOption(text)) return;
    if (last < index) blocks.push([last, index]);
    last = index + 1;
  });
  if (last < n) blocks.push([last, n]);
  for (const [start, end] of blocks) {
    const positions = Array.from({ length: end - start }, (_, offset) => start + offset);
    random.shuffle(positions);
    const before = order.slice(start, end);
    positions.forEach((from, offset) => {
      order[start + offset] = before[from - start] as number;
    });
  }
  return order;
}
