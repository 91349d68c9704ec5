// CPython's 4,300-digit limit on an int literal (sys.int_info.default_max_str_digits) wherever a
// reference reads JSON with Python: json.loads itself (the data files read with json.load check it
// through pyJsonDigitLimitError), MedARC's JSONParser reading a model's answer (HEAD-QA v2: the
// ValueError goes through its `except json.JSONDecodeError`, the reward function raises, verifiers
// scores 0.0) and a judge's reply (MTSamples' MedARC reward: the whole rollout 0.0). Expected outputs
// from CPython itself (fixture: its version named inside).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { medarcChoiceScore } from '../../../../../src/core/envs/multipleChoice/medarc/medarcVerdict';
import { MEDQA_LAYOUT } from '../../../../../src/core/envs/multipleChoice/medarc/medarcLayouts';
import { readBenchmark } from '../../../../../src/core/envs/longhealth/benchmark';
import { jsonAnswer } from '../../../../../src/core/envs/multipleChoice/medarc/medarcParsers';
import {
  pyJsonDigitLimitError,
  pyJsonRead,
  PyJsonValueError,
} from '../../../../../src/core/envs/multipleChoice/python/pythonJson';
import {
  medarcJudgeScore,
  medarcRolloutReward,
} from '../../../../../src/core/envs/mtsamples/medarcReward';
import { PyError } from '../../../../../src/core/envs/mtsamples/pythonJson';

interface Outcome {
  raises?: string;
  decodeError?: string;
}
interface Fixture {
  python: string;
  max_str_digits: number;
  loads: (Outcome & { text: string; type?: string })[];
  jsonParserAnswer: (Outcome & { reply: string; answer?: string | null })[];
  jsonParserJudge: (Outcome & { reply: string; parsed?: string[] | null })[];
}
const fixture = JSON.parse(
  readFileSync(
    new URL('../../../../fixtures/reference/python-json-int-limit.json', import.meta.url),
    'utf8',
  ),
) as Fixture;

const PY_KIND: Readonly<Record<string, string>> = {
  int: 'int',
  float: 'float',
  str: 'str',
  dict: 'dict',
  list: 'list',
};

function outcomeOf(read: ReturnType<typeof pyJsonRead>) {
  if ('raises' in read) return { raises: read.raises };
  if ('decodeError' in read) return { decodeError: read.decodeError };
  return { type: Object.keys(PY_KIND).find((type) => PY_KIND[type] === read.value.kind) };
}

function pyTypeRaised(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof PyError) return error.pyType;
    throw error;
  }
}

describe('CPython’s int digit limit', () => {
  it('is read from a CPython that has it', () => {
    expect(fixture.max_str_digits).toBe(4300);
    expect(fixture.python).toMatch(/^3\.1[1-9]\./);
  });

  it('json.loads: ints of 4,301 digits raise ValueError where they are read, as CPython does', () => {
    expect(fixture.loads.filter((c) => c.raises !== undefined).length).toBeGreaterThan(5);
    for (const { text, ...expected } of fixture.loads) {
      expect({ head: text.slice(0, 30), ...outcomeOf(pyJsonRead(text)) }).toEqual({
        head: text.slice(0, 30),
        ...expected,
      });
    }
  });

  it('a data file read with json.load: the ValueError, or null where CPython reads it (or fails otherwise)', () => {
    for (const { text, raises } of fixture.loads) {
      expect(pyJsonDigitLimitError(text)).toBe(raises ?? null);
    }
  });

  it('MedARC’s JSONParser.parse_answer: the answer, or the ValueError that goes through it', () => {
    for (const { reply, raises, answer } of fixture.jsonParserAnswer) {
      if (raises === undefined) {
        expect(jsonAnswer(reply)).toBe(answer ?? null);
        continue;
      }
      expect(() => jsonAnswer(reply)).toThrow(PyJsonValueError);
      expect(() => jsonAnswer(reply)).toThrow(raises);
    }
  });

  it('HEAD-QA v2 (JSONParser): a reply whose JSON raises scores 0 and says why', () => {
    const raising = fixture.jsonParserAnswer.find(
      (c) => c.raises !== undefined && c.reply.startsWith('Big'),
    );
    const options = ['A', 'B', 'C', 'D'].map((letter, i) => ({ letter, text: `option ${i + 1}` }));
    const layout = { ...MEDQA_LAYOUT, parser: 'json-answer' as const };
    const presented = { options, gold: 'C', order: null };
    const settings = { answerFormat: 'xml' as const, useThink: false };
    const score = medarcChoiceScore(raising?.reply ?? '', presented, settings, '97d3282', layout);
    expect(score).toMatchObject({ correct: false, source: 'empty', extracted: '' });
    expect(score.why).toMatch(/raised ValueError: Exceeds the limit \(4300 digits\).*scores 0/);
    // The same reply without the huge int is read.
    expect(
      medarcChoiceScore('I pick {"answer": "C"}', presented, settings, '97d3282', layout).correct,
    ).toBe(true);
  });

  it('MTSamples’ MedARC reward: a judge reply whose JSON raises scores the whole rollout 0.0', () => {
    for (const { reply, raises, parsed } of fixture.jsonParserJudge) {
      if (raises === undefined) {
        // Parsed (4,300 digits pass; float() of them then raises OverflowError, as before), or none.
        const raised = pyTypeRaised(() => medarcJudgeScore(reply));
        expect(raised === null || raised === 'OverflowError').toBe(true);
        if (parsed === null) expect(medarcJudgeScore(reply)).toBe(0);
        continue;
      }
      expect(pyTypeRaised(() => medarcJudgeScore(reply))).toBe('ValueError');
      expect(() => medarcJudgeScore(reply)).toThrow(PyError);
      const good = fixture.jsonParserJudge[0]?.reply ?? '';
      expect(medarcRolloutReward([good, reply, null])).toEqual({
        reward: 0,
        judgeScores: null,
        raised: raises,
      });
    }
  });

  it('LongHealth’s benchmark file (json.load in the reference): refused with CPython’s ValueError', () => {
    const raises = fixture.loads.find((c) => c.raises?.includes('has 4301 digits'))?.raises;
    expect(raises).toMatch(/^ValueError: Exceeds the limit/);
    const huge = `{"patient_01": {"n": ${'7'.repeat(4301)}}}`;
    expect(() => readBenchmark(huge)).toThrow(`not JSON as Python reads it (${raises ?? ''})`);
  });
});
