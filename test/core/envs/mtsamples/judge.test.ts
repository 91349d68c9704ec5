import { describe, expect, it } from 'vitest';
import type { ParsedJudgeReply } from '../../../../src/core/envs/mtsamples/judge';
import {
  EMPTY_RESPONSE_VERDICT,
  isEmptyResponse,
  judgeScore,
  ParsedJudgeReplySchema,
  parseJudgeReply,
  scoreRollout,
} from '../../../../src/core/envs/mtsamples/judge';

// Replies in the shapes real judges produce (spec mtsamples-procedures.md §4), then the scoring rules
// of §5 with exact numbers.

const VALID = JSON.stringify({
  accuracy: { score: 5, explanation: 'Correct.' },
  completeness: { score: 4, explanation: 'Misses follow-up.' },
  clarity: { score: 3, explanation: 'Dense.' },
});

type Scores = [number | null, number | null, number | null];

function scoresOf(reply: ParsedJudgeReply): Scores {
  return [reply.accuracy.score, reply.completeness.score, reply.clarity.score];
}

interface ReplyCase {
  shape: string;
  raw: string;
  scores: Scores;
  jsonFound?: boolean;
  /** Substrings that must appear among `problems` (every one of them). */
  problems?: string[];
}

describe('parseJudgeReply: reply shapes', () => {
  it.each<ReplyCase>([
    { shape: 'plain JSON', raw: VALID, scores: [5, 4, 3], problems: [] },
    {
      shape: 'pretty-printed JSON with surrounding whitespace',
      raw: `\n\n${JSON.stringify(JSON.parse(VALID), null, 2)}\n`,
      scores: [5, 4, 3],
      problems: [],
    },
    { shape: '```json fence', raw: '```json\n' + VALID + '\n```', scores: [5, 4, 3], problems: [] },
    { shape: 'bare ``` fence', raw: '```\n' + VALID + '\n```\n', scores: [5, 4, 3], problems: [] },
    {
      shape: 'prose before and after',
      raw: `Here is my evaluation:\n${VALID}\nLet me know if you need more.`,
      scores: [5, 4, 3],
      problems: [],
    },
    {
      shape: 'a fenced block inside prose',
      raw: 'Sure.\n```json\n' + VALID + '\n```\nDone.',
      scores: [5, 4, 3],
    },
    {
      shape: 'two objects: the last valid one wins',
      raw:
        'Draft: {"accuracy": {"score": 2, "explanation": "x"}, "completeness": {"score": 2, "explanation": "x"}, "clarity": {"score": 2, "explanation": "x"}}\nFinal: ' +
        VALID,
      scores: [5, 4, 3],
      problems: ['2 JSON objects found; used the last one holding the criteria'],
    },
    {
      shape: 'a trailing object without criteria does not displace the verdict',
      raw: `${VALID}\nMetadata: {"model": "x"}`,
      scores: [5, 4, 3],
      problems: ['2 JSON objects found'],
    },
    {
      shape: 'a last object that does not parse is skipped',
      raw: `${VALID}\nNote: {not json}`,
      scores: [5, 4, 3],
      problems: [],
    },
    {
      shape: 'braces and quotes inside explanation strings',
      raw: '{"accuracy": {"score": 4, "explanation": "Uses {dose} and \\"}\\" oddly {"}, "completeness": {"score": 4, "explanation": "}}}"}, "clarity": {"score": 4, "explanation": "{ok"}}',
      scores: [4, 4, 4],
      problems: [],
    },
    {
      shape: 'unbalanced braces inside strings, with braces in the prose around',
      raw: 'Scores {see below}:\n{"accuracy": {"score": 2, "explanation": "}}} {x"}, "completeness": {"score": 3, "explanation": "{{"}, "clarity": {"score": 4, "explanation": "ok"}}\nThanks :}',
      scores: [2, 3, 4],
      problems: [],
    },
    {
      shape: 'trailing commas (the invalid example one reference implementation shows)',
      raw: '{\n "accuracy": {"score": 3, "explanation": "a",},\n "completeness": {"score": 4, "explanation": "b",},\n "clarity": {"score": 5, "explanation": "c, fine",},\n}',
      scores: [3, 4, 5],
      problems: ['trailing commas in the JSON were tolerated'],
    },
    {
      shape: 'scores as strings',
      raw: '{"accuracy": {"score": "4", "explanation": "a"}, "completeness": {"score": " 5 ", "explanation": "b"}, "clarity": {"score": "2", "explanation": "c"}}',
      scores: [4, 5, 2],
      problems: ['accuracy: score given as the string "4" (tolerated)'],
    },
    {
      shape: 'a missing criterion',
      raw: '{"accuracy": {"score": 4, "explanation": "a"}, "clarity": {"score": 2, "explanation": "c"}}',
      scores: [4, null, 2],
      problems: ['completeness: missing'],
    },
    {
      shape: 'out of range: 0 and 6',
      raw: '{"accuracy": {"score": 0, "explanation": "a"}, "completeness": {"score": 6, "explanation": "b"}, "clarity": {"score": 5, "explanation": "c"}}',
      scores: [null, null, 5],
      problems: ['accuracy: score 0 is outside 1–5', 'completeness: score 6 is outside 1–5'],
    },
    {
      shape: 'non-integers: 3.5 and "3.5"',
      raw: '{"accuracy": {"score": 3.5, "explanation": "a"}, "completeness": {"score": "3.5", "explanation": "b"}, "clarity": {"score": 4.0, "explanation": "c"}}',
      scores: [null, null, 4],
      problems: [
        'accuracy: score 3.5 is not an integer',
        'completeness: score given as the string',
      ],
    },
    {
      shape: 'words, null and a fraction string as scores',
      raw: '{"accuracy": {"score": "high", "explanation": "a"}, "completeness": {"score": null, "explanation": "b"}, "clarity": {"score": "4/5", "explanation": "c"}}',
      scores: [null, null, null],
      problems: [
        'accuracy: score "high" is not a number',
        'completeness: score null is not a number',
        'clarity: score "4/5" is not a number',
      ],
    },
    {
      shape: 'keys in Title case and upper case',
      raw: '{"Accuracy": {"Score": 5, "Explanation": "a"}, "COMPLETENESS": {"score": 4, "explanation": "b"}, "Clarity": {"score": 3, "explanation": "c"}}',
      scores: [5, 4, 3],
      problems: ['accuracy: key "Accuracy" read as "accuracy"'],
    },
    {
      shape: 'nested junk: extra keys, arrays and a wrapper object',
      raw: '{"evaluation": {"accuracy": {"score": 5, "explanation": "a", "tags": [1, {"x": []}]}, "completeness": {"score": 4, "explanation": "b"}, "clarity": {"score": 3, "explanation": "c"}, "overall": {"score": 4}}, "meta": {"v": null}}',
      scores: [5, 4, 3],
      problems: ['criteria read from inside the key "evaluation"'],
    },
    {
      shape: 'criteria given as bare numbers',
      raw: '{"accuracy": 4, "completeness": "3", "clarity": {"score": 5, "explanation": "c"}}',
      scores: [4, 3, 5],
      problems: ['accuracy: given as a bare score without an explanation (tolerated)'],
    },
    {
      shape: 'a criterion that is an array',
      raw: '{"accuracy": [4], "completeness": {"score": 4, "explanation": "b"}, "clarity": {"score": 4, "explanation": "c"}}',
      scores: [null, 4, 4],
      problems: ['accuracy: is an array, not an object with a score'],
    },
    {
      shape: 'an empty reply',
      raw: '   \n ',
      scores: [null, null, null],
      jsonFound: false,
      problems: ['the reply is empty'],
    },
    {
      shape: 'a reply that is not JSON at all',
      raw: 'Accuracy: 4/5. Completeness: 3/5. Clarity: 5/5.',
      scores: [null, null, null],
      jsonFound: false,
      problems: ['no JSON object found in the reply'],
    },
    {
      shape: 'a truncated object',
      raw: '{"accuracy": {"score": 4, "explanation": "The plan is',
      scores: [null, null, null],
      jsonFound: false,
      problems: ['no JSON object found in the reply'],
    },
    {
      shape: 'JSON without any criterion',
      raw: '{"score": 4, "explanation": "good"}',
      scores: [null, null, null],
      jsonFound: true,
      problems: [
        'the JSON object has none of the keys accuracy, completeness, clarity',
        'clarity: missing',
      ],
    },
    {
      shape: 'a JSON array around the object',
      raw: `[${VALID}]`,
      scores: [5, 4, 3],
    },
  ])('$shape', ({ raw, scores, jsonFound = true, problems }) => {
    const reply = parseJudgeReply(raw);
    expect(scoresOf(reply)).toEqual(scores);
    expect(reply.jsonFound).toBe(jsonFound);
    if (problems?.length === 0) expect(reply.problems).toEqual([]);
    for (const problem of problems ?? []) {
      expect(
        reply.problems.some((p) => p.includes(problem)),
        `${problem} in ${reply.problems.join(' | ')}`,
      ).toBe(true);
    }
    expect(ParsedJudgeReplySchema.safeParse(reply).success).toBe(true);
  });
});

