// Owns scoring one reply to a multiple-choice example against the gold as presented (after any
// shuffle, so a shuffled run is scored against the order the model saw). A MedARC preset gives the
// reference's verdict: verifiers' parser reads the answer and that commit's multiple_choice_accuracy
// judges it (medarc/medarcVerdict.ts). The medeval presets find the answer (extractChoiceAnswer), read
// the option it chooses (matchChoice) and compare. No request is made. Pure.
import type { ChoiceScore, EnvExample } from '../types';
import type { ChoiceSettings } from './choiceSettings';
import { medarcVersionOf } from './choicePresets';
import { presentedFor } from './choicePrompt';
import { extractChoiceAnswer } from './extractChoiceAnswer';
import { MEDQA_LAYOUT, type MedarcLayout } from './medarc/medarcLayouts';
import { medarcChoiceScore } from './medarc/medarcVerdict';
import { matchChoice, type ChoiceMatch } from './matchChoice';
import { clipExtracted } from './clipExtracted';

export function scoreChoice(
  response: string,
  example: EnvExample,
  settings: ChoiceSettings,
  layout: MedarcLayout = MEDQA_LAYOUT,
): ChoiceScore {
  const presented = presentedFor(example, settings, layout);
  const version = medarcVersionOf(settings.preset);
  if (version !== null) {
    return medarcChoiceScore(response, presented, settings, version, layout);
  }
  const extracted = extractChoiceAnswer(response, settings);
  const match: ChoiceMatch =
    extracted.source === 'empty'
      ? { parsed: null, matchedBy: 'none', why: 'There is no answer to read: the reply is empty.' }
      : matchChoice(extracted.text, presented.options);
  const correct = match.parsed === presented.gold;
  const verdict = correct ? 'Correct.' : `The gold answer is ${presented.gold}.`;
  return {
    kind: 'choice',
    parsed: match.parsed,
    gold: presented.gold,
    correct,
    matchedBy: match.matchedBy,
    source: extracted.source,
    why: [extracted.note, match.why, verdict].filter((part) => part !== null).join(' '),
    extracted: clipExtracted(extracted.text, extracted.source),
    ...(presented.order === null ? {} : { order: presented.order }),
  };
}
