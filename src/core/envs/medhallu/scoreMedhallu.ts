// MedHallu's reward exactly as MedARC computes it (`reward_fn` in med-lm-envs
// environments/medhallu/medhallu/medhallu.py): the reply goes through verifiers'
// `Parser(extract_boxed_answer)` — the last balanced \boxed{…}, else the WHOLE reply —; an empty
// result scores 0; stripped, the label ("0" factual, "1" hallucinated) scores 1, "2" (unsure) scores
// the unsure reward (0.01), anything else 0. So "\boxed{ 1 }" and a bare "1" count; "\boxed{1.}" does
// not. Pure.
import { extractBoxedAnswer } from '../multipleChoice/medarc/verifiersParsers';
import { pyStrip } from '../multipleChoice/python/pythonRegex';
import type { RewardScore } from '../types';
import type { MedhalluPayload } from './medhalluPayload';

const EXTRACT_LIMIT = 2000;

export function scoreMedhallu(
  reply: string,
  payload: Pick<MedhalluPayload, 'label' | 'shown'>,
  unsureReward: number,
): RewardScore {
  const extracted = extractBoxedAnswer(reply);
  const gold = `${payload.label} (the ${payload.shown} answer was shown)`;
  const base = { kind: 'reward' as const, gold, extracted: extracted.slice(0, EXTRACT_LIMIT) };
  if (extracted === '') {
    return {
      ...base,
      reward: 0,
      correct: false,
      parsed: null,
      why: 'Nothing to read: the reply is empty.',
    };
  }
  const parsed = pyStrip(extracted);
  const from =
    reply.includes('\\boxed{') && extracted !== reply
      ? 'the last \\boxed{}'
      : 'the whole reply (no complete \\boxed{})';
  if (parsed === payload.label) {
    return {
      ...base,
      reward: 1,
      correct: true,
      parsed,
      why: `Read "${parsed}" from ${from}: the label.`,
    };
  }
  if (parsed === '2') {
    return {
      ...base,
      reward: unsureReward,
      correct: false,
      parsed,
      why: `Read "2" (unsure) from ${from}: the unsure reward.`,
    };
  }
  return {
    ...base,
    reward: 0,
    correct: false,
    parsed: parsed.slice(0, EXTRACT_LIMIT),
    why: `Read ${parsed.length > 40 ? 'a longer text' : `"${parsed}"`} from ${from}: not the label ${payload.label}.`,
  };
}