describe('parseJudgeReply: explanations and per-criterion problems', () => {
  it('keeps explanations, and records the reason beside a criterion it cannot read', () => {
    const reply = parseJudgeReply(
      '{"accuracy": {"score": 9, "explanation": "Too generous."}, "completeness": {"score": 4, "explanation": 7}, "clarity": {"score": 2}}',
    );
    expect(reply.accuracy).toEqual({
      score: null,
      explanation: 'Too generous.',
      problem: 'score 9 is outside 1–5',
    });
    expect(reply.completeness).toEqual({
      score: 4,
      explanation: null,
      problem: 'explanation 7 is not a string',
    });
    expect(reply.clarity).toEqual({ score: 2, explanation: null, problem: 'no explanation' });
  });

  it('removes trailing commas only outside strings', () => {
    const reply = parseJudgeReply(
      '{"accuracy": {"score": 3, "explanation": "doses [1, 2,] and {a,}",}, "completeness": {"score": 3, "explanation": "b"}, "clarity": {"score": 3, "explanation": "c"},}',
    );
    expect(reply.accuracy.explanation).toBe('doses [1, 2,] and {a,}');
    expect(scoresOf(reply)).toEqual([3, 3, 3]);
  });

  it('leaves `problem` out of a criterion read cleanly', () => {
    expect(parseJudgeReply(VALID).accuracy).toEqual({ score: 5, explanation: 'Correct.' });
  });

  it.each([
    '{'.repeat(5000),
    '}'.repeat(5000) + '{',
    '"'.repeat(1000),
    '```',
    '```json\n```',
    '{"accuracy": {"score": 4, "explanation": "\\',
    '[[[[{}]]]]',
    'null',
    '{"__proto__": {"score": 5}, "accuracy": {"score": 5, "explanation": "a"}}',
  ])('never throws on %s', (raw) => {
    expect(() => parseJudgeReply(raw)).not.toThrow();
  });
});

