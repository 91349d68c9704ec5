// SCT-Public's reward exactly as MedARC computes it (`SCTParser` and `sct_rubric` in med-lm-envs
// environments/sctpublic/sctpublic/sctpublic.py @ d1d164d). The parser reads Python's str() of the
// completion — the repr of the message list, where a newline is the two characters "\n" — drops
// <think> blocks (and everything up to a last "</think>"), takes the 5 characters after the FIRST
// "Rating: ", joins every "+2", "+1", "0", "-1", "-2" found there and reads that with int(); a rating
// outside -2 … 2, or nothing, scores 0. The reward is the panel's score for that rating over the
// panel's highest score (partial credit). Pure.
import { pyInt } from '../multipleChoice/python/pythonInt';
import { pyStrip } from '../multipleChoice/python/pythonRegex';
import { pyRepr } from '../multipleChoice/python/pythonRepr';
import type { RewardScore } from '../types';
import { SCT_RATINGS, type SctPayload } from './payload';

const THINK_BLOCK = /<think>[\s\S]*?<\/think>/giu;
const RATING_TOKEN = /\+2|\+1|0|-1|-2/g;

/** `SCTParser._strip_think_blocks`. */
function stripThinkBlocks(text: string): string {
  let out = text;
  if (out.toLowerCase().includes('<think>')) out = out.replace(THINK_BLOCK, '');
  if (out.toLowerCase().includes('</think>')) out = out.split('</think>').at(-1) ?? '';
  return pyStrip(out);
}

/** `SCTParser.parse_answer` on a one-message completion: the rating, or null. */
function parseSctRating(reply: string): { rating: number | null; window: string | null } {
  const completion = pyRepr([
    {
      pyDict: [
        ['role', 'assistant'],
        ['content', reply],
      ],
    },
  ]);
  const response = stripThinkBlocks(completion);
  const at = response.indexOf('Rating: ');
  if (at === -1) return { rating: null, window: null };
  // [:5] counts code points.
  const window = Array.from(response.slice(at + 'Rating: '.length))
    .slice(0, 5)
    .join('');
  const joined = (window.match(RATING_TOKEN) ?? []).join('');
  const read = pyInt(joined);
  if (!read.ok || read.value < -2n || read.value > 2n) return { rating: null, window };
  return { rating: Number(read.value), window };
}

export function scoreSct(reply: string, payload: Pick<SctPayload, 'distribution'>): RewardScore {
  const { rating, window } = parseSctRating(reply);
  const dist = payload.distribution;
  const best = Math.max(...dist);
  const gold = `panel ${dist.map((score, i) => `${SCT_RATINGS[i] ?? ''}: ${score}`).join(', ')}`;
  const extracted = window === null ? '' : `Rating: ${window}`;
  if (rating === null) {
    return {
      kind: 'reward',
      reward: 0,
      correct: false,
      parsed: null,
      gold,
      why:
        window === null
          ? 'No "Rating: " in the reply.'
          : `The 5 characters after "Rating: " do not read as one rating from -2 to +2.`,
      extracted,
    };
  }
  const reward = (dist[rating + 2] ?? 0) / best;
  const label = rating > 0 ? `+${rating}` : String(rating);
  return {
    kind: 'reward',
    reward,
    correct: reward === 1,
    parsed: label,
    gold,
    why: `Rated ${label}: the panel's score for it over its highest score.`,
    extracted,
  };
}
