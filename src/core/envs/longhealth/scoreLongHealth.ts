// LongHealth's reward as MedARC's `accuracy` computes it (longhealth.py @ 154710b): a plain
// `vf.Parser()` hands the whole reply to `multiple_choice_accuracy(reply, gold, correct_answer_text,
// prefix="The correct answer is")` — the stored matcher the settings name — and a match scores 1.
// The prefix's matches, when there are any, are the anchors looked at before the generic ones. To
// explain a miss, the options the same matcher would have accepted are named. Pure.
import type { ChoiceScore } from '../types';
import { clipExtracted } from '../multipleChoice/clipExtracted';
import { stripLikelyTex } from '../multipleChoice/medarc/medarcAccuracy044f0b6';
import type { MedarcMethod } from '../multipleChoice/medarc/medarcAccuracy6568528';
import { medarcAccuracyWith } from '../multipleChoice/medarc/medarcAccuracy97d3282';
import { stripTex } from '../multipleChoice/medarc/pythonText';
import type { PresentedLongHealth } from './buildPrompt';
import type { LongHealthSettings } from './settings';

const LONGHEALTH_PREFIX = 'The correct answer is';

const MATCHED_BY: Readonly<Record<MedarcMethod, ChoiceScore['matchedBy']>> = {
  direct_answer: 'letter',
  anchored_token: 'anchored',
  last_token: 'last_letter',
  answer_text: 'option_text',
  none: 'none',
};

export function scoreLongHealth(
  reply: string,
  presented: PresentedLongHealth,
  correctText: string,
  matcher: LongHealthSettings['matcher'],
): ChoiceScore {
  const texToText = matcher === '044f0b6' ? stripLikelyTex : stripTex;
  const judge = (letter: string, text: string) =>
    medarcAccuracyWith(texToText, reply, letter, text, LONGHEALTH_PREFIX);
  const verdict = judge(presented.gold, correctText);
  const accepted = presented.options
    .filter((option) =>
      option.letter === presented.gold
        ? verdict.isCorrect
        : judge(option.letter, option.text).isCorrect,
    )
    .map((option) => option.letter);
  const reader = `MedARC’s multiple_choice_accuracy@${matcher} (prefix “${LONGHEALTH_PREFIX}”)`;
  const read = verdict.isCorrect
    ? `${reader} accepts it as ${presented.gold} (${verdict.method}). Correct.`
    : accepted.length > 0
      ? `${reader} would accept it as ${accepted.join(' or ')}, not the gold ${presented.gold}.`
      : `${reader} does not accept it as the gold ${presented.gold} (nor as any other option).`;
  return {
    kind: 'choice',
    parsed: verdict.isCorrect
      ? presented.gold
      : accepted.length === 1
        ? (accepted[0] ?? null)
        : null,
    gold: presented.gold,
    correct: verdict.isCorrect,
    matchedBy: MATCHED_BY[verdict.method],
    source: reply === '' ? 'empty' : 'whole_reply',
    why: `The reference matches the whole reply. ${read}`,
    extracted: clipExtracted(reply, reply === '' ? 'empty' : 'whole_reply'),
    ...(presented.order === null ? {} : { order: presented.order }),
  };
}
