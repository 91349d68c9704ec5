// LongHealth against MedARC's own code: test/fixtures/medmarks/longhealth.json holds what
// longhealth.py @ 154710b built from a synthetic benchmark_v5.json (five patients in the real shape:
// letters over the 64,000-character budget with characters outside the BMP, more than 85 letters of
// other patients so random.sample takes its set algorithm, and one patient with fewer, a question
// whose answer matches no option, one without No, answer locations naming no letter…) under the
// suite's seeds for both tasks, and how it scored 450 replies with multiple_choice_accuracy @ 044f0b6
// and @ 97d3282. Every prompt must be byte-identical and every verdict equal.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { longhealthEnv } from '../../../../src/core/envs/longhealth';
import { readBenchmark } from '../../../../src/core/envs/longhealth/benchmark';
import {
  LONGHEALTH_SYSTEM_PROMPT,
  longHealthPrompt,
  presentLongHealth,
} from '../../../../src/core/envs/longhealth/buildPrompt';
import {
  effectiveDocSeed,
  readLongHealthArgs,
} from '../../../../src/core/envs/longhealth/medarcArgs';
import { readLongHealthPayload } from '../../../../src/core/envs/longhealth/payload';
import {
  prepareExamples,
  truncateDocuments,
} from '../../../../src/core/envs/longhealth/prepareExamples';
import { scoreLongHealth } from '../../../../src/core/envs/longhealth/scoreLongHealth';
import type { EnvExample, RowContext } from '../../../../src/core/envs/types';

interface FixtureExample {
  system_sha256: string;
  user_sha256: string;
  user_chars: number;
  user?: string;
  answer: string;
  info: {
    patient_id: string;
    question_no: unknown;
    longhealth_task: string;
    correct_answer_text: string;
    num_docs: number;
    has_answer_docs: boolean;
    options?: Record<string, string>;
    answer_letter?: string;
  };
}
interface Fixture {
  reference: { commit: string };
  benchmark: string;
  envs: { env_args: Record<string, unknown>; system: string; examples: FixtureExample[] }[];
  verdicts: {
    gold: string;
    answer_text: string;
    reply: string;
    reward: { '044f0b6': number; '97d3282': number };
  }[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../../../fixtures/medmarks/longhealth.json', import.meta.url), 'utf8'),
) as Fixture;
const patients = readBenchmark(fixture.benchmark);
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const ctx = {} as RowContext;

function examplesFor(args: Record<string, unknown>): EnvExample[] {
  const items = prepareExamples(patients, {
    task: args['task'] as 'task1' | 'task2',
    docSeed: effectiveDocSeed(args) as number,
    shuffleDocs: args['shuffle_docs'] !== false,
  });
  return items.map((item) => {
    const outcome = longhealthEnv.rowToExample?.(item as never, ctx);
    if (outcome === undefined || !('example' in outcome)) throw new Error('row skipped');
    return outcome.example;
  });
}

describe('LongHealth against MedARC longhealth.py @ 154710b', () => {
  it('names the reference commit the fixture was made from', () => {
    expect(longhealthEnv.medarc?.commit).toBe(fixture.reference.commit);
    expect(longhealthEnv.presetOf?.({}).reference?.commit).toBe(fixture.reference.commit);
  });

  it('sends the reference system prompt byte for byte', () => {
    for (const env of fixture.envs) expect(LONGHEALTH_SYSTEM_PROMPT).toBe(env.system);
  });

  for (const env of fixture.envs) {
    it(`builds every example of ${JSON.stringify(env.env_args)} as the reference does`, () => {
      const examples = examplesFor(env.env_args);
      expect(examples).toHaveLength(env.examples.length);
      const reading = readLongHealthArgs(env.env_args);
      const settings = longhealthEnv.settings.schema.parse({
        ...longhealthEnv.settings.defaults,
        ...reading.settings,
      });
      examples.forEach((example, i) => {
        const expected = env.examples[i];
        if (expected === undefined) throw new Error(`no example ${i}`);
        const payload = readLongHealthPayload(example);
        const messages = longHealthPrompt(payload, settings);
        const user = messages[1]?.content ?? '';
        if (expected.user !== undefined) expect(user).toBe(expected.user);
        expect(sha256(messages[0]?.content ?? '')).toBe(expected.system_sha256);
        expect(Array.from(user).length).toBe(expected.user_chars);
        expect(sha256(user), `example ${i} (${example.id})`).toBe(expected.user_sha256);
        const presented = presentLongHealth(payload, settings);
        expect(presented.gold).toBe(expected.answer);
        const info = expected.info;
        expect({
          patient_id: payload.patientId,
          question_no: payload.questionNo,
          longhealth_task: payload.kind,
          correct_answer_text: payload.correctText,
          num_docs: payload.docs.length,
          has_answer_docs: payload.hasAnswerDocs,
        }).toEqual({
          ...info,
          options: undefined,
          answer_letter: undefined,
          question_no: info.question_no ?? null,
        });
        if (info.options !== undefined) {
          expect(presented.options.map((o) => [o.letter, o.text])).toEqual(
            Object.entries(info.options),
          );
          expect(presented.gold).toBe(info.answer_letter);
        }
      });
    });
  }

  it('cuts letters by code points, as Python slices a str', () => {
    const astral = '𝐇'.repeat(40000);
    const [first, cut] = truncateDocuments([astral, astral], [], 16000);
    expect(first).toBe(astral);
    expect(Array.from(cut ?? '')).toHaveLength(24000);
    expect(cut?.length).toBe(48000);
  });

  it(`scores ${fixture.verdicts.length} replies as both stored matchers do, with the prefix`, () => {
    const mismatches: string[] = [];
    for (const v of fixture.verdicts) {
      const presented = {
        options: [{ letter: v.gold, text: v.answer_text }],
        gold: v.gold,
        order: null,
      };
      for (const matcher of ['044f0b6', '97d3282'] as const) {
        const score = scoreLongHealth(v.reply, presented, v.answer_text, matcher);
        if ((score.correct ? 1 : 0) !== v.reward[matcher]) {
          mismatches.push(`${matcher} ${v.gold} ${JSON.stringify(v.reply)}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
