// Owns the optional per-question option shuffle (spec more-environments.md §2): deterministic for a
// (seed, row id) pair, so a prompt and its scoring always see the same order, and a rerun with the
// same seed asks the same questions. Every preset shuffles as MedARC does (medarc/medarcShuffle.ts),
// with the row id its environment passes; runs stored before presets keep the shuffle they had
// (`legacyShuffleOptions`). Pure.
import { optionLetter, type ChoiceOption, type ChoicePayload } from './choicePayload';
import type { ChoiceSettings } from './choiceSettings';
import { fnv1a32 } from '../../hash';
import { mulberry32 } from '../../stats/bootstrap';
import { medarcShuffleOrder } from './medarc/medarcShuffle';

export interface PresentedOptions {
  /** The options as the model sees them: re-lettered A, B, … when shuffled. */
  options: ChoiceOption[];
  /** The gold letter as presented. */
  gold: string;
  /** Original letters in presented order; null when the shuffle setting is off. */
  order: string[] | null;
}

/**
 * The options an example is presented with under these settings (prompt and scoring share it).
 * `medarcRowId` is the row id the MedARC environment would pass; `optionText` the option text as
 * that environment holds it (MedARC shuffles its own copy; letters stay, texts move).
 */
export function presentOptions(
  payload: Pick<ChoicePayload, 'options' | 'gold'>,
  rowIds: { legacy: string; medarc: string },
  settings: Pick<ChoiceSettings, 'shuffleOptions' | 'shuffleSeed' | 'preset'>,
  optionText: (option: ChoiceOption) => string = (option) => option.text,
): PresentedOptions {
  if (!settings.shuffleOptions) {
    return { options: [...payload.options], gold: payload.gold, order: null };
  }
  if (settings.preset === 'medeval-legacy') {
    return legacyShuffleOptions(payload.options, payload.gold, settings.shuffleSeed, rowIds.legacy);
  }
  const order = medarcShuffleOrder(
    payload.options.map(optionText),
    settings.shuffleSeed,
    rowIds.medarc,
  );
  const arranged = order.map((index) => payload.options[index] as ChoiceOption);
  return relettered(payload.options, arranged, payload.gold);
}

/** The arranged options under the source's letters (A, B, … by position), gold followed. */
function relettered(
  source: readonly ChoiceOption[],
  arranged: readonly ChoiceOption[],
  gold: string,
): PresentedOptions & { order: string[] } {
  const goldIndex = arranged.findIndex((option) => option.letter === gold);
  return {
    options: arranged.map((option, index) => ({
      ...option,
      letter: source[index]?.letter ?? optionLetter(index),
    })),
    gold: goldIndex === -1 ? gold : (source[goldIndex]?.letter ?? optionLetter(goldIndex)),
    order: arranged.map((option) => option.letter),
  };
}

/** The shuffle medeval used before reference presets (FNV-1a + mulberry32 Fisher–Yates). */
export function legacyShuffleOptions(
  options: readonly ChoiceOption[],
  gold: string,
  seed: number,
  rowId: string,
): PresentedOptions & { order: string[] } {
  const arranged = [...options];
  if (!refersToLetters(options)) {
    // The NUL separator keeps (1, "23") and (12, "3") apart.
    const random = mulberry32(fnv1a32(`${seed}\u0000${rowId}`));
    const movable = options.flatMap((option, index) => (isFixedOption(option.text) ? [] : [index]));
    // Fisher–Yates over the movable positions only.
    for (let i = movable.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      const [from, to] = [movable[i], movable[j]] as [number, number];
      [arranged[from], arranged[to]] = [
        arranged[to] as ChoiceOption,
        arranged[from] as ChoiceOption,
      ];
    }
  }
  const goldIndex = arranged.findIndex((option) => option.letter === gold);
  return {
    options: arranged.map((option, index) => ({ letter: optionLetter(index), text: option.text })),
    gold: goldIndex === -1 ? gold : optionLetter(goldIndex),
    order: arranged.map((option) => option.letter),
  };
}

const FIXED_OPTION =
  /^(?:all|none|both|neither|either)(?:\s+(?:of\s+)?(?:the\s+)?(?:above|following|these|options|choices|answers|mentioned))?$/;

/** "All of the above", "None of these", "Both", …: options whose meaning depends on their position. */
export function isFixedOption(text: string): boolean {
  const plain = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s.!:;]+$/, '')
    .trim()
    .replace(/\s+/g, ' ');
  return FIXED_OPTION.test(plain);
}

const KEYWORD = /\b(?:both|neither|either|only|options?|choices?|except)\b/giu;

/**
 * Whether an option names other options by letter ("A and B", "Both A and C", "Neither B nor D",
 * "Only C"): shuffling would make it point at the wrong options. Two letters joined by and/or/nor/&/,
 * count in either case; a single letter counts only upper-case after a keyword, so "only a few" does
 * not. Errs towards "yes" ("Vitamins A and C" keeps its question unshuffled), which costs nothing.
 */
export function refersToLetters(options: readonly ChoiceOption[]): boolean {
  const letters = new Set(options.map((option) => option.letter.toUpperCase()));
  const isLetter = (value: string | undefined): boolean =>
    value !== undefined && letters.has(value.toUpperCase());
  return options.some(({ text }) => {
    const plain = text.normalize('NFKC').replace(KEYWORD, (word) => word.toLowerCase());
    for (const match of plain.matchAll(
      /(?<![\p{L}\p{N}])\(?(\p{L})\)?\s*(?:,|&|\+|\/|\band\b|\bor\b|\bnor\b)\s*\(?(\p{L})\)?(?![\p{L}\p{N}])/gu,
    )) {
      if (isLetter(match[1]) && isLetter(match[2])) return true;
    }
    for (const match of plain.matchAll(
      /\b(?:both|neither|either|only|options?|choices?|except)\s+\(?([A-Z])\)?(?![\p{L}\p{N}])/gu,
    )) {
      if (isLetter(match[1])) return true;
    }
    return false;
  });
}