describe('scoreRollout', () => {
  const judgeA = parseJudgeReply(VALID); // 5 / 4 / 3
  const judgeB = parseJudgeReply(
    '{"accuracy": {"score": 3, "explanation": "a"}, "completeness": {"score": 3, "explanation": "b"}, "clarity": {"score": 3, "explanation": "c"}}',
  );
  const partial = parseJudgeReply(
    '{"accuracy": {"score": 4, "explanation": "a"}, "completeness": {"score": 0, "explanation": "b"}, "clarity": {"score": 2, "explanation": "c"}}',
  ); // 4 / invalid / 2
  const unreadable = parseJudgeReply('I cannot evaluate this.');

  it.each<{
    name: string;
    verdicts: (ParsedJudgeReply | null)[];
    reward: number | null;
    jury: number | null;
    judges: (number | null)[];
    means: [number | null, number | null, number | null];
  }>([
    {
      name: 'one judge 5/4/3 → 0.8',
      verdicts: [judgeA],
      reward: 0.8,
      jury: 4,
      judges: [0.8],
      means: [5, 4, 3],
    },
    {
      name: 'judge B failed: the reward is judge A’s alone',
      verdicts: [judgeA, null],
      reward: 0.8,
      jury: 4,
      judges: [0.8, null],
      means: [5, 4, 3],
    },
    {
      name: 'both failed → unscored',
      verdicts: [null, null],
      reward: null,
      jury: null,
      judges: [null, null],
      means: [null, null, null],
    },
    {
      name: 'no judges → unscored',
      verdicts: [],
      reward: null,
      jury: null,
      judges: [],
      means: [null, null, null],
    },
    {
      name: 'a judge whose reply had no JSON counts like a failed one',
      verdicts: [unreadable, judgeB],
      reward: 0.6,
      jury: 3,
      judges: [null, 0.6],
      means: [3, 3, 3],
    },
    {
      name: 'a partially valid judge scores over its valid criteria: (4 + 2) / 2 / 5 = 0.6',
      verdicts: [partial],
      reward: 0.6,
      jury: 3,
      judges: [0.6],
      means: [4, null, 2],
    },
    {
      name: 'two judges: reward is the mean of judge scores, jury the mean of all six scores',
      verdicts: [judgeA, judgeB],
      reward: 0.7,
      jury: 3.5,
      judges: [0.8, 0.6],
      means: [4, 3.5, 3],
    },
    {
      // Judge scores 0.8 and 0.6 average to 0.7; the 5 valid scores 5,4,3,4,2 average to 3.6: the
      // reward weighs judges equally, the jury score weighs scores equally.
      name: 'reward and jury weigh differently when a judge is partial',
      verdicts: [judgeA, partial],
      reward: 0.7,
      jury: 3.6,
      judges: [0.8, 0.6],
      means: [4.5, 4, 2.5],
    },
  ])('$name', ({ verdicts, reward, jury, judges, means }) => {
    const score = scoreRollout(verdicts);
    expect(score.reward === null ? null : round(score.reward)).toBe(reward);
    expect(score.jury_score === null ? null : round(score.jury_score)).toBe(jury);
    expect(score.judge_scores.map((s) => (s === null ? null : round(s)))).toEqual(judges);
    expect([
      score.criterion_means.accuracy,
      score.criterion_means.completeness,
      score.criterion_means.clarity,
    ]).toEqual(means);
  });

  it('gives exactly 0.8 for 5/4/3 (no rounding drift)', () => {
    expect(scoreRollout([judgeA]).reward).toBe(0.8);
  });

  it.each<[ParsedJudgeReply, number]>([
    [judgeA, 0.75], // mean 4 → (4 - 1) / 4
    [judgeB, 0.5],
    [partial, 0.5], // mean 3
    [EMPTY_RESPONSE_VERDICT, 0],
  ])('minus_one normalisation: (mean - 1) / 4 → %#', (verdict, expected) => {
    expect(judgeScore(verdict, 'minus_one')).toBe(expected);
    const score = scoreRollout([verdict, null], { normalisation: 'minus_one' });
    expect(score.reward).toBe(expected);
  });

  it('leaves jury_score and criterion means on the 1–5 scale under minus_one', () => {
    const score = scoreRollout([judgeA], { normalisation: 'minus_one' });
    expect(score.jury_score).toBe(4);
    expect(score.criterion_means.accuracy).toBe(5);
  });
});

