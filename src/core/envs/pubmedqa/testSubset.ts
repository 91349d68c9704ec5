// Owns PubMedQA's official 500-question test set: which labelled questions are in it (from the
// project's test_ground_truth.json, an object keyed by pubid), which examples a run includes, and, when
// that list could not be fetched, saying so instead of showing an unexplained empty selection. Pure.
import { z } from '../../zod';
import { ChoicePayloadSchema } from '../multipleChoice/choicePayload';
import type { EnvExample } from '../types';
import type { PubmedqaSettings } from './pubmedqaSettings';

const TEST_SUBSET_SIZE = 500;

const PubmedqaPayloadSchema = ChoicePayloadSchema.extend({
  /** In the official test set; null when the list was unavailable at load time. */
  inTestSubset: z.boolean().nullable(),
});

/**
 * Whether `pubid` is in the test list: the file's keys (an array of ids is accepted too). Null when the
 * file is absent or not one of those shapes: then nobody can say.
 */
export function isInTestSubset(list: unknown, pubid: string): boolean | null {
  if (Array.isArray(list)) return list.some((id) => String(id) === pubid);
  if (typeof list === 'object' && list !== null) return Object.hasOwn(list, pubid);
  return null;
}

export function includesExample(example: EnvExample, settings: PubmedqaSettings): boolean {
  if (settings.subset === 'all') return true;
  return inTestSubsetOf(example) === true;
}

/** Why the chosen subset is not the 500 official questions, in words; null when it is. */
export function subsetProblem(
  examples: readonly EnvExample[],
  settings: PubmedqaSettings,
): string | null {
  if (settings.subset === 'all' || examples.length === 0) return null;
  const marks = examples.map(inTestSubsetOf);
  if (marks.every((mark) => mark === null)) {
    return (
      'The list of the official test questions (test_ground_truth.json, PubMedQA’s GitHub repository) ' +
      'could not be fetched when this dataset was loaded, so the test set is empty. Load the dataset ' +
      'again, or choose "All expert-labelled (1,000)".'
    );
  }
  const count = marks.filter((mark) => mark === true).length;
  if (count === TEST_SUBSET_SIZE) return null;
  return `Only ${count} of the ${TEST_SUBSET_SIZE} official test questions are in the loaded dataset.`;
}

function inTestSubsetOf(example: EnvExample): boolean | null {
  const parsed = PubmedqaPayloadSchema.safeParse(example.payload);
  return parsed.success ? parsed.data.inTestSubset : null;
}
