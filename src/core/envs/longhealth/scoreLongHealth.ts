// LongHealth's reward as MedARC's `accuracy` computes it (longhealth.py @ 154710b): a plain
// `vf.Parser()` hands the whole reply to `multiple_choice_accuracy(reply, gold, correct_answer_text,
// prefix="The correct answer is")` — the stored matcher the settings name — and a match scores 1.
// The prefix's matches, when there are any, are the anchors looked at before the generic ones. To
// explain a miss, the options the same matcher would have accepted are named. Pure.
import type { ChoiceScore } from '../types';
import { stripLikelyTex } from '../multipleChoice/medarc/medarcAccuracy044f0b6';
import { medarcAccuracyWith } from '../multipleChoice/medarc/medarcAccuracy97d3282';
import { medarcVerdictScore } from '../multipleChoice/medarc/medarcVerdict';
import { stripTex } from '../multipleChoice/medarc/pythonText';
import type { PresentedLongHealth } from './buildPrompt';
import type { LongHealthSettings } from './settings';

const LONGHEALTH_PREFIX = 'The correct answer is';

export function scoreLongHealth(
  reply: string,
  presented: PresentedLongHealth,
  correctText: string,
  matcher: LongHealthSettings['matcher'],
): ChoiceScore {
  const texToText = matcher === '044f0b6' ? stripLikelyTex : stripTex;
  const judge = (letter: string, text: string) =>
    medarcAccuracyWith(texToText, reply, letter, text, LONGHEALTH_PREFIX);
  const textOf = (letter: string) =>
    letter === presented.gold
      ? correctText
      : (presented.options.find((option) => option.letter === letter)?.text ?? '');
  return medarcVerdictScore(
    presented,
    `MedARC’s multiple_choice_accuracy@${matcher} (prefix “${LONGHEALTH_PREFIX}”)`,
    (letter) => judge(letter, textOf(letter)),
    {
      text: reply,
      source: reply === '' ? 'empty' : 'whole_reply',
      note: 'The reference matches the whole reply.',
    },
  );
}
