// Owns reading a MedConceptsQA row the way MedARC's medconceptsqa does: options from option1…option4
// (empty ones skipped), the stem = the question's lines that do not start with an option label
// ("A." "B)" "C:" "D-"…), the question written back as `stem\nA. …`, and the four-shot block: the
// first four dev rows of the same (vocab, level), each `question\nAnswer: <answer>X</answer>\n\n` with
// every double space deleted. Pure.
import { z } from '../../zod';
import type { ChoiceOption } from '../multipleChoice/choicePayload';
import { verbatim } from '../multipleChoice/medarc/medarcRows';
import { pySplitlines, pyStrip } from '../multipleChoice/python/pythonRegex';

export const MedconceptsRowSchema = z.object({
  question: z.string().nullish(),
  option1: z.string().nullish(),
  option2: z.string().nullish(),
  option3: z.string().nullish(),
  option4: z.string().nullish(),
  answer: z.string().nullish(),
  answer_id: z.string(),
  vocab: z.string().nullish(),
  level: z.string().nullish(),
});
export type MedconceptsRow = z.infer<typeof MedconceptsRowSchema>;

const LABELS = ['A', 'B', 'C', 'D'] as const;

export function medconceptsOptions(row: MedconceptsRow): ChoiceOption[] {
  const texts = [row.option1, row.option2, row.option3, row.option4];
  return LABELS.flatMap((letter, index) => {
    const text = texts[index];
    return text === null || text === undefined || text === '' ? [] : [{ letter, text }];
  });
}

function looksLikeOption(line: string): boolean {
  const candidate = pyStrip(line);
  return LABELS.some((label) =>
    ['.', ')', ':', '-'].some((sep) => candidate.startsWith(label + sep)),
  );
}

/** `_extract_question_and_options`' stem. */
export function medconceptsStem(question: string): string {
  const lines = pySplitlines(question).filter((line) => !looksLikeOption(line));
  return pyStrip(lines.join('\n'));
}

/** `_format_stem_with_options`. */
export function medconceptsQuestion(stem: string, options: readonly ChoiceOption[]): string {
  const block = options.map((option) => `${option.letter}. ${verbatim(option)}`).join('\n');
  return pyStrip(`${stem}\n${block}`);
}

/** `_create_few_shot_data(...)[(vocab, level)]` (XML answers), or null when a dev row is malformed. */
export function medconceptsShots(
  devRows: unknown,
  vocab: string | null | undefined,
  level: string | null | undefined,
  count: number,
): string | null {
  const parsed = z.array(MedconceptsRowSchema).safeParse(devRows ?? []);
  if (!parsed.success) return null;
  return parsed.data
    .filter((row) => row.vocab === vocab && row.level === level)
    .slice(0, count)
    .map((row) => {
      const question = medconceptsQuestion(
        medconceptsStem(row.question ?? ''),
        medconceptsOptions(row),
      );
      return `${question}\nAnswer: <answer>${row.answer_id}</answer>\n\n`.split('  ').join('');
    })
    .join('');
}
