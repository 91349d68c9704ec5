// Owns a MedARC preset's score for one reply: the answer verifiers' parser hands the environment's
// reward (verifiersParsers.ts), the verdict of that commit's multiple_choice_accuracy against the gold
// as presented (with the gold option's text), and, to explain it, which options the same function
// would have accepted had each been the gold. Pure.
import type { ChoiceScore } from '../../types';
import type { ChoiceOption } from '../choicePayload';
import type { ChoiceSettings } from '../choiceSettings';
import { clipExtracted } from '../clipExtracted';
import type { PresentedOptions } from '../shuffleOptions';
import {
  medarcAccuracy6568528,
  type MedarcMethod,
  type MedarcVerdict,
} from './medarcAccuracy6568528';
import { medarcAccuracy044f0b6 } from './medarcAccuracy044f0b6';
import { medarcAccuracy97d3282 } from './medarcAccuracy97d3282';
import type { MedarcLayout, MedarcParser } from './medarcLayouts';
import { PyJsonValueError } from '../python/pythonJson';
import { jsonAnswer, lastXmlAnswer } from './medarcParsers';
import { afterThink, extractBoxedAnswer, xmlAnswer } from './verifiersParsers';

export type MedarcVersion = '6568528' | '97d3282' | '044f0b6';

const MATCHERS: Readonly<Record<MedarcVersion, typeof medarcAccuracy6568528>> = {
  '6568528': medarcAccuracy6568528,
  '97d3282': medarcAccuracy97d3282,
  '044f0b6': medarcAccuracy044f0b6,
};

const MATCHED_BY: Readonly<Record<MedarcMethod, ChoiceScore['matchedBy']>> = {
  direct_answer: 'letter',
  anchored_token: 'anchored',
  last_token: 'last_letter',
  answer_text: 'option_text',
  none: 'none',
};

interface ParsedReply {
  text: string;
  source: ChoiceScore['source'];
  note: string | null;
}

const NOTHING_READ: Readonly<Record<'xml-last' | 'json-answer', string>> = {
  'xml-last':
    'No closed <answer>…</answer> tag: the reference reads nothing, so the reply scores 0.',
  'json-answer':
    'No JSON object with an "answer" in the reply: the reference reads nothing, so it scores 0.',
};

/** An environment's own parser (medarcLayouts.ts `MedarcParser`). */
function parseWith(reply: string, parser: MedarcParser): ParsedReply {
  if (parser === 'boxed') return parseReply(reply, { answerFormat: 'boxed', useThink: false });
  if (parser === 'whole-reply') {
    return {
      text: reply,
      source: reply === '' ? 'empty' : 'whole_reply',
      note: 'The reference matches the whole reply.',
    };
  }
  let read: string | null;
  try {
    read = parser === 'xml-last' ? lastXmlAnswer(reply) : jsonAnswer(reply);
  } catch (error) {
    if (!(error instanceof PyJsonValueError)) throw error;
    // JSONParser catches only JSONDecodeError: the reward function raises and verifiers scores 0.0.
    return {
      text: '',
      source: 'empty',
      note: `Reading the reply's JSON raised ${error.message} (Python's limit on an int's digits): the reference's reward function raises, so it scores 0.`,
    };
  }
  if (read === null) return { text: '', source: 'empty', note: NOTHING_READ[parser] };
  return { text: read, source: read === '' ? 'empty' : 'answer_tag', note: null };
}

/** What `parser.parse_answer(completion) or ""` gives, and where it came from. */
function parseReply(
  reply: string,
  settings: Pick<ChoiceSettings, 'answerFormat' | 'useThink'>,
): ParsedReply {
  if (settings.answerFormat === 'xml') {
    const tagged = xmlAnswer(reply);
    if (tagged === null) {
      return {
        text: '',
        source: 'empty',
        note: 'No closed <answer>…</answer> tag: the reference reads nothing, so the reply scores 0.',
      };
    }
    return { text: tagged, source: tagged === '' ? 'empty' : 'answer_tag', note: null };
  }
  const visible = settings.useThink ? afterThink(reply) : reply;
  if (settings.useThink && !reply.includes('</think>')) {
    return {
      text: '',
      source: 'empty',
      note: 'No </think> in the reply: the reference’s think parser reads nothing, so it scores 0.',
    };
  }
  const boxed = extractBoxedAnswer(visible);
  if (boxed === visible && !visible.includes('\\boxed{')) {
    return {
      text: visible,
      source: visible === '' ? 'empty' : 'whole_reply',
      note: 'No \\boxed{}: the reference matches the whole reply.',
    };
  }
  return { text: boxed, source: 'boxed', note: null };
}

function judge(
  version: MedarcVersion,
  answer: string,
  letter: string,
  options: readonly ChoiceOption[],
  layout: MedarcLayout,
): MedarcVerdict {
  const option = options.find((o) => o.letter === letter);
  return MATCHERS[version](answer, letter, option === undefined ? '' : layout.optionText(option));
}

export function medarcChoiceScore(
  reply: string,
  presented: PresentedOptions,
  settings: Pick<ChoiceSettings, 'answerFormat' | 'useThink'>,
  version: MedarcVersion,
  layout: MedarcLayout,
): ChoiceScore {
  const parsed =
    layout.parser === undefined ? parseReply(reply, settings) : parseWith(reply, layout.parser);
  return medarcVerdictScore(
    presented,
    `MedARC’s multiple_choice_accuracy@${version}`,
    (letter) => judge(version, parsed.text, letter, presented.options, layout),
    parsed,
  );
}

/**
 * The score of a reply MedARC's matcher has judged: the gold's verdict and, to explain a miss, the
 * options the same matcher would have accepted instead (`judgeLetter` judges the reply against one
 * option). Shared by every environment scored with `multiple_choice_accuracy`.
 */
export function medarcVerdictScore(
  presented: { options: readonly { letter: string }[]; gold: string; order: string[] | null },
  reader: string,
  judgeLetter: (letter: string) => MedarcVerdict,
  parsed: ParsedReply,
): ChoiceScore {
  const verdict = judgeLetter(presented.gold);
  const accepted = presented.options
    .map((option) => option.letter)
    .filter((letter) =>
      letter === presented.gold ? verdict.isCorrect : judgeLetter(letter).isCorrect,
    );
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
    source: parsed.source,
    why: [parsed.note, read].filter((part) => part !== null).join(' '),
    extracted: clipExtracted(parsed.text, parsed.source),
    ...(presented.order === null ? {} : { order: presented.order }),
  };
}
