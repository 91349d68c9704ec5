// Owns the small readings of source rows MedARC's multiple-choice environments share: options given
// as a struct of letter → text (Parquet struct, JSON object) or as a list lettered A, B, … by position,
// and option text as the environment holds it (verbatim). Pure.
import { z } from '../../../zod';
import { compareByCodeUnit } from '../../../sortByCodeUnit';
import { optionLetter, type ChoiceOption } from '../choicePayload';

/** A struct column of options: letter → text, null where a row lacks that option. */
export const OptionStructSchema = z.record(z.string(), z.string().nullable());
/** A list column of options. */
export const OptionListSchema = z.array(z.string());

/** The struct's options in letter order, without the null ones (as the reference's dict holds them). */
export function letteredStruct(options: Readonly<Record<string, string | null>>): ChoiceOption[] {
  return Object.entries(options)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([letter, text]) => ({ letter, text }))
    .sort((a, b) => compareByCodeUnit(a.letter, b.letter));
}

/** `{chr(65 + i): v for i, v in enumerate(options)}`: letters by position, before any is dropped. */
export function letteredList(options: readonly string[]): ChoiceOption[] {
  return options.map((text, index) => ({ letter: optionLetter(index), text }));
}

/** The option text exactly as the source has it (what the reference prints and matches). */
export const verbatim = (option: ChoiceOption): string => option.source ?? option.text;

/** `"\n".join(f"{k}{sep} {v}")` over the presented options. */
export function optionLines(options: readonly ChoiceOption[], separator: string): string {
  return options.map((option) => `${option.letter}${separator} ${verbatim(option)}`).join('\n');
}
