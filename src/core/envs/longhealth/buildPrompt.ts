// LongHealth's messages as MedARC's environment sends them (longhealth.py @ 154710b): its own system
// prompt, then `_build_longhealth_prompt` — the letters between BEGIN/END DOCUMENTS markers, the
// question, the options "A: …" and the answer format — byte for byte. With shuffle_answers the
// options are shuffled as `_maybe_shuffle_options` does: the "cannot be answered" option is taken out,
// the others go through randomize_multiple_choice under the same labels (seed, "{patient}::{No}"
// row id), and it comes back last under its own label. Pure.
import type { ChatMessage } from '../../schema/chat';
import { medarcShuffleOrder } from '../multipleChoice/medarc/medarcShuffle';
import { CANNOT_ANSWER, type LongHealthOption } from './prepareExamples';
import type { LongHealthPayload } from './payload';
import type { LongHealthSettings } from './settings';

export const LONGHEALTH_SYSTEM_PROMPT =
  'You are a highly skilled and detail-oriented assistant, specifically trained to assist medical ' +
  'professionals in interpreting and extracting key information from medical documents. Your primary ' +
  'responsibility will be to analyze discharge letters from hospitals. When you receive one or more of ' +
  'these letters, you will be expected to carefully review the contents and accurately answer ' +
  'multiple-choice questions related to these documents. \n\n' +
  'Your answers should be:\n' +
  '1. Accurate: Make sure your answers are based on the information provided in the letters.\n' +
  '2. Concise: Provide brief and direct answers without unnecessary elaboration.\n' +
  '3. Contextual: Consider the context and specifics of each question to provide the most relevant ' +
  'information.\n\n' +
  "Remember, your job is to streamline the physician's decision-making process by providing them with " +
  'accurate and relevant information from discharge summaries. Efficiency and reliability are key.\n';

export interface PresentedLongHealth {
  options: LongHealthOption[];
  gold: string;
  /** The source letters in presented order, when shuffled. */
  order: string[] | null;
}

/** `_maybe_shuffle_options(options, answer_letter, shuffle_answers, shuffle_seed, row_id)`. */
export function presentLongHealth(
  payload: Pick<LongHealthPayload, 'options' | 'gold' | 'rowId'>,
  settings: Pick<LongHealthSettings, 'shuffleAnswers' | 'shuffleSeed'>,
): PresentedLongHealth {
  const { options, gold } = payload;
  if (!settings.shuffleAnswers || !options.some((option) => option.letter === gold)) {
    return { options: [...options], gold, order: null };
  }
  const special = options.find((option) => option.text === CANNOT_ANSWER);
  const base = options.filter((option) => option !== special);
  const order = medarcShuffleOrder(
    base.map((option) => option.text),
    settings.shuffleSeed,
    payload.rowId,
  );
  const arranged = order.map((index) => base[index] as LongHealthOption);
  const shuffled = arranged.map((option, i) => ({
    letter: base[i]?.letter ?? option.letter,
    text: option.text,
  }));
  const moved = arranged.findIndex((option) => option.letter === gold);
  let newGold = moved === -1 ? gold : (base[moved]?.letter ?? gold);
  const presented = special === undefined ? shuffled : [...shuffled, special];
  if (special !== undefined && gold === special.letter) newGold = special.letter;
  return {
    options: presented,
    gold: newGold,
    order: [...arranged.map((option) => option.letter), ...(special ? [special.letter] : [])],
  };
}

/** `_build_longhealth_prompt(documents, question_text, options)`. */
function longHealthUserMessage(
  docs: readonly string[],
  question: string,
  options: readonly LongHealthOption[],
): string {
  const documents = docs.join('\n\n--------------\n\n');
  const lines = options
    .map((option) => `${option.letter.toUpperCase()}: ${option.text}`)
    .join('\n');
  return (
    `--------------BEGIN DOCUMENTS--------------\n\n${documents}\n\n` +
    `--------------END DOCUMENTS--------------\n\n${question}\n${lines}\n\n` +
    'Please answer using the following format:\n' +
    '1. Begin your answer with the phrase "The correct answer is".\n' +
    '2. State the letter of the correct option (e.g., A, B, C, D, E).\n' +
    '3. Follow the letter with a colon and the exact text of the option you chose.\n' +
    '4. Make sure your answer is a single, concise sentence.\n\n' +
    "For example, if the correct answer to a question is option C, and the text for C is 'Acute " +
    "Bronchitis', your answer should be: \n'The correct answer is C: Acute bronchitis.'\n"
  );
}

export function longHealthPrompt(
  payload: LongHealthPayload,
  settings: Pick<LongHealthSettings, 'shuffleAnswers' | 'shuffleSeed'>,
): ChatMessage[] {
  const presented = presentLongHealth(payload, settings);
  return [
    { role: 'system', content: LONGHEALTH_SYSTEM_PROMPT },
    {
      role: 'user',
      content: longHealthUserMessage(payload.docs, payload.question, presented.options),
    },
  ];
}
