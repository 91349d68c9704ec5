// Owns turning a benchmark's already-read row into a stored multiple-choice example, with the checks
// every benchmark needs (a question, at least two non-empty options, distinct letters, a gold among
// them). Texts are stored trimmed for display; where trimming changed one, the source text is kept
// beside it, because reference prompts send it verbatim. Total: a row that fails is skipped with a
// reason the load report shows, never thrown.
import type { z } from '../../zod';
import type { RowOutcome } from '../types';
import { goldProblem, type ChoiceOption, type ContextSection } from './choicePayload';

export interface ChoiceExampleInput {
  id: string;
  group: string | null;
  question: string;
  options: readonly ChoiceOption[];
  gold: string;
  context?: readonly ContextSection[];
  /** Benchmark-specific payload fields (PubMedQA's `inTestSubset`). */
  extra?: Readonly<Record<string, unknown>>;
}

export function choiceExample(input: ChoiceExampleInput): RowOutcome {
  const question = input.question.trim();
  if (question === '') return { skip: 'the question is empty' };
  const options = input.options.map((option) => ({
    letter: option.letter,
    text: option.text.trim(),
    ...(option.text.trim() === option.text ? {} : { source: option.text }),
  }));
  const problem = optionsProblem(options) ?? goldProblem({ options, gold: input.gold });
  if (problem !== null) return { skip: problem };
  const goldText = options.find((option) => option.letter === input.gold)?.text ?? '';
  return {
    example: {
      id: input.id,
      group: input.group,
      question,
      answer: `${input.gold}. ${goldText}`,
      payload: {
        ...input.extra,
        options,
        gold: input.gold,
        ...(input.context === undefined ? {} : { context: input.context }),
        ...(question === input.question ? {} : { sourceQuestion: input.question }),
      },
    },
  };
}

function optionsProblem(options: readonly ChoiceOption[]): string | null {
  if (options.length < 2) return `only ${options.length} option(s); a choice needs at least two`;
  const empty = options.find((option) => option.text === '');
  if (empty !== undefined) return `option ${empty.letter} is empty`;
  const letters = new Set(options.map((option) => option.letter));
  if (letters.size !== options.length) return 'two options share a letter';
  return null;
}

/** The first problem zod found with a row, as `column: message` (the load report lists these). */
export function rowIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'the row does not have the expected columns';
  const path = issue.path.length === 0 ? 'row' : issue.path.map(String).join('.');
  return `${path}: ${issue.message}`;
}

/** A trimmed string, or null when absent or blank (group columns). */
export function nonBlank(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