describe('empty candidate responses', () => {
  it.each([
    ['', true],
    [' \n\t', true],
    ['.', false],
  ])('isEmptyResponse(%j) = %s', (text, expected) => {
    expect(isEmptyResponse(text)).toBe(expected);
  });

  it('scores every criterion 1 and says why', () => {
    expect(scoresOf(EMPTY_RESPONSE_VERDICT)).toEqual([1, 1, 1]);
    expect(EMPTY_RESPONSE_VERDICT.problems.join(' ')).toMatch(/empty.*not called/);
    expect(ParsedJudgeReplySchema.parse(EMPTY_RESPONSE_VERDICT)).toEqual(EMPTY_RESPONSE_VERDICT);
    const score = scoreRollout([EMPTY_RESPONSE_VERDICT]);
    expect(score.reward).toBe(0.2);
    expect(score.jury_score).toBe(1);
  });

  it('is frozen, so no caller can change the shared verdict', () => {
    expect(Object.isFrozen(EMPTY_RESPONSE_VERDICT)).toBe(true);
    expect(Object.isFrozen(EMPTY_RESPONSE_VERDICT.accuracy)).toBe(true);
    expect(Object.isFrozen(EMPTY_RESPONSE_VERDICT.problems)).toBe(true);
  });
});

function round(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
